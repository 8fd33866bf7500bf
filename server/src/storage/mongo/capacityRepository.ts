/**
 * Capacity in MongoDB (issue #22), behaviour for behaviour as storage/sqlite/capacityRepository.ts.
 * Places are taken inside the submission insert's transaction by a conditional `$inc`
 * (`taken + n <= capacity` in the filter): a full option matches nothing, the transaction aborts,
 * nothing is stored. The option's row is made just before (prepareCapacity). Releases run inside the closing status move's transaction.
 */
import { Schema, type ClientSession, type Connection, type Model } from 'mongoose';
import type { CapacityTake } from '@madoguchi/shared';
import { CapacityBelowTakenError, CapacityFullError, type CapacityHold, type CapacityKey, type CapacityRepository, type CapacitySlot } from '../capacityTypes';
import { guardedMongo } from './errors';
import type { LeanDoc } from './leanDoc';

const slotSchema = new Schema(
  {
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    fieldPath: { type: String, required: true },
    option: { type: String, required: true },
    capacity: { type: Number, required: true },
    schemaLimit: { type: Number, required: true },
    taken: { type: Number, required: true },
    updatedAt: { type: String, required: true },
  },
  { collection: 'capacity_slots', versionKey: false },
);
slotSchema.index({ municipalityCode: 1, procedureId: 1, fieldPath: 1, option: 1 }, { unique: true });

const holdSchema = new Schema(
  {
    submissionId: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    procedureId: { type: String, required: true },
    fieldPath: { type: String, required: true },
    option: { type: String, required: true },
    places: { type: Number, required: true },
    createdAt: { type: String, required: true },
    releasedAt: { type: String },
  },
  { collection: 'capacity_holds', versionKey: false },
);
holdSchema.index({ submissionId: 1, fieldPath: 1 }, { unique: true });
holdSchema.index({ municipalityCode: 1, procedureId: 1, createdAt: 1 });

/** The models on `connection` (registered once; the submission repository finds them by connection). */
export function capacityModels(connection: Connection) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents are typed where they are read (lean<…>)
  const model = (name: string, schema: Schema): Model<any> => (connection.models[name] as Model<any> | undefined) ?? connection.model(name, schema);
  return { Slot: model('CapacitySlot', slotSchema), Hold: model('CapacityHold', holdSchema) };
}

const toSlot = (d: LeanDoc): CapacitySlot => ({
  municipalityCode: d.municipalityCode as string,
  procedureId: d.procedureId as string,
  fieldPath: d.fieldPath as string,
  option: d.option as string,
  capacity: d.capacity as number,
  schemaLimit: d.schemaLimit as number,
  taken: d.taken as number,
  updatedAt: d.updatedAt as string,
});

/** Makes the option's row from the schema's number on first use (outside any transaction: a racing upsert inside one could fail on the unique index). */
async function createSlot(connection: Connection, key: CapacityKey, schemaLimit: number, at: string): Promise<void> {
  await capacityModels(connection)
    .Slot.updateOne(key, { $setOnInsert: { capacity: schemaLimit, schemaLimit, taken: 0, updatedAt: at } }, { upsert: true })
    .catch((error: { code?: number }) => {
      if (error.code !== 11000) throw error; // a concurrent first use created it
    });
}

/** As ensureSlot in SQLite, on an existing row: a changed schema number (a new version) applied once, never below taken. */
async function applySchemaLimit(connection: Connection, key: CapacityKey, schemaLimit: number, at: string, session?: ClientSession): Promise<void> {
  await capacityModels(connection).Slot.updateOne(
    { ...key, schemaLimit: { $ne: schemaLimit } },
    [{ $set: { capacity: { $max: [schemaLimit, '$taken'] }, schemaLimit, updatedAt: at } }],
    session ? { session } : {},
  );
}

/** Creates the rows the takes need, just before the insert's transaction (a row with nothing taken is what publishing would leave). */
export async function prepareCapacity(connection: Connection, s: { municipalityCode: string; procedureId: string; createdAt: string }, takes: readonly CapacityTake[]): Promise<void> {
  for (const take of takes) {
    await createSlot(connection, { municipalityCode: s.municipalityCode, procedureId: s.procedureId, fieldPath: take.fieldPath, option: take.option }, take.schemaLimit, s.createdAt);
  }
}

/** Takes the places of a new submission inside the insert's transaction (rows made by prepareCapacity); a full option throws CapacityFullError (the transaction aborts). */
export async function takeCapacity(
  connection: Connection,
  s: { id: string; municipalityCode: string; procedureId: string; createdAt: string },
  takes: readonly CapacityTake[],
  session: ClientSession,
): Promise<void> {
  const { Slot, Hold } = capacityModels(connection);
  for (const take of takes) {
    const key = { municipalityCode: s.municipalityCode, procedureId: s.procedureId, fieldPath: take.fieldPath, option: take.option };
    await applySchemaLimit(connection, key, take.schemaLimit, s.createdAt, session);
    const res = await Slot.updateOne({ ...key, $expr: { $lte: [{ $add: ['$taken', take.places] }, '$capacity'] } }, { $inc: { taken: take.places } }, { session });
    if (res.modifiedCount !== 1) throw new CapacityFullError(take);
    await Hold.create([{ submissionId: s.id, ...key, places: take.places, createdAt: s.createdAt }], { session });
  }
}

/** Frees the places a submission still holds, inside the status move's transaction; a second call finds none. */
export async function releaseCapacity(connection: Connection, submissionId: string, at: string, session: ClientSession): Promise<void> {
  const { Slot, Hold } = capacityModels(connection);
  const holds = await Hold.find({ submissionId, releasedAt: { $exists: false } }, null, { session }).lean<LeanDoc[]>();
  for (const h of holds) {
    const key = { municipalityCode: h.municipalityCode, procedureId: h.procedureId, fieldPath: h.fieldPath, option: h.option };
    await Slot.updateOne(key, [{ $set: { taken: { $max: [0, { $subtract: ['$taken', h.places] }] } } }], { session });
  }
  if (holds.length) await Hold.updateMany({ submissionId, releasedAt: { $exists: false } }, { $set: { releasedAt: at } }, { session });
}

/** A corrected application's places: those held are given back and `takes` taken, inside the revision's transaction (rows made by prepareCapacity). */
export async function rebookCapacity(
  connection: Connection,
  s: { id: string; municipalityCode: string; procedureId: string },
  takes: readonly CapacityTake[],
  at: string,
  session: ClientSession,
): Promise<void> {
  await releaseCapacity(connection, s.id, at, session);
  await capacityModels(connection).Hold.deleteMany({ submissionId: s.id, releasedAt: { $exists: true } }, { session });
  await takeCapacity(connection, { ...s, createdAt: at }, takes, session);
}

export class MongoCapacityRepository implements CapacityRepository {
  constructor(private readonly connection: Connection) {}

  async list(municipalityCode: string, procedureId: string) {
    const docs = await guardedMongo(() => capacityModels(this.connection).Slot.find({ municipalityCode, procedureId }).sort({ fieldPath: 1, option: 1 }).lean<LeanDoc[]>());
    return docs.map(toSlot);
  }

  async setCapacity(key: CapacityKey, capacity: number, schemaLimit: number, at: string) {
    const { Slot } = capacityModels(this.connection);
    return guardedMongo(async () => {
      await createSlot(this.connection, key, schemaLimit, at);
      await applySchemaLimit(this.connection, key, schemaLimit, at);
      // Conditional on what is taken, so a concurrent intake can never be left above the new capacity.
      const doc = await Slot.findOneAndUpdate({ ...key, taken: { $lte: capacity } }, { $set: { capacity, updatedAt: at } }, { new: true }).lean<LeanDoc | null>();
      if (!doc) throw new CapacityBelowTakenError(((await Slot.findOne(key).lean<LeanDoc | null>())?.taken as number | undefined) ?? 0);
      return toSlot(doc);
    });
  }

  async holds(municipalityCode: string, procedureId: string): Promise<CapacityHold[]> {
    const docs = await guardedMongo(() => capacityModels(this.connection).Hold.find({ municipalityCode, procedureId }).sort({ createdAt: 1, submissionId: 1 }).lean<LeanDoc[]>());
    return docs.map((d) => ({
      submissionId: d.submissionId as string,
      fieldPath: d.fieldPath as string,
      option: d.option as string,
      places: d.places as number,
      createdAt: d.createdAt as string,
      ...(d.releasedAt ? { releasedAt: d.releasedAt as string } : {}),
    }));
  }
}
