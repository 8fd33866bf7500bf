/** 応援職員 grants in MongoDB (issue #20). */
import { Schema, type Connection } from 'mongoose';
import type { DisasterGrant, DisasterGrantRepository } from '../disasterGrantTypes';
import { guardedMongo } from './errors';

const grantSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    disasterId: { type: String, required: true },
    userId: { type: String, required: true },
    homeMunicipalityCode: { type: String, required: true },
    fromDate: { type: String, required: true },
    untilDate: { type: String, required: true },
    grantedBy: { type: String, required: true },
    grantedAt: { type: String, required: true },
    revokedBy: { type: String, default: null },
    revokedAt: { type: String, default: null },
  },
  { collection: 'disaster_grants', versionKey: false, minimize: false },
);
grantSchema.index({ disasterId: 1, grantedAt: -1 });
grantSchema.index({ userId: 1, grantedAt: -1 });

export function registerDisasterGrantModels(connection: Connection) {
  return { DisasterGrant: connection.model('DisasterGrant', grantSchema) };
}
export type DisasterGrantModels = ReturnType<typeof registerDisasterGrantModels>;

type GrantDoc = Omit<DisasterGrant, 'id'> & { _id: string };
const fromDoc = ({ _id, ...rest }: GrantDoc): DisasterGrant => ({ id: _id, ...rest, revokedBy: rest.revokedBy ?? null, revokedAt: rest.revokedAt ?? null });
const NEWEST_FIRST = { grantedAt: -1, _id: -1 } as const;

export class MongoDisasterGrantRepository implements DisasterGrantRepository {
  constructor(private readonly m: DisasterGrantModels) {}

  async create(g: DisasterGrant): Promise<void> {
    const { id, ...rest } = g;
    await guardedMongo(() => this.m.DisasterGrant.create({ _id: id, ...rest }));
  }

  async get(id: string): Promise<DisasterGrant | null> {
    const doc = await guardedMongo(() => this.m.DisasterGrant.findById(id).lean<GrantDoc>());
    return doc ? fromDoc(doc) : null;
  }

  async listByDisaster(disasterId: string): Promise<DisasterGrant[]> {
    const docs = await guardedMongo(() => this.m.DisasterGrant.find({ disasterId }).sort(NEWEST_FIRST).lean<GrantDoc[]>());
    return docs.map(fromDoc);
  }

  async listByUser(userId: string): Promise<DisasterGrant[]> {
    const docs = await guardedMongo(() => this.m.DisasterGrant.find({ userId }).sort(NEWEST_FIRST).lean<GrantDoc[]>());
    return docs.map(fromDoc);
  }

  async revoke(id: string, revokedBy: string, revokedAt: string): Promise<boolean> {
    const res = await guardedMongo(() => this.m.DisasterGrant.updateOne({ _id: id, revokedAt: null }, { $set: { revokedBy, revokedAt } }));
    return res.modifiedCount === 1;
  }
}
