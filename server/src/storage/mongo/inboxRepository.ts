/** The inbox in MongoDB, behaviour for behaviour as the SQLite one (storage/sqlite/inboxRepository.ts). */
import type { Connection } from 'mongoose';
import type { CounterOrigin, StatusChange, SubmissionStatus } from '@madoguchi/shared';
import { NotFoundError } from '../../errors';
import { decodeInboxCursor, encodeInboxCursor, sortDescending, sortField } from '../inboxCursor';
import { withoutDrawnSignature } from '../counterStrip';
import type {
  InboxPage,
  InboxQuery,
  InboxRepository,
  StatusHistoryRow,
  SubmissionMessage,
  SubmissionMeta,
  SubmissionNote,
  SubmissionRevision,
  SubmissionTombstone,
  RemovalOptions,
  OutboxEvent,
} from '../inboxTypes';
import type { DataCipher } from '../../security/dataCipher';
import { guardedMongo } from './errors';
import type { Models } from './models';
import type { InboxModels } from './inboxModels';
import { nextValue, SUBMISSION_CHANGE, writeOutbox } from './changeLog';
import { MongoAuditRepository } from './repositories';
import { msg } from '../../i18n/messages';
import type { LeanDoc, MongoFilter } from './leanDoc';

const META_PROJECTION = {
  receiptNumber: 1,
  municipalityCode: 1,
  procedureOwner: 1,
  procedureId: 1,
  formVersion: 1,
  status: 1,
  assigneeId: 1,
  applicantName: 1,
  applicantKana: 1,
  channel: 1,
  revision: 1,
  changeSeq: 1,
  createdAt: 1,
  updatedAt: 1,
  closedAt: 1,
  acknowledgedAt: 1,
  acknowledgedBy: 1,
  acknowledgedRevision: 1,
  strippedAt: 1,
  deadline: 1,
  dueDate: 1,
};

const toMeta = (d: LeanDoc): SubmissionMeta => {
  const { _id, revision, changeSeq, channel, ...rest } = d;
  for (const key of Object.keys(rest)) if (rest[key] === null || rest[key] === undefined) delete rest[key];
  return { id: _id, ...rest, channel: channel ?? 'online', revision: revision ?? 1, changeSeq: changeSeq ?? 0 } as SubmissionMeta;
};

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function filterOf(q: InboxQuery): MongoFilter {
  const f: MongoFilter = { municipalityCode: q.municipalityCode };
  const and: Array<MongoFilter> = [];
  if (q.status?.length) f.status = { $in: q.status };
  if (q.procedureIds) and.push({ procedureId: { $in: q.procedureIds } });
  if (q.procedureId) and.push({ procedureId: q.procedureId });
  if (q.assigneeId === null) f.assigneeId = { $exists: false };
  else if (q.assigneeId) f.assigneeId = q.assigneeId;
  if (q.receivedFrom || q.receivedTo) f.createdAt = { ...(q.receivedFrom ? { $gte: q.receivedFrom } : {}), ...(q.receivedTo ? { $lt: q.receivedTo } : {}) };
  // Documents written before the channel was kept have none: they came online.
  if (q.channel) f.channel = q.channel === 'counter' ? 'counter' : { $in: ['online', null] };
  if (q.receiptNumber) f.receiptNumber = q.receiptNumber;
  if (q.dueBefore || q.sort === 'due-asc') f.dueDate = { $type: 'string', ...(q.dueBefore ? { $lt: q.dueBefore } : {}) };
  // Anchored regexes use the index's range, as the SQLite adapter's >= / < bounds do.
  if (q.namePrefix) f.applicantName = { $regex: `^${escapeRegex(q.namePrefix)}` };
  if (q.kanaPrefix) f.applicantKana = { $regex: `^${escapeRegex(q.kanaPrefix)}` };
  if (q.submissionIds) and.push({ _id: { $in: q.submissionIds } });
  if (and.length) f.$and = and;
  return f;
}

export class MongoInboxRepository implements InboxRepository {
  constructor(
    private readonly m: Models,
    private readonly im: InboxModels,
    private readonly connection: Connection,
    private readonly cipher: DataCipher,
  ) {}

  async list(q: InboxQuery): Promise<InboxPage> {
    const sort = q.sort ?? 'received-desc';
    const field = sortField(sort);
    const dir = sortDescending(sort) ? -1 : 1;
    const filter = filterOf(q);
    if (q.after) {
      const c = decodeInboxCursor(sort, q.after);
      const op = dir === -1 ? '$lt' : '$gt';
      filter.$or = [{ [field]: { [op]: c.at } }, { [field]: c.at, _id: { [op]: c.id } }];
    }
    const docs = await this.m.Submission.find(filter, META_PROJECTION)
      .sort({ [field]: dir, _id: dir })
      .limit(q.limit + 1)
      .lean();
    const items = docs.slice(0, q.limit).map(toMeta);
    const last = items.at(-1);
    return docs.length > q.limit && last ? { items, next: encodeInboxCursor(sort, last) } : { items };
  }

  async countByStatus(municipalityCode: string, procedureIds?: string[]) {
    const match = filterOf({ municipalityCode, limit: 0, ...(procedureIds ? { procedureIds } : {}) });
    const rows = await this.m.Submission.aggregate<{ _id: SubmissionStatus; n: number }>([{ $match: match }, { $group: { _id: '$status', n: { $sum: 1 } } }]);
    return Object.fromEntries(rows.map((r) => [r._id, r.n]));
  }

  async getMeta(id: string) {
    const d = await this.m.Submission.findById(id, META_PROJECTION).lean();
    return d ? toMeta(d) : null;
  }

  async getMetaByReceipt(receiptNumber: string) {
    const d = await this.m.Submission.findOne({ receiptNumber }, META_PROJECTION).lean();
    return d ? toMeta(d) : null;
  }

  async changes(q: { municipalityCode: string; afterSeq: number; limit: number; procedureId?: string }) {
    const filter: MongoFilter = { municipalityCode: q.municipalityCode, changeSeq: { $gt: q.afterSeq } };
    if (q.procedureId) filter.procedureId = q.procedureId;
    return (await this.m.Submission.find(filter, META_PROJECTION).sort({ changeSeq: 1 }).limit(q.limit).lean()).map(toMeta);
  }

  async acknowledge(id: string, by: string, revision: number, now: Date) {
    const d = await guardedMongo(() =>
      this.m.Submission.findOneAndUpdate(
        { _id: id },
        { $set: { acknowledgedAt: now.toISOString(), acknowledgedBy: by, acknowledgedRevision: revision } },
        { new: true, projection: META_PROJECTION },
      ).lean(),
    );
    if (!d) throw new NotFoundError(msg('submissionNotFound'), 'submission_not_found');
    return toMeta(d);
  }

  async listRevisions(submissionId: string): Promise<SubmissionRevision[]> {
    const docs = await this.im.Revision.find({ submissionId }).sort({ revision: 1 }).lean<LeanDoc[]>();
    return docs.map((d) => ({
      submissionId: d.submissionId,
      revision: d.revision,
      formVersion: d.formVersion,
      data: this.cipher.openJson(d.data),
      attachments: d.attachments,
      createdAt: d.createdAt,
    }));
  }

  async markRead(userId: string, submissionId: string, revision: number, now: Date) {
    await guardedMongo(() => this.im.Read.updateOne({ userId, submissionId }, { $max: { revision }, $set: { readAt: now.toISOString() } }, { upsert: true }));
  }

  async refoldApplicantNames(fold: (name: string) => string): Promise<number> {
    const changed: Array<{ id: string; name: string }> = [];
    for await (const d of this.m.Submission.find({ applicantName: { $type: 'string' } }, { applicantName: 1 })
      .lean<Array<{ _id: string; applicantName: string }>>()
      .cursor()) {
      const name = fold(d.applicantName);
      if (name !== d.applicantName) changed.push({ id: d._id, name });
    }
    if (changed.length > 0) {
      await guardedMongo(() => this.m.Submission.bulkWrite(changed.map((d) => ({ updateOne: { filter: { _id: d.id }, update: { $set: { applicantName: d.name } } } }))));
    }
    return changed.length;
  }

  async readRevisions(userId: string, submissionIds: string[]) {
    if (submissionIds.length === 0) return {};
    const docs = await this.im.Read.find({ userId, submissionId: { $in: submissionIds } }).lean<LeanDoc[]>();
    return Object.fromEntries(docs.map((d) => [d.submissionId, d.revision]));
  }

  async addNote(n: SubmissionNote) {
    const { id, ...rest } = n;
    await guardedMongo(() => this.im.Note.create({ _id: id, ...rest, body: this.cipher.sealText(n.body) }));
  }

  async listNotes(submissionId: string): Promise<SubmissionNote[]> {
    const docs = await this.im.Note.find({ submissionId }).sort({ createdAt: 1, _id: 1 }).lean<LeanDoc[]>();
    return docs.map(({ _id, ...d }) => ({ id: _id, ...d, body: this.cipher.openText(d.body) }));
  }

  async addMessage(msg: SubmissionMessage, options: { outbox?: OutboxEvent[] } = {}) {
    const { id, ...rest } = msg;
    await guardedMongo(() =>
      this.connection.transaction(async (session) => {
        await this.im.Message.create([{ _id: id, ...rest, body: this.cipher.sealText(msg.body) }], { session });
        await writeOutbox(this.im, options.outbox, session);
      }),
    );
  }

  async listMessages(submissionId: string): Promise<SubmissionMessage[]> {
    const docs = await this.im.Message.find({ submissionId }).sort({ createdAt: 1, _id: 1 }).lean<LeanDoc[]>();
    return docs.map(({ _id, ...d }) => ({ id: _id, ...d, body: this.cipher.openText(d.body) }));
  }

  async *histories(q: { municipalityCode: string; procedureId?: string; receivedFrom: string; receivedTo: string }): AsyncIterable<StatusHistoryRow> {
    const filter: MongoFilter = { municipalityCode: q.municipalityCode, createdAt: { $gte: q.receivedFrom, $lt: q.receivedTo } };
    if (q.procedureId) filter.procedureId = q.procedureId;
    for await (const d of this.m.Submission.find(filter, { procedureId: 1, status: 1, history: 1 }).lean().cursor()) {
      yield { procedureId: d.procedureId as string, status: d.status as SubmissionStatus, history: d.history as StatusChange[] };
    }
  }

  async closedBefore(q: { municipalityCode: string; procedureId: string; before: string; limit: number }) {
    const docs = await this.m.Submission.find(
      { municipalityCode: q.municipalityCode, procedureId: q.procedureId, closedAt: { $type: 'string', $lt: q.before }, strippedAt: { $exists: false } },
      META_PROJECTION,
    )
      .sort({ closedAt: 1 })
      .limit(q.limit)
      .lean();
    return docs.map(toMeta);
  }

  private async removeDependents(id: string, session: LeanDoc) {
    await this.m.File.deleteMany({ submissionId: id }, { session });
    for (const model of [this.im.Revision, this.im.Note, this.im.Message, this.im.Read] as LeanDoc[]) await model.deleteMany({ submissionId: id }, { session });
    await this.connection.models.SubmissionMessageRead?.deleteMany({ submissionId: id }, { session });
    // A disaster application's triage row goes with it (as SQLite's ON DELETE CASCADE does).
    await this.connection.models.DisasterCase?.deleteOne({ _id: id }, { session });
    // So does its decision notice (issue #21).
    await this.connection.models.DecisionNotice?.deleteOne({ submissionId: id }, { session });
  }

  async tombstones(q: { municipalityCode: string; afterSeq: number; limit: number; procedureId?: string }): Promise<SubmissionTombstone[]> {
    const filter: MongoFilter = { municipalityCode: q.municipalityCode, _id: { $gt: q.afterSeq } };
    if (q.procedureId) filter.procedureId = q.procedureId;
    const docs = await this.im.Tombstone.find(filter).sort({ _id: 1 }).limit(q.limit).lean();
    return docs.map((d) => ({
      kind: 'deleted' as const,
      changeSeq: d._id as number,
      submissionId: d.submissionId,
      receiptNumber: d.receiptNumber,
      municipalityCode: d.municipalityCode,
      procedureId: d.procedureId,
      at: d.at,
    }));
  }

  async purge(id: string, options: RemovalOptions = {}) {
    const done = await guardedMongo(() =>
      this.connection.transaction(async (session) => {
        const doc = await this.m.Submission.findById(id, { receiptNumber: 1, municipalityCode: 1, procedureId: 1 }, { session }).lean();
        if (!doc) return false;
        await this.removeDependents(id, session);
        await this.m.Submission.deleteOne({ _id: id }, { session });
        // The tombstone takes the next change sequence: the pull feed shows the deletion where it happened.
        const seq = await nextValue(this.im, SUBMISSION_CHANGE, session);
        await this.im.Tombstone.create(
          [
            {
              _id: seq,
              submissionId: id,
              receiptNumber: doc.receiptNumber,
              municipalityCode: doc.municipalityCode,
              procedureId: doc.procedureId,
              kind: 'deleted',
              at: options.at ?? new Date().toISOString(),
            },
          ],
          { session },
        );
        await writeOutbox(this.im, options.outbox, session);
        return true;
      }),
    );
    if (done) await this.appendAudit(options);
  }

  /** The audit chain serialises on its own unique index, so it is appended after the write commits (as for submission writes). */
  private async appendAudit(options: RemovalOptions): Promise<void> {
    if (options.audit) await new MongoAuditRepository(this.m).append(options.audit);
  }

  async strip(id: string, now: Date, options: RemovalOptions = {}) {
    const done = await guardedMongo(() =>
      this.connection.transaction(async (session) => {
        const doc = await this.m.Submission.findById(id, { history: 1, counter: 1 }, { session }).lean();
        if (!doc) return false;
        await this.removeDependents(id, session);
        const history = (doc.history as StatusChange[]).map(({ publicNote: _note, ...rest }) => rest);
        const counter = doc.counter ? { counter: this.cipher.sealJson(withoutDrawnSignature(this.cipher.openJson(doc.counter) as CounterOrigin)) } : {};
        const at = now.toISOString();
        await this.m.Submission.updateOne(
          { _id: id },
          {
            $set: {
              data: this.cipher.sealJson({}),
              attachments: {},
              history,
              ...counter,
              strippedAt: at,
              updatedAt: at,
              changeSeq: await nextValue(this.im, SUBMISSION_CHANGE, session),
            },
            $unset: { applicantName: 1, applicantKana: 1 },
          },
          { session },
        );
        await writeOutbox(this.im, options.outbox, session);
        return true;
      }),
    );
    if (done) await this.appendAudit(options);
  }
}
