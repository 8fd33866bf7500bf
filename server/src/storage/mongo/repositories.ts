/** The repositories of the MongoDB adapter, mirroring the SQLite ones behaviour for behaviour (submissions: submissionRepository.ts). */
import type { Connection } from 'mongoose';
import type { FormVersion } from '@madoguchi/shared';
import { ConflictError, NotFoundError } from '../../errors';
import { auditHash, GENESIS_HASH } from '../auditHash';
import type {
  AuditEvent,
  AuditRepository,
  Draft,
  DraftRepository,
  FileRepository,
  FileScanVerdict,
  NewAuditEvent,
  NewFormVersion,
  ProcedureRepository,
  SessionRepository,
  StoredFileMeta,
  User,
  UserRepository,
} from '../types';
import { guardedMongo, mapMongoError } from './errors';
import type { AuthVersionRaiser } from './coordinationRepository';
import type { Models } from './models';
import type { DataCipher } from '../../security/dataCipher';
import { msg } from '../../i18n/messages';
import type { LeanDoc } from './leanDoc';

export const strip = <T>(doc: LeanDoc, idField?: string): T => {
  if (!doc) return doc;
  const { _id, ...rest } = doc;
  return (idField ? { [idField]: _id, ...rest } : rest) as T;
};

/** Thrown inside a transaction to abort it when a compare-and-set finds the version moved on. */
class StaleVersion extends Error {}

export class MongoProcedureRepository implements ProcedureRepository {
  constructor(
    private readonly m: Models,
    private readonly connection: Connection,
  ) {}

  private async mustGet(owner: string, procedureId: string, version: number): Promise<FormVersion> {
    const found = await this.getVersion(owner, procedureId, version);
    if (!found) throw new NotFoundError(msg('versionNotFound'), 'version_not_found');
    return found;
  }

  async createDraft(input: NewFormVersion, now: Date): Promise<FormVersion> {
    const { owner, id } = input.procedure;
    for (let attempt = 0; attempt < 5; attempt++) {
      const latest = await this.getLatest(owner, id);
      const doc = {
        owner,
        procedureId: id,
        version: (latest?.version ?? 0) + 1,
        status: 'draft' as const,
        procedure: input.procedure,
        schema: input.schema,
        uiSchema: input.uiSchema,
        contentHash: input.contentHash,
        createdAt: now.toISOString(),
      };
      try {
        await this.m.FormVersion.create(doc);
        return strip<FormVersion>(doc);
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) mapMongoError(error);
      }
    }
    throw new ConflictError(msg('versionRace'), 'version_race');
  }

  // Compare-and-set writes (see ProcedureRepository): null when the version is not in the state named.

  async replaceDraft(owner: string, procedureId: string, version: number, input: NewFormVersion): Promise<FormVersion | null> {
    const res = await guardedMongo(() =>
      this.m.FormVersion.updateOne(
        { owner, procedureId, version, status: 'draft' },
        { $set: { procedure: input.procedure, schema: input.schema, uiSchema: input.uiSchema, contentHash: input.contentHash } },
      ),
    );
    return res.matchedCount === 0 ? null : this.mustGet(owner, procedureId, version);
  }

  async publishDraft(owner: string, procedureId: string, version: number, at: Date): Promise<FormVersion | null> {
    const iso = at.toISOString();
    const published = await guardedMongo(() =>
      this.connection.transaction(async (session) => {
        await this.m.FormVersion.updateMany({ owner, procedureId, status: 'published' }, { $set: { status: 'retired', retiredAt: iso } }, { session });
        const res = await this.m.FormVersion.updateOne({ owner, procedureId, version, status: 'draft' }, { $set: { status: 'published', publishedAt: iso } }, { session });
        // Aborting keeps the previously published version when the draft moved on.
        if (res.matchedCount === 0) throw new StaleVersion();
        return true;
      }),
    ).catch((error: unknown) => (error instanceof StaleVersion ? false : Promise.reject(error)));
    return published ? this.mustGet(owner, procedureId, version) : null;
  }

  async retirePublished(owner: string, procedureId: string, version: number, at: Date): Promise<FormVersion | null> {
    const res = await guardedMongo(() => this.m.FormVersion.updateOne({ owner, procedureId, version, status: 'published' }, { $set: { status: 'retired', retiredAt: at.toISOString() } }));
    return res.matchedCount === 0 ? null : this.mustGet(owner, procedureId, version);
  }

  async getVersion(owner: string, procedureId: string, version: number) {
    return strip<FormVersion | null>(await this.m.FormVersion.findOne({ owner, procedureId, version }).lean());
  }

  async getPublished(owner: string, procedureId: string) {
    return strip<FormVersion | null>(await this.m.FormVersion.findOne({ owner, procedureId, status: 'published' }).lean());
  }

  async getPublishedVersionNumber(owner: string, procedureId: string) {
    const doc = await this.m.FormVersion.findOne({ owner, procedureId, status: 'published' }, { version: 1 }).lean();
    return doc?.version ?? null;
  }

  async getLatest(owner: string, procedureId: string) {
    return strip<FormVersion | null>(await this.m.FormVersion.findOne({ owner, procedureId }).sort({ version: -1 }).lean());
  }

  async listVersions(owner: string, procedureId: string) {
    return (await this.m.FormVersion.find({ owner, procedureId }).sort({ version: 1 }).lean()).map((d) => strip<FormVersion>(d));
  }

  async listPublished(owners: string[]) {
    if (owners.length === 0) return [];
    return (
      await this.m.FormVersion.find({ status: 'published', owner: { $in: owners } })
        .sort({ owner: 1, procedureId: 1 })
        .lean()
    ).map((d) => strip<FormVersion>(d));
  }

  async listLatest(owner: string) {
    const latest = await this.m.FormVersion.aggregate([
      { $match: { owner } },
      { $sort: { procedureId: 1, version: -1 } },
      { $group: { _id: '$procedureId', doc: { $first: '$$ROOT' } } },
      { $replaceRoot: { newRoot: '$doc' } },
      { $sort: { procedureId: 1 } },
    ]);
    return latest.map((d) => strip<FormVersion>(d));
  }
}

/** File contents are sealed with the data cipher at rest. */
export class MongoFileRepository implements FileRepository {
  constructor(
    private readonly m: Models,
    private readonly cipher: DataCipher,
  ) {}

  async put(meta: StoredFileMeta, content: Buffer) {
    const { id, ...rest } = meta;
    await guardedMongo(() => this.m.File.create({ _id: id, ...rest, content: this.cipher.seal(content) }));
  }

  async getMeta(id: string) {
    return fileMeta(await this.m.File.findById(id, { content: 0 }).lean());
  }

  async getContent(id: string) {
    const doc = await this.m.File.findById(id, { content: 1 }).lean();
    if (!doc) return null;
    const content = doc.content as unknown as Buffer | { buffer: ArrayBuffer };
    return this.cipher.open(Buffer.isBuffer(content) ? content : Buffer.from((content as { buffer: ArrayBuffer }).buffer));
  }

  async bind(ids: string[], uploadToken: string, submissionId: string) {
    const res = await guardedMongo(() => this.m.File.updateMany({ _id: { $in: ids }, uploadToken, submissionId: { $exists: false } }, { $set: { submissionId } }));
    return res.modifiedCount;
  }

  async countUnbound(uploadToken: string) {
    return this.m.File.countDocuments({ uploadToken, submissionId: { $exists: false } });
  }

  async deleteUnbound(id: string) {
    return (await guardedMongo(() => this.m.File.deleteOne({ _id: id, submissionId: { $exists: false } }))).deletedCount === 1;
  }

  async deleteUnboundBefore(before: Date) {
    const res = await guardedMongo(() => this.m.File.deleteMany({ submissionId: { $exists: false }, createdAt: { $lt: before.toISOString() } }));
    return res.deletedCount;
  }

  async listScanPending(limit: number) {
    const docs = await this.m.File.find({ scanState: 'pending' }, { content: 0 }).sort({ createdAt: 1, _id: 1 }).limit(limit).lean();
    return docs.map((d) => fileMeta(d)!);
  }

  async recordScan(id: string, verdict: FileScanVerdict) {
    const set = { scanState: verdict.state, scannedAt: verdict.scannedAt, ...(verdict.state === 'infected' && verdict.signature ? { scanSignature: verdict.signature } : {}) };
    const res = await guardedMongo(() => this.m.File.updateOne({ _id: id, scanState: 'pending' }, { $set: set }));
    return res.modifiedCount === 1;
  }
}

/** Documents written before scanning existed carry no state: they were never scanned. */
const fileMeta = (doc: LeanDoc): StoredFileMeta | null => {
  const meta = strip<StoredFileMeta | null>(doc, 'id');
  return meta ? { ...meta, scanState: meta.scanState ?? 'not_scanned' } : null;
};

export class MongoUserRepository implements UserRepository {
  /** @param authVersion raised after every write, so cached accounts are re-read on every instance (issue #23). */
  constructor(
    private readonly m: Models,
    private readonly authVersion: AuthVersionRaiser,
  ) {}

  private toUser(doc: LeanDoc): User | null {
    if (!doc) return null;
    const { _id, emailLower: _lower, procedureIds, totpLastStep, ...rest } = doc;
    // Optional fields are left out when unset, as in the SQLite adapter.
    return { id: _id, ...rest, ...(procedureIds != null ? { procedureIds } : {}), ...(totpLastStep != null ? { totpLastStep } : {}) } as User;
  }

  async create(user: User) {
    const { id, ...rest } = user;
    await guardedMongo(() => this.m.User.create({ _id: id, ...rest, emailLower: user.email.toLowerCase() }), msg('duplicateEmail'));
    await this.authVersion.raise();
  }

  async update(id: string, patch: Partial<Omit<User, 'id' | 'createdAt'>>, now: Date) {
    const set: Record<string, unknown> = { ...patch, updatedAt: now.toISOString() };
    if (patch.email) set.emailLower = patch.email.toLowerCase();
    const doc = await guardedMongo(() => this.m.User.findOneAndUpdate({ _id: id }, { $set: set }, { new: true }).lean(), msg('duplicateEmail'));
    if (!doc) throw new NotFoundError(msg('userNotFound'), 'user_not_found');
    await this.authVersion.raise();
    return this.toUser(doc)!;
  }

  async findById(id: string) {
    return this.toUser(await this.m.User.findById(id).lean());
  }

  async findByEmail(email: string) {
    return this.toUser(await this.m.User.findOne({ emailLower: email.toLowerCase() }).lean());
  }

  async list(filter: { municipalityCode?: string | null }) {
    const query = filter.municipalityCode === undefined ? {} : { municipalityCode: filter.municipalityCode };
    return (await this.m.User.find(query).sort({ createdAt: 1 }).lean()).map((d) => this.toUser(d)!);
  }

  count() {
    return this.m.User.countDocuments({});
  }
}

export class MongoSessionRepository implements SessionRepository {
  constructor(private readonly m: Models) {}

  async get(sid: string, now: Date) {
    const doc = await this.m.Session.findOne({ _id: sid, expiresAt: { $gt: now } }).lean();
    return doc ? (doc.data as Record<string, unknown>) : null;
  }

  async set(sid: string, data: Record<string, unknown>, expiresAt: Date) {
    await guardedMongo(() => this.m.Session.updateOne({ _id: sid }, { $set: { data, expiresAt } }, { upsert: true }));
  }

  async touch(sid: string, expiresAt: Date) {
    await guardedMongo(() => this.m.Session.updateOne({ _id: sid }, { $set: { expiresAt } }));
  }

  async destroy(sid: string) {
    await guardedMongo(() => this.m.Session.deleteOne({ _id: sid }));
  }

  async destroyOthersOf(userId: string, keepSid: string) {
    // passport keeps the signed-in account at data.passport.user.
    return (await guardedMongo(() => this.m.Session.deleteMany({ 'data.passport.user': userId, _id: { $ne: keepSid } }))).deletedCount;
  }

  async deleteExpired(now: Date) {
    return (await guardedMongo(() => this.m.Session.deleteMany({ expiresAt: { $lte: now } }))).deletedCount;
  }
}

export class MongoAuditRepository implements AuditRepository {
  constructor(private readonly m: Models) {}

  async append(event: NewAuditEvent): Promise<AuditEvent> {
    // The unique index on seq serialises writers: a loser re-reads the head and retries.
    for (let attempt = 0; attempt < 20; attempt++) {
      const last = await this.m.Audit.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const stored: AuditEvent = { ...event, seq, prevHash, hash: auditHash(prevHash, seq, event) };
      try {
        await this.m.Audit.create(stored);
        return stored;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) mapMongoError(error);
      }
    }
    throw new ConflictError(msg('auditRace'), 'audit_race');
  }

  async list(filter: { municipalityCode?: string; targetId?: string; limit: number }) {
    const query: Record<string, unknown> = {};
    if (filter.municipalityCode) query.municipalityCode = filter.municipalityCode;
    if (filter.targetId) query.targetId = filter.targetId;
    return (await this.m.Audit.find(query).sort({ seq: -1 }).limit(filter.limit).lean()).map((d) => strip<AuditEvent>(d));
  }

  async *all(): AsyncIterable<AuditEvent> {
    for await (const doc of this.m.Audit.find({}).sort({ seq: 1 }).lean().cursor()) yield strip<AuditEvent>(doc);
  }

  async head(): Promise<AuditEvent | null> {
    const doc = await this.m.Audit.findOne({}).sort({ seq: -1 }).lean();
    return doc ? strip<AuditEvent>(doc) : null;
  }
}

/** Draft answers are sealed with the data cipher at rest. */
export class MongoDraftRepository implements DraftRepository {
  constructor(
    private readonly m: Models,
    private readonly cipher: DataCipher,
  ) {}

  async save(d: Draft) {
    const { id, createdAt, ...rest } = d;
    await guardedMongo(() =>
      this.m.Draft.updateOne({ _id: id }, { $set: { ...rest, payload: this.cipher.sealText(d.payload), expiresAtDate: new Date(d.expiresAt) }, $setOnInsert: { createdAt } }, { upsert: true }),
    );
  }

  async get(id: string, now: Date) {
    const doc = await this.m.Draft.findOne({ _id: id, expiresAt: { $gt: now.toISOString() } }, { expiresAtDate: 0 }).lean();
    const draft = strip<Draft | null>(doc, 'id');
    return draft ? { ...draft, payload: this.cipher.openText(draft.payload) } : null;
  }

  async delete(id: string) {
    await guardedMongo(() => this.m.Draft.deleteOne({ _id: id }));
  }

  async deleteExpired(now: Date) {
    return (await guardedMongo(() => this.m.Draft.deleteMany({ expiresAt: { $lte: now.toISOString() } }))).deletedCount;
  }
}
