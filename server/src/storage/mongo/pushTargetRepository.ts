/** Push targets in MongoDB (mirrors storage/sqlite/pushTargetRepository.ts). The signing secret is sealed. */
import { Schema, type Connection } from 'mongoose';
import type { OutboxEventType } from '@madoguchi/shared';
import { NotFoundError } from '../../errors';
import type { DataCipher } from '../../security/dataCipher';
import type { PushTarget, PushTargetPatch, PushTargetRepository } from '../pushTypes';
import { guardedMongo } from './errors';
import type { LeanDoc } from './leanDoc';

const pushTargetSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    name: { type: String, required: true },
    url: { type: String, required: true },
    secret: { type: String, required: true }, // sealed
    events: { type: [String], required: true },
    statuses: { type: [String], required: true },
    includePdf: { type: Boolean, required: true },
    mapping: { type: Schema.Types.Mixed, required: true },
    sensitiveConfirmed: { type: Boolean, required: true },
    active: { type: Boolean, required: true },
    createdAt: { type: String, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { collection: 'push_targets', versionKey: false as const, minimize: false },
);
pushTargetSchema.index({ municipalityCode: 1, procedureId: 1, createdAt: 1 });

export function registerPushModels(connection: Connection) {
  return { PushTarget: connection.model('PushTarget', pushTargetSchema) };
}
export type PushModels = ReturnType<typeof registerPushModels>;

export class MongoPushTargetRepository implements PushTargetRepository {
  constructor(
    private readonly pm: PushModels,
    private readonly cipher: DataCipher,
  ) {}

  private toTarget(d: LeanDoc): PushTarget {
    const { _id, ...rest } = d;
    return { ...rest, id: _id, secret: this.cipher.openText(rest.secret) } as PushTarget;
  }

  async create(t: PushTarget) {
    const { id, ...rest } = t;
    await guardedMongo(() => this.pm.PushTarget.create({ _id: id, ...rest, secret: this.cipher.sealText(t.secret) }));
  }

  async get(id: string) {
    const d = await this.pm.PushTarget.findById(id).lean();
    return d ? this.toTarget(d) : null;
  }

  async list(municipalityCode: string) {
    return (await this.pm.PushTarget.find({ municipalityCode }).sort({ createdAt: 1, _id: 1 }).lean()).map((d) => this.toTarget(d));
  }

  async update(id: string, patch: PushTargetPatch, now: Date) {
    const set: Record<string, unknown> = { ...patch, updatedAt: now.toISOString() };
    if (patch.secret !== undefined) set.secret = this.cipher.sealText(patch.secret);
    const d = await guardedMongo(() => this.pm.PushTarget.findOneAndUpdate({ _id: id }, { $set: set }, { new: true }).lean());
    if (!d) throw new NotFoundError('送信先が見つかりません。', 'push_target_not_found');
    return this.toTarget(d);
  }

  async delete(id: string) {
    await guardedMongo(() => this.pm.PushTarget.deleteOne({ _id: id }));
  }

  async matching(municipalityCode: string, procedureId: string, type: OutboxEventType) {
    const docs = await this.pm.PushTarget.find({ municipalityCode, procedureId, active: true, events: type }).sort({ createdAt: 1, _id: 1 }).lean();
    return docs.map((d) => this.toTarget(d));
  }
}
