/** Sign-in repositories of the MongoDB adapter, mirroring the SQLite ones behaviour for behaviour. */
import type { AuthPolicy, AuthPolicyRepository, AuthToken, AuthTokenRepository, MunicipalDeskRepository, MunicipalDesks } from '../types';
import { guardedMongo } from './errors';
import type { AuthVersionRaiser } from './coordinationRepository';
import type { AuthModels } from './authModels';
import type { LeanDoc } from './leanDoc';

const toToken = (doc: LeanDoc): AuthToken | null => {
  if (!doc) return null;
  const { _id, emailLower: _lower, procedureIds, ...rest } = doc;
  return { id: _id, ...rest, procedureIds: procedureIds ?? null } as AuthToken;
};

const active = (now: Date) => ({ usedAt: null, expiresAt: { $gt: now.toISOString() } });

export class MongoAuthTokenRepository implements AuthTokenRepository {
  constructor(private readonly m: AuthModels) {}

  async create(t: AuthToken) {
    const { id, procedureIds, ...rest } = t;
    await guardedMongo(() => this.m.AuthToken.create({ _id: id, ...rest, ...(procedureIds ? { procedureIds } : {}), emailLower: t.email?.toLowerCase() ?? null }));
  }

  async findById(id: string) {
    return toToken(await this.m.AuthToken.findById(id).lean());
  }

  async findActive(kind: AuthToken['kind'], tokenHash: string, now: Date) {
    return toToken(await this.m.AuthToken.findOne({ kind, tokenHash, ...active(now) }).lean());
  }

  async consume(kind: AuthToken['kind'], tokenHash: string, now: Date) {
    // findOneAndUpdate on "still unused" is atomic: of two concurrent uses, exactly one wins.
    const doc = await guardedMongo(() => this.m.AuthToken.findOneAndUpdate({ kind, tokenHash, ...active(now) }, { $set: { usedAt: now.toISOString() } }, { new: true }).lean());
    return toToken(doc);
  }

  async listActive(filter: { kind: AuthToken['kind']; municipalityCode?: string | null; email?: string }, now: Date) {
    const query: Record<string, unknown> = { kind: filter.kind, ...active(now) };
    if (filter.municipalityCode !== undefined) query.municipalityCode = filter.municipalityCode;
    if (filter.email !== undefined) query.emailLower = filter.email.toLowerCase();
    const docs = await this.m.AuthToken.find(query).sort({ createdAt: -1, _id: 1 }).lean();
    return docs.map((d) => toToken(d)!);
  }

  async delete(id: string) {
    await guardedMongo(() => this.m.AuthToken.deleteOne({ _id: id }));
  }

  async deleteUnused(kind: AuthToken['kind']) {
    return (await guardedMongo(() => this.m.AuthToken.deleteMany({ kind, usedAt: null }))).deletedCount;
  }
}

export class MongoAuthPolicyRepository implements AuthPolicyRepository {
  /** @param authVersion raised after every write, so cached policies are re-read on every instance (issue #23). */
  constructor(
    private readonly m: AuthModels,
    private readonly authVersion: AuthVersionRaiser,
  ) {}

  async get(municipalityCode: string): Promise<AuthPolicy | null> {
    const doc = await this.m.AuthPolicy.findById(municipalityCode).lean();
    return doc ? { municipalityCode: doc._id, requireTotp: doc.requireTotp, updatedAt: doc.updatedAt, updatedBy: doc.updatedBy } : null;
  }

  async set(p: AuthPolicy) {
    await guardedMongo(() => this.m.AuthPolicy.updateOne({ _id: p.municipalityCode }, { $set: { requireTotp: p.requireTotp, updatedAt: p.updatedAt, updatedBy: p.updatedBy } }, { upsert: true }));
    await this.authVersion.raise();
  }
}

export class MongoDeskRepository implements MunicipalDeskRepository {
  constructor(private readonly m: AuthModels) {}

  async get(municipalityCode: string): Promise<MunicipalDesks | null> {
    const doc = await this.m.MunicipalDesks.findById(municipalityCode).lean();
    return doc ? { municipalityCode: doc._id, desks: doc.desks as MunicipalDesks['desks'], updatedAt: doc.updatedAt, updatedBy: doc.updatedBy } : null;
  }

  async set(d: MunicipalDesks) {
    await guardedMongo(() => this.m.MunicipalDesks.updateOne({ _id: d.municipalityCode }, { $set: { desks: d.desks, updatedAt: d.updatedAt, updatedBy: d.updatedBy } }, { upsert: true }));
  }
}
