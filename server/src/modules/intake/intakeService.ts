/**
 * Intake: checks a resident's submission against the exact published form
 * version and stores it once. Retries with the same Idempotency-Key get the
 * first answer back; nothing invalid is ever stored.
 */
import { randomInt } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';
import {
  type FormValidator,
  SUBMISSION_STATUS,
  formatReceiptNumber,
  versionKey,
  type FieldError,
  type FormVersion,
  type IntakeResponse,
  type Submission,
  type SubmissionEvidence,
  type SubmissionDeadline,
  type Disaster,
  capacityTakes,
} from '@madoguchi/shared';
import { BadRequestError, ConflictError, ValidationError } from '../../errors';
import { CapacityFullError } from '../../storage/capacityTypes';
import { capacityFullError } from '../capacity/capacityErrors';
import type { NewSubmission, Storage } from '../../storage/types';
import { contentHash } from '../procedures/contentHash';
import type { CatalogService } from '../procedures/catalogService';
import { sha256Hex, type SecretDeriver } from '../../security/keys';
import { checkAttachments } from './attachmentRules';
import { checkReception } from './receptionGate';
import type { EvidenceGate, IntakeCommand } from './intakeCommand';

export type { IntakeCommand } from './intakeCommand';
import { deriveApplicantIndex } from '../inbox/applicantIndex';
import { submissionEvent } from '../backoffice/events';
import type { DisasterIntake } from '../disasters/disasterIntake';

export interface IntakeResult {
  response: IntakeResponse;
  /** False when the answer is a replay of an earlier identical request. */
  created: boolean;
}

/** Answers that passed every check of `IntakeService.check`, ready to store. */
export interface CheckedApplication {
  cmd: IntakeCommand;
  version: FormVersion;
  data: Record<string, unknown>;
  evidence?: SubmissionEvidence;
  /** The declared disaster the application is for (its triage row is stored with it). */
  disaster?: Disaster;
  /** Ends the one-time signature handle; call once the submission is stored. */
  consume: () => Promise<void>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

export function checkIdempotencyKey(key: string | undefined, ja: boolean): void {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestError(ja ? 'Idempotency-Key は8〜200文字の英数字記号で指定してください。' : 'Idempotency-Key must be 8–200 visible ASCII characters.', 'bad_idempotency_key');
  }
}

export const receiptsExhausted = (ja: boolean) =>
  new ConflictError(ja ? '到達番号を発行できませんでした。もう一度送信してください。' : 'Could not issue a receipt number. Please submit again.', 'receipt_exhausted');

function checkBodyShape(cmd: IntakeCommand, ja: boolean): void {
  if (!cmd.body || typeof cmd.body !== 'object' || typeof cmd.body.data !== 'object' || cmd.body.data === null || Array.isArray(cmd.body.data)) {
    throw new BadRequestError(ja ? '申請データ（data）がありません。' : 'The request has no application data (data).', 'missing_data');
  }
  const { attachments, uploadToken } = cmd.body;
  const attachmentsOk =
    attachments === undefined ||
    (typeof attachments === 'object' &&
      attachments !== null &&
      !Array.isArray(attachments) &&
      Object.values(attachments).every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string')));
  if (!attachmentsOk || (uploadToken !== undefined && typeof uploadToken !== 'string')) {
    throw new BadRequestError(ja ? '添付ファイルの指定が正しくありません。' : 'The attachments are not in the expected form.', 'bad_attachments');
  }
}

const withCapacity = (takes: ReturnType<typeof capacityTakes>) => (takes.length ? { capacity: takes } : {});

export class IntakeService {
  constructor(
    private readonly storage: Storage,
    private readonly catalog: CatalogService,
    private readonly validator: FormValidator,
    private readonly secrets: SecretDeriver,
    private readonly now: () => Date = () => new Date(),
    readonly evidenceGate?: EvidenceGate,
    private readonly disasters?: DisasterIntake,
    /** Stamps the 標準処理期間 deadline on what was received (issue #21); the bundle intake uses it too. */
    readonly deadlines?: { deadlineFor(submission: Submission): Promise<SubmissionDeadline | undefined> },
  ) {}

  async submit(cmd: IntakeCommand): Promise<IntakeResult> {
    const ja = cmd.language === 'ja';
    checkIdempotencyKey(cmd.idempotencyKey, ja);
    // Only a keyed request can be replayed, so only it needs the fingerprint of its content.
    const requestHash = cmd.idempotencyKey ? contentHash({ m: cmd.municipalityCode, p: cmd.procedureId, b: cmd.body }) : '';
    if (cmd.idempotencyKey) {
      checkBodyShape(cmd, ja);
      const earlier = await this.storage.submissions.findByIdempotencyKey(cmd.municipalityCode, cmd.idempotencyKey);
      if (earlier) return this.replay(earlier, requestHash, ja);
    }
    const checked = await this.check(cmd);
    const result = await this.store(checked, requestHash, ja);
    if (result.created) await checked.consume();
    return result;
  }

  /**
   * Everything intake checks before storing, without storing: the request's
   * shape, the form version, the answers, the attachments, the card evidence.
   * Shared with bundles, which store several checked applications at once.
   */
  async check(cmd: IntakeCommand): Promise<CheckedApplication> {
    const ja = cmd.language === 'ja';
    checkBodyShape(cmd, ja);
    const version = await this.catalog.current(cmd.municipalityCode, cmd.procedureId);
    checkReception(version.procedure, this.now(), cmd.language, !!cmd.counter);
    if (cmd.body.formVersion !== undefined && cmd.body.formVersion !== version.version) {
      throw new ConflictError(
        ja ? 'この手続の様式が更新されました。お手数ですが、入力内容を確認のうえ、もう一度送信してください。' : 'This form has been updated. Please check your answers and submit again.',
        'form_version_changed',
      );
    }
    // A disaster procedure takes its disaster from the declaration, not from what the resident typed.
    const settled = this.disasters ? await this.disasters.settle(cmd.municipalityCode, version, cmd.body.data, cmd.language) : { data: cmd.body.data, disaster: null };
    const key = versionKey(version.owner, version.procedureId, version.version);
    // The server judges what was shown: answers of fields whose condition does not hold are discarded, never stored.
    const shown = this.validator.withoutHiddenAnswers(key, version.schema, settled.data);
    const outcome = this.validator.validate(key, version.schema, shown, cmd.language, true);
    const attachmentErrors = await checkAttachments(this.storage, version, cmd, outcome.valid ? outcome.data : cmd.body.data);
    const errors: FieldError[] = [...outcome.errors, ...attachmentErrors];
    if (errors.length > 0) {
      throw new ValidationError(ja ? `入力内容に${errors.length}件の誤りがあります。` : `There ${errors.length === 1 ? 'is 1 problem' : `are ${errors.length} problems`} with your answers.`, errors);
    }
    const data = outcome.data as Record<string, unknown>;
    // A bundle signed once checks the evidence of all its applications together (BundleIntakeService).
    const gate = cmd.signedWithBundle || cmd.counter ? undefined : await this.checkEvidence(cmd, version, data, ja);
    return {
      cmd,
      version,
      data,
      ...(gate?.evidence ? { evidence: gate.evidence } : {}),
      ...(settled.disaster ? { disaster: settled.disaster } : {}),
      consume: gate?.consume ?? (async () => undefined),
    };
  }

  /** Card sign-in and signature: refused before anything is stored when they do not fit the answers or the policy. */
  private async checkEvidence(cmd: IntakeCommand, version: FormVersion, data: Record<string, unknown>, ja: boolean) {
    if (cmd.body.signature !== undefined && typeof cmd.body.signature !== 'string') {
      throw new BadRequestError(ja ? '署名の指定が正しくありません。' : 'The signature reference is not valid.', 'bad_signature');
    }
    if (this.evidenceGate) {
      return this.evidenceGate.evidenceFor({
        sid: cmd.residentSession,
        handle: cmd.body.signature,
        version,
        municipalityCode: cmd.municipalityCode,
        data,
        attachments: cmd.body.attachments ?? {},
        language: cmd.language,
      });
    }
    // Without a card provider nothing can be signed: submissions are taken unsigned, as the inbox says (start-up warns).
    return undefined;
  }

  /**
   * A new submission of checked answers, with a fresh id and 到達番号, the
   * files it binds and the search index, event and audit entry that commit
   * with it; `idempotency` when the request carried an Idempotency-Key of its own.
   */
  newSubmission(checked: CheckedApplication, at: string, idempotency?: { key: string; requestHash: string }): NewSubmission {
    const { cmd, version, data, evidence, disaster } = checked;
    const attachments = cmd.body.attachments ?? {};
    const fileIds = Object.values(attachments).flat();
    // Time-ordered ids append to the primary-key index instead of touching a random page per insert.
    const id = timeOrderedUuid();
    const submission: Submission = {
      id,
      receiptNumber: formatReceiptNumber((n) => randomInt(n)),
      secretHash: sha256Hex(this.statusSecret(id)),
      municipalityCode: cmd.municipalityCode,
      procedureOwner: version.owner,
      procedureId: version.procedureId,
      formVersion: version.version,
      data,
      attachments,
      status: SUBMISSION_STATUS.received,
      history: [{ from: null, to: SUBMISSION_STATUS.received, at, by: 'applicant' }],
      ...(idempotency ? { idempotencyKey: idempotency.key, requestHash: idempotency.requestHash } : {}),
      language: cmd.language,
      ...(evidence ? { evidence } : {}),
      ...(cmd.counter ? { counter: cmd.counter } : {}),
      createdAt: at,
      updatedAt: at,
    };
    return {
      submission,
      ...(fileIds.length ? { files: { ids: fileIds, uploadToken: cmd.body.uploadToken ?? '' } } : {}),
      // The search index, the 'received' event (outbox: nothing is lost between commit and delivery)
      // and the audit event commit with the submission.
      options: {
        index: deriveApplicantIndex(data, version.uiSchema),
        outbox: [submissionEvent('submission.received', submission, at, { previousStatus: null })],
        audit: {
          at,
          actor: cmd.counter ? cmd.counter.servedBy : 'applicant',
          action: 'submission.received',
          municipalityCode: cmd.municipalityCode,
          targetType: 'submission',
          targetId: id,
          details: {
            receiptNumber: submission.receiptNumber,
            procedureId: version.procedureId,
            formVersion: version.version,
            ...(cmd.counter ? { channel: 'counter', counterSession: cmd.counter.sessionId } : {}),
          },
        },
        ...(disaster && this.disasters ? { disasterCase: this.disasters.caseFor(disaster, submission) } : {}),
        // The places of limited options chosen (x-capacity), taken in the insert's own transaction.
        ...withCapacity(capacityTakes(version.schema, data)),
      },
    };
  }

  private async store(checked: CheckedApplication, requestHash: string, ja: boolean): Promise<IntakeResult> {
    const { cmd } = checked;
    for (let attempt = 0; attempt < 5; attempt++) {
      const entry = await this.withDeadline(this.newSubmission(checked, this.now().toISOString(), cmd.idempotencyKey ? { key: cmd.idempotencyKey, requestHash } : undefined));
      try {
        await this.storage.submissions.insert(entry.submission, entry.files, entry.options);
      } catch (error) {
        if (error instanceof ConflictError && error.conflictOn === 'receiptNumber') continue; // 1 in 2^54: draw again
        if (error instanceof ConflictError && error.conflictOn === 'idempotencyKey' && cmd.idempotencyKey) {
          const winner = await this.storage.submissions.findByIdempotencyKey(cmd.municipalityCode, cmd.idempotencyKey);
          if (winner) return this.replay(winner, requestHash, ja); // a concurrent retry stored it first
        }
        if (error instanceof CapacityFullError) throw capacityFullError(checked.version.schema, error.take, ja);
        throw error;
      }
      return { response: this.responseFor(entry.submission), created: true };
    }
    throw receiptsExhausted(ja);
  }

  /** The 標準処理期間 in force now gives the new submission its deadline, committed with it (none set: none given). */
  async withDeadline(entry: NewSubmission): Promise<NewSubmission> {
    const deadline = await this.deadlines?.deadlineFor(entry.submission);
    return deadline ? { ...entry, options: { ...entry.options, deadline } } : entry;
  }

  private replay(earlier: Submission, requestHash: string, ja: boolean): IntakeResult {
    if (earlier.requestHash !== requestHash) {
      throw new ValidationError(ja ? '同じ Idempotency-Key で異なる内容が送信されました。新しいキーで送信してください。' : 'This Idempotency-Key was used for a different request. Use a new key.');
    }
    return { response: this.responseFor(earlier), created: false };
  }

  /** The status secret is derived, not stored: a retried request can be answered with it again. */
  statusSecret(submissionId: string): string {
    return this.secrets.derive('status', submissionId);
  }

  responseFor(s: Submission, secret = this.statusSecret(s.id)): IntakeResponse {
    return { receiptNumber: s.receiptNumber, secret, submittedAt: s.createdAt, procedureId: s.procedureId, formVersion: s.formVersion };
  }
}
