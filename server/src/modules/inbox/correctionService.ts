/**
 * The applicant's side of a 補正依頼: read the request on the status page,
 * answer it with a message, corrected answers (only those asked for) and added
 * files. The answer is validated against the submission's own form version and
 * becomes a new revision; earlier revisions stay readable.
 */
import { randomUUID } from 'node:crypto';
import { type FormValidator, STATUS_LABELS, answerList, capacityFields, capacityTakes, versionKey, type FieldError, type Language, type Submission } from '@madoguchi/shared';
import { CapacityFullError } from '../../storage/capacityTypes';
import { capacityFullError } from '../capacity/capacityErrors';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Storage, SubmissionMessage, SubmissionMeta } from '../../storage/types';
import { submissionEvent } from '../backoffice/events';
import { auditSubmission, type ApplicantActor } from './actor';
import { deriveApplicantIndex } from './applicantIndex';
import { checkAddedFiles } from './correctionFiles';
import { correctionFields, setAt, type CorrectionField } from './correctionFields';
import type { InboxLookups } from './lookups';
import { inboxText } from './messages';
import { MAX_TEXT } from './workflowService';
import type { EvidenceGate } from '../intake/intakeCommand';
import { receiptMismatch, submissionByReceipt } from '../status/receiptAccess';

export interface CorrectionView {
  receiptNumber: string;
  /** Where added files are uploaded (POST /municipalities/:code/uploads with this procedure). */
  municipalityCode: string;
  procedureId: string;
  status: Submission['status'];
  statusLabel: string;
  procedureTitle: string;
  revision: number;
  /** The open request, when the desk is waiting for the applicant. */
  request: { message: string; requestedAt: string; fields: CorrectionField[] } | null;
  attachments: Array<{ id: string; label: string; accept: string[]; maxFiles: number; maxSizeMb: number; files: Array<{ fileName: string }> }>;
  messages: Array<{ kind: SubmissionMessage['kind']; body: string; at: string }>;
  revisions: Array<{ revision: number; createdAt: string }>;
  /** A changed answer must be signed with the My Number Card before it is sent (the procedure requires it and the card is offered). */
  signatureRequired: boolean;
}

export interface CorrectionAnswer {
  message?: unknown;
  /** JSON pointer → new value (null or '' clears it). */
  changes?: unknown;
  /** Attachment spec id → newly uploaded file ids (added to what is there). */
  attachments?: unknown;
  uploadToken?: unknown;
  /** The revision the applicant was looking at. */
  revision?: unknown;
  /** One-time handle of a My Number Card signature over the corrected application (when the procedure requires one). */
  signature?: unknown;
}

/**
 * Signatures on corrections (modules/identity, through the composition root):
 * the same check as at intake, over the corrected answers and files.
 */
export interface CorrectionSignatures {
  evidenceFor: EvidenceGate['evidenceFor'];
  offeredIn: (municipalityCode: string) => boolean;
}

export class CorrectionService {
  constructor(
    private readonly storage: Storage,
    private readonly lookups: InboxLookups,
    private readonly validator: FormValidator,
    private readonly now: () => Date = () => new Date(),
    private readonly signatures?: CorrectionSignatures,
    /** The answer ends the correction pause: the due date moves on by the days it stood still (issue #21). */
    private readonly deadlines?: { resume(submissionId: string): Promise<void> },
  ) {}

  /** The submission behind a receipt number and secret; one 404 for every mismatch. */
  private async authenticate(receiptInput: string, secret: string, language: Language) {
    const submission = await submissionByReceipt(this.storage, receiptInput, secret, language);
    const meta = (await this.storage.inbox.getMeta(submission.id))!;
    const version = await this.lookups.version(submission.procedureOwner, submission.procedureId, submission.formVersion);
    if (!version) throw receiptMismatch(language);
    return { submission, meta, version, actor: { kind: 'applicant', receiptNumber: submission.receiptNumber } as ApplicantActor };
  }

  async view(receipt: string, secret: string, language: Language): Promise<CorrectionView> {
    const { submission: s, meta, version, actor } = await this.authenticate(receipt, secret, language);
    const [messages, revisions] = await Promise.all([this.storage.inbox.listMessages(s.id), this.storage.inbox.listRevisions(s.id)]);
    const open = s.status === 'correction-requested' ? messages.filter((m) => m.kind === 'correction-request').at(-1) : undefined;
    const files = await Promise.all(Object.entries(s.attachments).map(async ([id, ids]) => [id, await Promise.all(ids.map((f) => this.storage.files.getMeta(f)))] as const));
    await auditSubmission(this.storage, actor, 'submission.read', meta, this.now(), { by: 'applicant' });
    return {
      receiptNumber: s.receiptNumber,
      municipalityCode: s.municipalityCode,
      procedureId: s.procedureId,
      status: s.status,
      statusLabel: STATUS_LABELS[s.status][language],
      procedureTitle: version.procedure.title,
      revision: meta.revision,
      signatureRequired: !!this.signatures?.offeredIn(s.municipalityCode) && version.procedure.signaturePolicy === 'required',
      request: open ? { message: open.body, requestedAt: open.createdAt, fields: correctionFields(version.schema, s.data, open.fields) } : null,
      attachments: version.procedure.attachments.map((a) => ({
        id: a.id,
        label: language === 'en' ? (a.labelEn ?? a.label) : a.label,
        accept: a.accept,
        maxFiles: a.maxFiles,
        maxSizeMb: a.maxSizeMb,
        files: (files.find(([id]) => id === a.id)?.[1] ?? []).filter((m) => m !== null).map((m) => ({ fileName: m!.fileName })),
      })),
      // Free messages live in the message thread (messageThread.ts), which shows corrections too; this panel keeps to the correction.
      messages: messages.filter((m) => m.kind !== 'message').map((m) => ({ kind: m.kind, body: m.body, at: m.createdAt })),
      revisions: revisions.map((r) => ({ revision: r.revision, createdAt: r.createdAt })),
    };
  }

  /** An earlier revision's answers, as the applicant sent them. */
  async revision(receipt: string, secret: string, revision: number, language: Language) {
    const { meta, version, actor } = await this.authenticate(receipt, secret, language);
    const found = (await this.storage.inbox.listRevisions(meta.id)).find((r) => r.revision === revision);
    if (!found) throw new NotFoundError(inboxText(language, 'revisionNotFound'), 'revision_not_found');
    const v = found.formVersion === version.version ? version : await this.lookups.version(meta.procedureOwner, meta.procedureId, found.formVersion);
    await auditSubmission(this.storage, actor, 'submission.read', meta, this.now(), { by: 'applicant', revision });
    return { revision: found.revision, createdAt: found.createdAt, answers: v ? answerList(v.schema, found.data, { language }) : [] };
  }

  /**
   * The corrected application as it would be stored (answers validated, files checked), without storing it:
   * what a resident signs before answering, and what `answer` stores.
   */
  async prepare(receipt: string, secret: string, body: CorrectionAnswer, language: Language) {
    const { submission: s, meta, version, actor } = await this.authenticate(receipt, secret, language);
    const request = s.status === 'correction-requested' ? (await this.storage.inbox.listMessages(s.id)).filter((m) => m.kind === 'correction-request').at(-1) : undefined;
    if (!request) throw new ConflictError(inboxText(language, 'noOpenCorrection'), 'no_open_correction');
    if (body.revision !== undefined && body.revision !== meta.revision) throw new ConflictError(inboxText(language, 'correctionStale'), 'stale_revision');
    const message = typeof body.message === 'string' ? body.message.trim() : '';
    if (message.length > MAX_TEXT) throw new BadRequestError(inboxText(language, 'answerTooLong'), 'message_too_long');
    const changes = isRecord(body.changes) ? body.changes : {};
    const added = isRecord(body.attachments) ? (body.attachments as Record<string, unknown>) : {};
    const addedCount = Object.values(added).flat().length;
    if (!message && Object.keys(changes).length === 0 && addedCount === 0) throw new BadRequestError(inboxText(language, 'correctionEmpty'), 'empty_answer');

    const allowed = new Set(correctionFields(version.schema, s.data, request.fields).map((f) => f.pointer));
    const data = structuredClone(s.data);
    for (const [pointer, value] of Object.entries(changes)) {
      if (!allowed.has(pointer)) throw new BadRequestError(inboxText(language, 'correctionFieldNotRequested'), 'field_not_requested');
      setAt(data, pointer, value);
    }
    const key = versionKey(version.owner, version.procedureId, version.version);
    // A corrected answer may hide other fields: their answers go, as at intake.
    const outcome = this.validator.validate(key, version.schema, this.validator.withoutHiddenAnswers(key, version.schema, data), language);
    const uploadToken = typeof body.uploadToken === 'string' ? body.uploadToken : '';
    const files = await checkAddedFiles(this.storage, version, s, added, uploadToken, outcome.valid ? outcome.data : data, language);
    const errors: FieldError[] = [...outcome.errors, ...files.errors];
    if (errors.length) throw new ValidationError(inboxText(language, 'correctionInvalid', { count: errors.length }), errors);

    return { s, meta, version, actor, message, changes, files, uploadToken, newData: outcome.data as Record<string, unknown> };
  }

  async answer(receipt: string, secret: string, body: CorrectionAnswer, language: Language, residentSession?: string): Promise<{ revision: number; status: Submission['status'] }> {
    const { s, meta, version, actor, message, changes, files, uploadToken, newData } = await this.prepare(receipt, secret, body, language);
    const changed = Object.keys(changes).length > 0 || files.ids.length > 0;
    // A procedure that requires a signature needs one over the corrected application too (when the card is offered).
    const signed =
      changed && this.signatures && (version.procedure.signaturePolicy === 'required' || body.signature !== undefined)
        ? await this.signatures.evidenceFor({
            sid: residentSession,
            handle: typeof body.signature === 'string' ? body.signature : undefined,
            version,
            municipalityCode: s.municipalityCode,
            data: newData,
            attachments: files.attachments,
            language,
          })
        : undefined;
    const at = this.now();
    const revised = await this.storage.submissions
      .revise(
        s.id,
        'correction-requested',
        {
          data: newData,
          attachments: files.attachments,
          ...(files.ids.length ? { files: { ids: files.ids, uploadToken } } : {}),
          change: { from: 'correction-requested', to: 'resubmitted', at: at.toISOString(), by: 'applicant' },
        },
        at,
        {
          index: deriveApplicantIndex(newData, version.uiSchema),
          outbox: [submissionEvent('submission.resubmitted', { ...s, status: 'resubmitted' }, at.toISOString(), { previousStatus: 'correction-requested', revision: meta.revision + 1 })],
          // The corrected answers may choose another option with a capacity (issue #22): the places move with them.
          ...(capacityFields(version.schema).length ? { rebookCapacity: capacityTakes(version.schema, newData) } : {}),
        },
      )
      .catch((error: unknown) => {
        if (error instanceof CapacityFullError) throw capacityFullError(version.schema, error.take, language === 'ja');
        throw error instanceof ConflictError && error.code === 'stale_status' ? new ConflictError(inboxText(language, 'correctionStale'), 'stale_revision') : error;
      });
    if (signed?.evidence?.signature) {
      // Signed again over the corrected application: that signature now stands for the submission.
      await this.storage.submissions.setEvidence(s.id, { ...s.evidence, signature: signed.evidence.signature });
      await signed.consume();
    } else if (s.evidence?.signature && changed) {
      // The signature covered the answers as first sent: after a change it no longer does.
      await this.storage.submissions.setEvidence(s.id, {
        ...s.evidence,
        signature: { ...s.evidence.signature, status: 'invalid', failure: 'corrected_after_signing', lastVerifiedAt: at.toISOString() },
      });
    }
    await this.storage.inbox.addMessage({
      id: randomUUID(),
      submissionId: s.id,
      municipalityCode: s.municipalityCode,
      kind: 'correction-answer',
      author: 'applicant',
      body: message,
      fields: Object.keys(changes),
      revision: meta.revision + 1,
      createdAt: at.toISOString(),
    });
    await auditSubmission(this.storage, actor, 'submission.corrected', meta as SubmissionMeta, at, { revision: meta.revision + 1, changed: Object.keys(changes), filesAdded: files.ids.length });
    await this.deadlines?.resume(s.id);
    return { revision: meta.revision + 1, status: revised.status };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
