/** Catalog repositories of the MongoDB adapter, mirroring the SQLite ones behaviour for behaviour. */
import type { EditLayer, PresetRelease } from '@madoguchi/shared';
import { ConflictError } from '../../errors';
import { type EditLayerInput, type EditLayerRepository, type PresetReleaseRepository } from '../catalogTypes';
import { guardedMongo } from './errors';
import type { CatalogModels } from './catalogModels';
import { msg } from '../../i18n/messages';
import type { LeanDoc } from './leanDoc';

const toLayer = (doc: LeanDoc): EditLayer | null => {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { ...rest, ops: rest.ops ?? [], withdrawn: rest.withdrawn === true } as EditLayer;
};

const toRelease = (doc: LeanDoc): PresetRelease | null => {
  if (!doc) return null;
  const { _id, fileHash, ...rest } = doc;
  return { ...rest, ...(fileHash ? { fileHash } : {}) } as PresetRelease;
};

/** Edit layers in MongoDB; the revision check and the write are one `updateOne`. */
export class MongoEditLayerRepository implements EditLayerRepository {
  constructor(private readonly m: CatalogModels) {}

  async get(owner: string, procedureId: string) {
    return toLayer(await this.m.EditLayer.findOne({ owner, procedureId }).lean());
  }

  async listByOwner(owner: string) {
    return (await this.m.EditLayer.find({ owner }).sort({ procedureId: 1 }).lean()).map((d) => toLayer(d)!);
  }

  async listByProcedure(procedureId: string) {
    return (await this.m.EditLayer.find({ procedureId }).sort({ owner: 1 }).lean()).map((d) => toLayer(d)!);
  }

  async save(layer: EditLayerInput, expectedRevision: number | null, now: Date): Promise<EditLayer> {
    const at = now.toISOString();
    const fields = { baseVersion: layer.baseVersion, ops: layer.ops, withdrawn: layer.withdrawn, updatedAt: at, updatedBy: layer.updatedBy };
    if (expectedRevision === null) {
      await guardedMongo(() => this.m.EditLayer.create({ owner: layer.owner, procedureId: layer.procedureId, ...fields, revision: 1, createdAt: at }), msg('alreadyAdopted'));
    } else {
      // Matching on the revision makes the check and the write one atomic step.
      const res = await guardedMongo(() => this.m.EditLayer.updateOne({ owner: layer.owner, procedureId: layer.procedureId, revision: expectedRevision }, { $set: fields, $inc: { revision: 1 } }));
      if (res.matchedCount === 0) throw new ConflictError(msg('staleLayer'), 'stale_revision');
    }
    return (await this.get(layer.owner, layer.procedureId))!;
  }

  async delete(owner: string, procedureId: string) {
    await guardedMongo(() => this.m.EditLayer.deleteOne({ owner, procedureId }));
  }
}

/** Preset release notes in MongoDB. */
export class MongoPresetReleaseRepository implements PresetReleaseRepository {
  constructor(private readonly m: CatalogModels) {}

  async add(release: PresetRelease) {
    await guardedMongo(() => this.m.PresetRelease.create(release), msg('releaseRecorded'));
  }

  async list(presetId: string) {
    return (await this.m.PresetRelease.find({ presetId }).sort({ version: 1 }).lean()).map((d) => toRelease(d)!);
  }

  async lastFromFile(presetId: string) {
    return toRelease(await this.m.PresetRelease.findOne({ presetId, source: 'file' }).sort({ version: -1 }).lean());
  }
}
