/** Counter visits in MongoDB: one document per visit, the work sealed; ticket numbers from an atomic per-day counter. */
import type { CounterTimeline } from '@madoguchi/shared';
import type { DataCipher } from '../../security/dataCipher';
import type { CounterSessionRecord, CounterSessionRepository } from '../counterTypes';
import type { CounterModels } from './counterModels';
import { guardedMongo } from './errors';
import type { LeanDoc } from './leanDoc';

const timelineOf = (doc: LeanDoc): CounterTimeline => ({
  sessionId: doc._id,
  municipalityCode: doc.municipalityCode,
  ticketNumber: doc.ticketNumber,
  desk: doc.desk,
  servedBy: doc.servedBy,
  status: doc.status,
  procedureIds: doc.procedureIds,
  prefilled: doc.prefilled,
  identitySource: doc.identitySource,
  steps: doc.steps,
  submissionIds: doc.submissionIds,
});

export class MongoCounterSessionRepository implements CounterSessionRepository {
  constructor(
    private readonly m: CounterModels,
    private readonly cipher: DataCipher,
  ) {}

  private fromDoc(doc: LeanDoc): CounterSessionRecord {
    return {
      ...timelineOf(doc),
      day: doc.day,
      guideId: doc.guideId,
      revision: doc.revision,
      work: this.cipher.openJson(doc.work) as CounterSessionRecord['work'],
      pairingCodeHash: doc.pairingCodeHash,
      pairingExpiresAt: doc.pairingExpiresAt,
      tabletTokenHash: doc.tabletTokenHash,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    };
  }

  private fields(r: CounterSessionRecord) {
    const { sessionId: _id, work, ...rest } = r;
    return { ...rest, work: this.cipher.sealJson(work) };
  }

  async create(record: CounterSessionRecord): Promise<CounterSessionRecord> {
    const counter = await guardedMongo(() => this.m.TicketCounter.findOneAndUpdate({ _id: `${record.municipalityCode}:${record.day}` }, { $inc: { n: 1 } }, { upsert: true, new: true }).lean());
    const ticketNumber = String((counter as LeanDoc).n).padStart(3, '0');
    await guardedMongo(() => this.m.CounterSession.create({ _id: record.sessionId, ...this.fields(record), ticketNumber, revision: 1 }));
    return (await this.get(record.sessionId))!;
  }

  async get(id: string): Promise<CounterSessionRecord | null> {
    const doc = await guardedMongo(() => this.m.CounterSession.findById(id).lean());
    return doc ? this.fromDoc(doc) : null;
  }

  async update(record: CounterSessionRecord, expectedRevision: number): Promise<CounterSessionRecord | null> {
    // The ticket number never changes; the revision is the guard.
    const { ticketNumber: _ticket, revision: _revision, ...changes } = this.fields(record);
    const res = await guardedMongo(() => this.m.CounterSession.updateOne({ _id: record.sessionId, revision: expectedRevision }, { $set: { ...changes, revision: expectedRevision + 1 } }));
    return res.matchedCount === 1 ? this.get(record.sessionId) : null;
  }

  async findByPairingCode(municipalityCode: string, codeHash: string, now: Date): Promise<CounterSessionRecord | null> {
    const doc = await guardedMongo(() => this.m.CounterSession.findOne({ pairingCodeHash: codeHash, municipalityCode, pairingExpiresAt: { $gt: now.toISOString() } }).lean());
    return doc ? this.fromDoc(doc) : null;
  }

  async findByTabletToken(tokenHash: string): Promise<CounterSessionRecord | null> {
    const doc = await guardedMongo(() => this.m.CounterSession.findOne({ tabletTokenHash: tokenHash }).lean());
    return doc ? this.fromDoc(doc) : null;
  }

  async unendedBefore(before: Date, limit: number): Promise<CounterSessionRecord[]> {
    const docs = await guardedMongo(() =>
      this.m.CounterSession.find({ status: { $ne: 'ended' }, createdAt: { $lt: before.toISOString() } })
        .sort({ createdAt: 1, _id: 1 })
        .limit(limit)
        .lean(),
    );
    return docs.map((d) => this.fromDoc(d));
  }

  async timelines(municipalityCode: string, from: Date, to: Date): Promise<CounterTimeline[]> {
    const docs = await guardedMongo(() =>
      this.m.CounterSession.find({ municipalityCode, createdAt: { $gte: from.toISOString(), $lt: to.toISOString() } }, { work: 0 })
        .sort({ createdAt: 1, _id: 1 })
        .lean(),
    );
    return docs.map(timelineOf);
  }
}
