/** Submissions in MongoDB: every write is a transaction that also stamps the change sequence and writes the outbox. */
import type { DisasterModels } from './disasterModels';
import { insertDisasterCase } from './disasterRepository';
import { insertDecisionNotice } from './decisionNoticeRepository';
import { prepareCapacity, rebookCapacity, releaseCapacity, takeCapacity } from './capacityRepository';
import type { ClientSession, Connection } from 'mongoose';
import { channelOf, type StatusChange, type Submission, type SubmissionEvidence, type SubmissionStatus } from '@madoguchi/shared';
import { ConflictError, NotFoundError } from '../../errors';
import { decodeCursor, encodeCursor } from '../cursor';
import type { NewRevision, NewSubmission, SubmissionBundle, SubmissionPage, SubmissionQuery, SubmissionRepository, SubmissionWriteOptions } from '../types';
import { guardedMongo } from './errors';
import type { Models } from './models';
import type { InboxModels } from './inboxModels';
import type { DataCipher } from '../../security/dataCipher';
import { stampFields, writeOutbox } from './changeLog';
import { MongoAuditRepository, strip } from './repositories';
import { msg, type MessageRef } from '../../i18n/messages';
import type { MongoFilter } from './leanDoc';

/** Inbox fields on a submission document that are not part of the Submission domain type. */
export const META_FIELDS = ['applicantName', 'applicantKana', 'channel', 'revision', 'changeSeq', 'closedAt', 'acknowledgedAt', 'acknowledgedBy', 'acknowledgedRevision', 'strippedAt'];

/** Thrown inside a transaction to abort it when a compare-and-set found the submission moved. */
class StaleWrite extends Error {}

/** Answers are sealed with the data cipher at rest (stored as a string in `data`). */
export class MongoSubmissionRepository implements SubmissionRepository {
  constructor(
    private readonly m: Models,
    private readonly connection: Connection,
    private readonly cipher: DataCipher,
    private readonly im: InboxModels,
    private readonly dm: DisasterModels,
  ) {}

  private fromDoc(doc: unknown): Submission | null {
    const s = strip<(Submission & Record<string, unknown>) | null>(doc, 'id');
    if (!s) return null;
    for (const key of META_FIELDS) delete s[key];
    const evidence = s.evidence as unknown as string | undefined;
    const counter = s.counter as unknown as string | undefined;
    delete s.evidence;
    delete s.counter;
    return {
      ...s,
      data: this.cipher.openJson(s.data as unknown as string),
      ...(evidence ? { evidence: this.cipher.openJson(evidence) as Submission['evidence'] } : {}),
      ...(counter ? { counter: this.cipher.openJson(counter) as Submission['counter'] } : {}),
    };
  }

  async insert(s: Submission, files?: { ids: string[]; uploadToken: string }, options: SubmissionWriteOptions = {}): Promise<void> {
    await this.insertAll([{ submission: s, ...(files ? { files } : {}), options }]);
  }

  async insertBundle(bundle: SubmissionBundle, entries: NewSubmission[]): Promise<void> {
    await this.insertAll(entries, bundle);
  }

  async findBundle(receiptNumber: string): Promise<SubmissionBundle | null> {
    return strip<SubmissionBundle | null>(await guardedMongo(() => this.m.Bundle.findOne({ receiptNumber }).lean()), 'id');
  }

  async findBundleByIdempotencyKey(municipalityCode: string, idempotencyKey: string): Promise<SubmissionBundle | null> {
    return strip<SubmissionBundle | null>(await guardedMongo(() => this.m.Bundle.findOne({ municipalityCode, idempotencyKey }).lean()), 'id');
  }

  /** One transaction: every submission, file binding and outbox event of the request (and the bundle), or none. */
  private async insertAll(entries: NewSubmission[], bundle?: SubmissionBundle): Promise<void> {
    for (const { submission, options } of entries) if (options?.capacity?.length) await guardedMongo(() => prepareCapacity(this.connection, submission, options.capacity!));
    await guardedMongo(
      () =>
        this.connection.transaction(async (session) => {
          // The bundle first: a concurrent retry of the same bundle meets its key before it meets the files bound by the first.
          if (bundle) await this.createBundle(bundle, session);
          for (const { submission: s, files, options = {} } of entries) {
            const { id, evidence, counter, ...plain } = s;
            const sealed = { ...(evidence ? { evidence: this.cipher.sealJson(evidence) } : {}), ...(counter ? { counter: this.cipher.sealJson(counter) } : {}) };
            const rest = { ...plain, data: this.cipher.sealJson(s.data), ...sealed, channel: channelOf(s), revision: 1 };
            const { set } = await stampFields(this.im, s.status, s.createdAt, options, session);
            const deadline = options.deadline ? { deadline: options.deadline, dueDate: options.deadline.dueDate } : {};
            await this.m.Submission.create([{ _id: id, ...rest, ...set, ...deadline }], { session });
            if (files) {
              const res = await this.m.File.updateMany({ _id: { $in: files.ids }, uploadToken: files.uploadToken, submissionId: { $exists: false } }, { $set: { submissionId: id } }, { session });
              if (res.modifiedCount !== new Set(files.ids).size) throw new ConflictError(msg('attachmentUnavailable'), 'attachment_unavailable', 'attachments');
            }
            if (options.disasterCase) await insertDisasterCase(this.dm, options.disasterCase, session);
            // After the submission: a retry with the same key fails as a duplicate (and is replayed), not as "full".
            if (options.capacity?.length) await takeCapacity(this.connection, s, options.capacity, session);
            await writeOutbox(this.im, options.outbox, session);
          }
        }),
      msg('duplicateSubmission'),
    );
    for (const entry of entries) await this.appendAudit(entry.options ?? {});
  }

  private async createBundle(bundle: SubmissionBundle, session: ClientSession): Promise<void> {
    const { id, ...rest } = bundle;
    try {
      await this.m.Bundle.create([{ _id: id, ...rest }], { session });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const onKey = Object.keys((error as { keyPattern?: object }).keyPattern ?? {}).includes('idempotencyKey');
      throw new ConflictError(onKey ? msg('duplicateIdempotencyKey') : msg('duplicateReceiptNumber'), 'duplicate', onKey ? 'bundleIdempotencyKey' : 'bundleReceiptNumber');
    }
  }

  async setEvidence(id: string, evidence: SubmissionEvidence): Promise<boolean> {
    const res = await guardedMongo(() => this.m.Submission.updateOne({ _id: id }, { $set: { evidence: this.cipher.sealJson(evidence) } }));
    return res.matchedCount === 1;
  }

  /** The audit chain serialises on its own unique index, so it is appended after the write commits. */
  private async appendAudit(options: SubmissionWriteOptions): Promise<void> {
    if (options.audit) await new MongoAuditRepository(this.m).append(options.audit);
  }

  private async one(filter: Record<string, unknown>) {
    return this.fromDoc(await this.m.Submission.findOne(filter).lean());
  }

  findById(id: string) {
    return this.one({ _id: id });
  }

  findByReceiptNumber(receiptNumber: string) {
    return this.one({ receiptNumber });
  }

  findByIdempotencyKey(municipalityCode: string, idempotencyKey: string) {
    return this.one({ municipalityCode, idempotencyKey });
  }

  async changeStatus(id: string, expected: SubmissionStatus, change: StatusChange, now: Date, options: SubmissionWriteOptions = {}): Promise<Submission> {
    const at = now.toISOString();
    const updated = await guardedMongo(() =>
      this.connection.transaction(async (session) => {
        const { set, unset } = await stampFields(this.im, change.to, at, options, session);
        const doc = await this.m.Submission.findOneAndUpdate(
          { _id: id, status: expected },
          { $set: { status: change.to, updatedAt: at, ...set }, $push: { history: change }, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
          { new: true, session },
        ).lean();
        // Aborting keeps the counter and outbox untouched when the compare-and-set lost.
        if (!doc) throw new StaleWrite();
        await writeOutbox(this.im, options.outbox, session);
        if (options.decisionNotice) await insertDecisionNotice(this.connection, this.cipher, options.decisionNotice, session);
        if (options.releaseCapacity) await releaseCapacity(this.connection, id, at, session);
        return doc;
      }),
    ).catch((error: unknown) => (error instanceof StaleWrite ? null : Promise.reject(error)));
    return this.afterCompareAndSet(updated, id, options, msg('staleStatusByStaff'));
  }

  async revise(id: string, expected: SubmissionStatus, r: NewRevision, now: Date, options: SubmissionWriteOptions = {}): Promise<Submission> {
    const at = now.toISOString();
    const owner = options.rebookCapacity?.length ? await guardedMongo(() => this.m.Submission.findById(id, { municipalityCode: 1, procedureId: 1 }).lean<MongoFilter | null>()) : null;
    if (owner)
      await guardedMongo(() =>
        prepareCapacity(this.connection, { municipalityCode: owner.municipalityCode as string, procedureId: owner.procedureId as string, createdAt: at }, options.rebookCapacity!),
      );
    const updated = await guardedMongo(() =>
      this.connection.transaction(async (session) => {
        const current = await this.m.Submission.findOne({ _id: id, status: expected }, null, { session }).lean<MongoFilter>();
        if (!current) throw new StaleWrite();
        const history = current.history as StatusChange[];
        const archivedAt = history.filter((h) => h.to === 'received' || h.to === 'resubmitted').at(-1)?.at ?? current.createdAt;
        await this.im.Revision.create(
          [{ submissionId: id, revision: current.revision ?? 1, formVersion: current.formVersion, data: current.data, attachments: current.attachments, createdAt: archivedAt }],
          { session },
        );
        if (r.files?.ids.length) {
          const res = await this.m.File.updateMany({ _id: { $in: r.files.ids }, uploadToken: r.files.uploadToken, submissionId: { $exists: false } }, { $set: { submissionId: id } }, { session });
          if (res.modifiedCount !== new Set(r.files.ids).size) throw new ConflictError(msg('attachmentUnavailable'), 'attachment_unavailable', 'attachments');
        }
        const { set, unset } = await stampFields(this.im, r.change.to, at, options, session);
        const doc = await this.m.Submission.findOneAndUpdate(
          { _id: id, status: expected },
          {
            $set: { data: this.cipher.sealJson(r.data), attachments: r.attachments, status: r.change.to, updatedAt: at, ...set },
            $inc: { revision: 1 },
            $push: { history: r.change },
            ...(Object.keys(unset).length ? { $unset: unset } : {}),
          },
          { new: true, session },
        ).lean();
        if (!doc) throw new StaleWrite();
        await writeOutbox(this.im, options.outbox, session);
        if (options.rebookCapacity)
          await rebookCapacity(this.connection, { id, municipalityCode: current.municipalityCode as string, procedureId: current.procedureId as string }, options.rebookCapacity, at, session);
        return doc;
      }),
    ).catch((error: unknown) => (error instanceof StaleWrite ? null : Promise.reject(error)));
    return this.afterCompareAndSet(updated, id, options, msg('staleStatus'));
  }

  /** The end of a compare-and-set write: the updated submission, or why there is none (gone, or moved on). */
  private async afterCompareAndSet(updated: unknown, id: string, options: SubmissionWriteOptions, staleMessage: MessageRef): Promise<Submission> {
    if (!updated) {
      if (!(await this.findById(id))) throw new NotFoundError(msg('submissionNotFound'), 'submission_not_found');
      throw new ConflictError(staleMessage, 'stale_status', 'status');
    }
    await this.appendAudit(options);
    return this.fromDoc(updated)!;
  }

  async assign(id: string, assigneeId: string | null, now: Date): Promise<Submission> {
    const update = assigneeId ? { $set: { assigneeId, updatedAt: now.toISOString() } } : { $unset: { assigneeId: 1 }, $set: { updatedAt: now.toISOString() } };
    const updated = await guardedMongo(() => this.m.Submission.findOneAndUpdate({ _id: id }, update, { new: true }).lean());
    if (!updated) throw new NotFoundError(msg('submissionNotFound'), 'submission_not_found');
    return this.fromDoc(updated)!;
  }

  async list(q: SubmissionQuery): Promise<SubmissionPage> {
    const filter: MongoFilter = { municipalityCode: q.municipalityCode };
    if (q.status?.length) filter.status = { $in: q.status };
    if (q.procedureId) filter.procedureId = q.procedureId;
    if (q.assigneeId) filter.assigneeId = q.assigneeId;
    if (q.receivedFrom || q.receivedTo) filter.createdAt = { ...(q.receivedFrom ? { $gte: q.receivedFrom } : {}), ...(q.receivedTo ? { $lt: q.receivedTo } : {}) };
    if (q.after) {
      const c = decodeCursor(q.after);
      filter.$or = [{ createdAt: { $lt: c.at } }, { createdAt: c.at, _id: { $lt: c.id } }];
    }
    const docs = await this.m.Submission.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(q.limit + 1)
      .lean();
    const items = docs.slice(0, q.limit).map((d) => this.fromDoc(d)!);
    const last = items[items.length - 1];
    return docs.length > q.limit && last ? { items, next: encodeCursor(last.createdAt, last.id) } : { items };
  }

  count(municipalityCode: string) {
    return this.m.Submission.countDocuments({ municipalityCode });
  }
}
