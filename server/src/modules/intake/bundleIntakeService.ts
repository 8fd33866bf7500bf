/**
 * One-stop bundles (issue #18): the applications a life event brings, sent
 * once. Each is checked exactly as a single submission is; then all are
 * stored in one transaction with a bundle receipt, or none is. A retry with
 * the same Idempotency-Key gets the first answer back.
 */
import { randomInt } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';
import { formatReceiptNumber, type CapacityTake, type BundleResponse, type CounterOrigin, type FieldError, type IntakeRequest, type Language } from '@madoguchi/shared';
import { BadRequestError, ConflictError, FieldConflictError, ValidationError } from '../../errors';
import type { NewSubmission, Storage, SubmissionBundle } from '../../storage/types';
import { matchesHash, sha256Hex, type SecretDeriver } from '../../security/keys';
import { contentHash } from '../procedures/contentHash';
import { CapacityFullError } from '../../storage/capacityTypes';
import { capacityFullError } from '../capacity/capacityErrors';
import { checkIdempotencyKey, receiptsExhausted, type CheckedApplication, type IntakeService } from './intakeService';

export const MAX_BUNDLE_ITEMS = 10;

export interface BundleItemRequest extends IntakeRequest {
  procedureId: string;
}

export interface BundleCommand {
  municipalityCode: string;
  items: unknown;
  idempotencyKey?: string;
  language: Language;
  residentSession?: string;
  /** One-time handle of a My Number Card signature over the whole bundle (its applications' digests, in order). */
  signature?: unknown;
  /** Filled in at the counter (issue #19): each application's origin, by procedure id. Set by the counter service only. */
  counter?: Record<string, CounterOrigin>;
}

export interface BundleResult {
  response: BundleResponse;
  created: boolean;
}

export class BundleIntakeService {
  constructor(
    private readonly storage: Storage,
    private readonly intake: IntakeService,
    private readonly secrets: SecretDeriver,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async submit(cmd: BundleCommand): Promise<BundleResult> {
    const ja = cmd.language === 'ja';
    const items = checkItems(cmd.items, ja);
    checkIdempotencyKey(cmd.idempotencyKey, ja);
    const signature = checkBundleSignature(cmd.signature, items, ja);
    const requestHash = cmd.idempotencyKey ? contentHash({ m: cmd.municipalityCode, bundle: items, ...(signature ? { signature } : {}) }) : '';
    if (cmd.idempotencyKey) {
      const earlier = await this.storage.submissions.findBundleByIdempotencyKey(cmd.municipalityCode, cmd.idempotencyKey);
      if (earlier) return this.replay(earlier, requestHash, ja);
    }
    const gate = signature ? this.intake.evidenceGate : undefined;
    let checked = await this.checkAll(cmd, items, ja, gate !== undefined);
    let consumeBundleSignature = async () => undefined as void;
    if (gate && signature) {
      // One signature over all: the card evidence of every application is checked against it together.
      const sid = cmd.residentSession;
      const evidence = await gate.bundleEvidenceFor({
        sid,
        handle: signature,
        municipalityCode: cmd.municipalityCode,
        items: checked.map((c) => ({
          sid,
          handle: undefined,
          version: c.version,
          municipalityCode: cmd.municipalityCode,
          data: c.data,
          attachments: c.cmd.body.attachments ?? {},
          language: cmd.language,
        })),
      });
      checked = checked.map((c, n) => ({ ...c, ...(evidence.evidence[n] ? { evidence: evidence.evidence[n] } : {}) }));
      consumeBundleSignature = evidence.consume;
    }
    const result = await this.store(cmd, checked, requestHash, ja);
    if (result.created) {
      for (const c of checked) await c.consume();
      await consumeBundleSignature();
    }
    return result;
  }

  /** Checks a bundle's applications as `submit` would, storing nothing (the counter, before the visitor confirms). */
  async checkOnly(cmd: BundleCommand): Promise<void> {
    const ja = cmd.language === 'ja';
    await this.checkAll(cmd, checkItems(cmd.items, ja), ja, false);
  }

  /** Checks every application; the problems of all of them come back together, each pointer under `/items/<n>`. */
  private async checkAll(cmd: BundleCommand, items: BundleItemRequest[], ja: boolean, signedWithBundle: boolean): Promise<CheckedApplication[]> {
    const checked: CheckedApplication[] = [];
    const problems: FieldError[] = [];
    for (const [n, { procedureId, ...body }] of items.entries()) {
      try {
        const session = cmd.residentSession ? { residentSession: cmd.residentSession } : {};
        const counter = cmd.counter?.[procedureId];
        checked.push(
          await this.intake.check({
            municipalityCode: cmd.municipalityCode,
            procedureId,
            body,
            language: cmd.language,
            ...session,
            ...(signedWithBundle ? { signedWithBundle } : {}),
            ...(counter ? { counter } : {}),
          }),
        );
      } catch (error) {
        if (error instanceof ValidationError && error.fields.length > 0) {
          problems.push(...error.fields.map((f) => ({ ...f, pointer: `/items/${n}${f.pointer}`, property: `.items.${n}${f.property}` })));
          continue;
        }
        throw error; // an unknown procedure, a changed form, a refused signature: the whole request is refused as it is
      }
    }
    if (problems.length > 0) {
      throw new ValidationError(
        ja
          ? `入力内容に${problems.length}件の誤りがあります。どの手続も、まだ送信されていません。`
          : `There ${problems.length === 1 ? 'is 1 problem' : `are ${problems.length} problems`} with your answers. Nothing has been sent yet.`,
        problems,
      );
    }
    return checked;
  }

  private async store(cmd: BundleCommand, checked: CheckedApplication[], requestHash: string, ja: boolean): Promise<BundleResult> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const at = this.now().toISOString();
      // The applications carry no key of their own: the bundle's key makes the whole request safe to retry.
      const entries = await Promise.all(checked.map((c) => this.intake.withDeadline(this.intake.newSubmission(c, at))));
      const id = timeOrderedUuid();
      const bundle: SubmissionBundle = {
        id,
        receiptNumber: formatReceiptNumber((n) => randomInt(n)),
        municipalityCode: cmd.municipalityCode,
        submissionIds: entries.map((e) => e.submission.id),
        ...(cmd.idempotencyKey ? { idempotencyKey: cmd.idempotencyKey, requestHash } : {}),
        createdAt: at,
      };
      try {
        await this.storage.submissions.insertBundle(bundle, entries);
      } catch (error) {
        if (error instanceof CapacityFullError) throw bundleCapacityFull(checked, entries, error.take, ja);
        if (error instanceof ConflictError && (error.conflictOn === 'receiptNumber' || error.conflictOn === 'bundleReceiptNumber')) continue; // draw again
        if (error instanceof ConflictError && error.conflictOn === 'bundleIdempotencyKey' && cmd.idempotencyKey) {
          const winner = await this.storage.submissions.findBundleByIdempotencyKey(cmd.municipalityCode, cmd.idempotencyKey);
          if (winner) return this.replay(winner, requestHash, ja); // a concurrent retry stored it first
        }
        throw error;
      }
      return {
        response: this.responseFor(
          bundle,
          entries.map((e) => e.submission),
        ),
        created: true,
      };
    }
    throw receiptsExhausted(ja);
  }

  private async replay(earlier: SubmissionBundle, requestHash: string, ja: boolean): Promise<BundleResult> {
    if (earlier.requestHash !== requestHash) {
      throw new ValidationError(ja ? '同じ Idempotency-Key で異なる内容が送信されました。新しいキーで送信してください。' : 'This Idempotency-Key was used for a different request. Use a new key.');
    }
    const submissions = await Promise.all(earlier.submissionIds.map((id) => this.storage.submissions.findById(id)));
    return {
      response: this.responseFor(
        earlier,
        submissions.filter((s) => s !== null),
      ),
      created: false,
    };
  }

  /** The bundle's status secret is derived like a submission's, so a retry can be answered with it again. */
  bundleSecret(bundleId: string): string {
    return this.secrets.derive('bundle-status', bundleId);
  }

  /** Whether `secret` is the bundle's status secret (compared in constant time). */
  opens(bundle: SubmissionBundle, secret: string): boolean {
    return secret.length > 0 && matchesHash(secret, sha256Hex(this.bundleSecret(bundle.id)));
  }

  private responseFor(bundle: SubmissionBundle, submissions: Array<{ id: string; receiptNumber: string; procedureId: string; formVersion: number; createdAt: string }>): BundleResponse {
    return {
      receiptNumber: bundle.receiptNumber,
      secret: this.bundleSecret(bundle.id),
      submittedAt: bundle.createdAt,
      items: submissions.map((s) => ({ procedureId: s.procedureId, receiptNumber: s.receiptNumber, secret: this.intake.statusSecret(s.id), formVersion: s.formVersion })),
    };
  }
}

/**
 * A full option in one of the bundle's applications: the single-form 409 capacity_full, its field
 * pointed to under `/items/<n>` like the bundle's other field problems (nothing of the bundle was stored).
 */
function bundleCapacityFull(checked: CheckedApplication[], entries: NewSubmission[], take: CapacityTake, ja: boolean): FieldConflictError {
  // The adapters throw the very take they were given; by value only as a fallback.
  const at = (same: (t: CapacityTake) => boolean) => entries.findIndex((e) => e.options?.capacity?.some(same));
  const byRef = at((t) => t === take);
  const n = Math.max(0, byRef >= 0 ? byRef : at((t) => t.fieldPath === take.fieldPath && t.option === take.option));
  const single = capacityFullError(checked[n]!.version.schema, take, ja);
  const fields = single.fields.map((f) => ({ ...f, pointer: `/items/${n}${f.pointer}`, property: `.items.${n}${f.property}` }));
  return new FieldConflictError(single.message, 'capacity_full', fields);
}

function checkItems(items: unknown, ja: boolean): BundleItemRequest[] {
  const ok =
    Array.isArray(items) &&
    items.length >= 1 &&
    items.length <= MAX_BUNDLE_ITEMS &&
    items.every((i) => i && typeof i === 'object' && typeof (i as BundleItemRequest).procedureId === 'string' && (i as BundleItemRequest).procedureId.length > 0);
  if (!ok) {
    throw new BadRequestError(
      ja ? `送信する手続（items）を1〜${MAX_BUNDLE_ITEMS}件、手続ごとに指定してください。` : `Send 1 to ${MAX_BUNDLE_ITEMS} applications (items), each naming its procedure.`,
      'bad_bundle',
    );
  }
  const list = items as BundleItemRequest[];
  if (new Set(list.map((i) => i.procedureId)).size !== list.length) {
    throw new BadRequestError(ja ? '同じ手続が2回含まれています。' : 'The same procedure appears twice.', 'bad_bundle');
  }
  return list;
}

/** A bundle is signed either once as a whole or form by form, never both. */
function checkBundleSignature(signature: unknown, items: BundleItemRequest[], ja: boolean): string | undefined {
  if (signature === undefined) return undefined;
  if (typeof signature !== 'string' || items.some((i) => i.signature !== undefined)) {
    throw new BadRequestError(
      ja
        ? '署名の指定が正しくありません（まとめて署名したときは、手続ごとの署名は指定しません）。'
        : 'The signature reference is not valid (a bundle signed as a whole carries no signature per form).',
      'bad_signature',
    );
  }
  return signature;
}
