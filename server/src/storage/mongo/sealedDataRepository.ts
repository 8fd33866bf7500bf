/**
 * Key rotation on MongoDB: every sealed field, walked in `_id` order a batch
 * at a time, each batch written with one unordered bulkWrite of
 * compare-and-set updates (a document the server rewrote meanwhile keeps the
 * server's value). A run can stop anywhere and simply be started again.
 */
import type { CounterModels } from './counterModels';
import type { CertificateModels } from './certificateModels';
import type { decisionNoticeModels } from './decisionNoticeRepository';
import type { PushModels } from './pushTargetRepository';
import type { Model } from 'mongoose';
import type { DataCipher } from '../../security/dataCipher';
import type { ResealOptions, ResealReport, SealedCount, SealedDataRepository, SealedLocation } from '../types';
import { ResealTally, countValue, emptyCount } from '../resealTally';
import { guardedMongo } from './errors';
import type { Models } from './models';
import type { InboxModels } from './inboxModels';
import type { LeanDoc } from './leanDoc';

interface SealedField extends SealedLocation {
  model: Model<LeanDoc>;
  /** Extra fields naming the document in reports (never the value). */
  idFields?: string[];
  idOf?: (doc: LeanDoc) => string;
  /** Buffer field: values can be megabytes, so batches are small. */
  binary?: boolean;
}

/** Files are up to MAX_UPLOAD_MB each: keep one batch's memory and write small. */
const BINARY_BATCH = 16;

/** A lean Buffer field arrives as a BSON Binary: its bytes as a Buffer. */
function asBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const binary = value as { value?: () => Uint8Array; buffer?: ArrayBufferLike | Uint8Array };
  if (typeof binary.value === 'function') return Buffer.from(binary.value());
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(binary.buffer as ArrayBuffer);
}

export class MongoSealedDataRepository implements SealedDataRepository {
  private readonly fields: SealedField[];

  constructor(
    m: Models,
    im: InboxModels,
    private readonly cipher: DataCipher,
    cm: CounterModels,
    certificates: CertificateModels,
    notices: ReturnType<typeof decisionNoticeModels>,
    push: PushModels,
  ) {
    // Every field written through DataCipher (grep `cipher.seal` in this folder). TOTP secrets use another key: see auth/totp.ts.
    this.fields = [
      { table: 'submissions', column: 'data', model: m.Submission },
      { table: 'submissions', column: 'evidence', model: m.Submission },
      { table: 'submissions', column: 'counter', model: m.Submission },
      { table: 'counter_sessions', column: 'work', model: cm.CounterSession },
      { table: 'certificates', column: 'facts', model: certificates.Certificate },
      { table: 'decision_notices', column: 'texts', model: notices.Notice },
      { table: 'submission_revisions', column: 'data', model: im.Revision, idFields: ['submissionId', 'revision'], idOf: (d) => `${d.submissionId}#${d.revision}` },
      { table: 'submission_notes', column: 'body', model: im.Note },
      { table: 'submission_messages', column: 'body', model: im.Message },
      { table: 'drafts', column: 'payload', model: m.Draft },
      { table: 'webhooks', column: 'secret', model: im.Webhook },
      { table: 'push_targets', column: 'secret', model: push.PushTarget },
      { table: 'files', column: 'content', model: m.File, binary: true },
    ];
  }

  private value(f: SealedField, doc: LeanDoc): Buffer | string | undefined {
    const raw = doc[f.column];
    if (raw === undefined || raw === null) return undefined;
    return f.binary ? asBuffer(raw) : (raw as string);
  }

  /** Documents of one field after `after`, in `_id` order, `size` at a time. */
  private async *batches(f: SealedField, size: number): AsyncGenerator<LeanDoc[]> {
    const projection = Object.fromEntries([f.column, ...(f.idFields ?? [])].map((k) => [k, 1]));
    let after: unknown;
    for (;;) {
      const filter = after === undefined ? {} : { _id: { $gt: after } };
      const docs = await f.model.find(filter, projection).sort({ _id: 1 }).limit(size).lean<LeanDoc[]>();
      if (docs.length === 0) return;
      after = docs.at(-1)._id;
      yield docs;
    }
  }

  async countByKey(): Promise<SealedCount[]> {
    const counts: SealedCount[] = [];
    for (const f of this.fields) {
      const count = emptyCount({ table: f.table, column: f.column });
      for await (const docs of this.batches(f, f.binary ? BINARY_BATCH : 1000)) {
        for (const doc of docs) {
          const value = this.value(f, doc);
          if (value !== undefined) countValue(count, value);
        }
      }
      counts.push(count);
    }
    return counts;
  }

  async resealAll(options: ResealOptions = {}): Promise<ResealReport> {
    const tally = new ResealTally(this.cipher);
    const batchSize = Math.max(1, options.batchSize ?? 200);
    for (const f of this.fields) {
      const table = tally.start({ table: f.table, column: f.column });
      for await (const docs of this.batches(f, f.binary ? Math.min(batchSize, BINARY_BATCH) : batchSize)) {
        table.scanned += docs.length;
        const writes: Array<{ _id: unknown; previous: Buffer | string; next: Buffer | string }> = [];
        for (const doc of docs) {
          const previous = this.value(f, doc);
          if (previous === undefined || !tally.needsReseal(previous)) continue;
          const next = tally.reseal(table, f.idOf ? f.idOf(doc) : String(doc._id), previous);
          if (next !== null) writes.push({ _id: doc._id, previous, next });
        }
        if (writes.length > 0) {
          const result = await guardedMongo(() =>
            f.model.bulkWrite(
              writes.map((w) => ({ updateOne: { filter: { _id: w._id, [f.column]: w.previous }, update: { $set: { [f.column]: w.next } } } })),
              { ordered: false },
            ),
          );
          await this.tallyWrites(f, table, tally, writes, result.modifiedCount);
        }
        options.onProgress?.({ table: f.table, column: f.column, scanned: table.scanned, resealed: table.resealed, failed: table.failed });
      }
    }
    return tally.report();
  }

  /** bulkWrite only says how many matched: when some lost the compare-and-set, look which documents hold our value. */
  private async tallyWrites(
    f: SealedField,
    table: ReturnType<ResealTally['start']>,
    tally: ResealTally,
    writes: Array<{ _id: unknown; previous: Buffer | string; next: Buffer | string }>,
    modified: number,
  ) {
    let won = writes;
    if (modified < writes.length) {
      const docs = await f.model.find({ _id: { $in: writes.map((w) => w._id) } }, { [f.column]: 1 }).lean<LeanDoc[]>();
      const now = new Map(docs.map((d) => [String(d._id), this.value(f, d)]));
      won = writes.filter((w) => {
        const stored = now.get(String(w._id));
        return stored !== undefined && (Buffer.isBuffer(stored) ? stored.equals(w.next as Buffer) : stored === w.next);
      });
    }
    for (const w of won) tally.resealed(table, w.previous);
    table.changedMeanwhile += writes.length - won.length;
  }

  async compact(): Promise<boolean> {
    // WiredTiger reuses freed blocks without zeroing them, and the oplog keeps recent writes for its window:
    // the application cannot purge those copies (see README, "Rotating the data key").
    return false;
  }
}
