/** A municipality's life-event guide versions in MongoDB; publishing retires and publishes in one transaction. */
import type { Connection } from 'mongoose';
import { ConflictError } from '../../errors';
import { msg } from '../../i18n/messages';
import type { GuideVersion, GuideVersionRepository, NewGuideVersion } from '../guideTypes';
import { guardedMongo } from './errors';
import type { GuideModels } from './guideModels';
import type { LeanDoc } from './leanDoc';

const toVersion = (doc: LeanDoc): GuideVersion => {
  const { _id, ...rest } = doc as Record<string, unknown>;
  return rest as unknown as GuideVersion;
};

/** Thrown inside the publishing transaction to abort it when the version is no longer a draft. */
class NotADraft extends Error {}

export class MongoGuideRepository implements GuideVersionRepository {
  constructor(
    private readonly m: GuideModels,
    private readonly connection: Connection,
  ) {}

  private async get(municipalityCode: string, guideId: string, version: number): Promise<GuideVersion | null> {
    const doc = await this.m.GuideVersion.findOne({ municipalityCode, guideId, version }).lean();
    return doc ? toVersion(doc) : null;
  }

  async listVersions(municipalityCode: string, guideId: string) {
    return (await this.m.GuideVersion.find({ municipalityCode, guideId }).sort({ version: 1 }).lean()).map(toVersion);
  }

  async listLatest(municipalityCode: string) {
    const all = (await this.m.GuideVersion.find({ municipalityCode }).sort({ guideId: 1, version: 1 }).lean()).map(toVersion);
    const latest = new Map<string, GuideVersion>();
    for (const v of all) latest.set(v.guideId, v);
    return [...latest.values()];
  }

  async listPublished(municipalityCode: string) {
    return (await this.m.GuideVersion.find({ municipalityCode, status: 'published' }).sort({ guideId: 1 }).lean()).map(toVersion);
  }

  async insertDraft(v: NewGuideVersion): Promise<GuideVersion> {
    const doc = { ...v, status: 'draft' as const, publishedAt: null };
    try {
      await guardedMongo(() => this.m.GuideVersion.create(doc));
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError(msg('guideStale'), 'stale_guide');
      throw error;
    }
    return (await this.get(v.municipalityCode, v.guideId, v.version))!;
  }

  async replaceDraft(municipalityCode: string, guideId: string, version: number, c: Pick<GuideVersion, 'guide' | 'hidden' | 'updatedAt' | 'updatedBy'>) {
    const res = await guardedMongo(() =>
      this.m.GuideVersion.updateOne({ municipalityCode, guideId, version, status: 'draft' }, { $set: { guide: c.guide, hidden: c.hidden, updatedAt: c.updatedAt, updatedBy: c.updatedBy } }),
    );
    return res.matchedCount === 0 ? null : this.get(municipalityCode, guideId, version);
  }

  async publish(municipalityCode: string, guideId: string, version: number, at: string, by: string) {
    const done = await guardedMongo(() =>
      this.connection.transaction(async (session) => {
        await this.m.GuideVersion.updateMany({ municipalityCode, guideId, status: 'published' }, { $set: { status: 'retired' } }, { session });
        const res = await this.m.GuideVersion.updateOne(
          { municipalityCode, guideId, version, status: 'draft' },
          { $set: { status: 'published', publishedAt: at, updatedAt: at, updatedBy: by } },
          { session },
        );
        if (res.matchedCount === 0) throw new NotADraft();
        return true;
      }),
    ).catch((error: unknown) => (error instanceof NotADraft ? false : Promise.reject(error)));
    return done ? this.get(municipalityCode, guideId, version) : null;
  }
}
