/** Saved inbox views and page sizes in MongoDB (issue #21), behaving like the SQLite adapter. */
import { Schema, type Connection } from 'mongoose';
import type { InboxViewRepository, SavedInboxView } from '../inboxViewTypes';
import { guardedMongo } from './errors';

const viewSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    ownerId: { type: String, required: true },
    deskId: { type: String, default: null },
    name: { type: String, required: true },
    filter: { type: Schema.Types.Mixed, required: true },
    sort: { type: String, default: null },
    columns: { type: [String], required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { collection: 'inbox_views', versionKey: false, minimize: false },
);
viewSchema.index({ municipalityCode: 1, ownerId: 1 });

const preferenceSchema = new Schema(
  { _id: { type: String, required: true }, pageSize: { type: Number, required: true }, updatedAt: { type: String, required: true } },
  { collection: 'inbox_preferences', versionKey: false },
);

export function registerInboxViewModels(connection: Connection) {
  return { InboxView: connection.model('InboxView', viewSchema), InboxPreference: connection.model('InboxPreference', preferenceSchema) };
}
export type InboxViewModels = ReturnType<typeof registerInboxViewModels>;

type ViewDoc = Omit<SavedInboxView, 'id'> & { _id: string };
const fromDoc = ({ _id, ...rest }: ViewDoc): SavedInboxView => ({
  id: _id,
  municipalityCode: rest.municipalityCode,
  ownerId: rest.ownerId,
  deskId: rest.deskId ?? null,
  name: rest.name,
  filter: rest.filter ?? {},
  sort: rest.sort ?? null,
  columns: [...(rest.columns ?? [])],
  createdAt: rest.createdAt,
  updatedAt: rest.updatedAt,
});

export class MongoInboxViewRepository implements InboxViewRepository {
  constructor(private readonly m: InboxViewModels) {}

  async create(v: SavedInboxView): Promise<void> {
    const { id, ...rest } = v;
    await guardedMongo(() => this.m.InboxView.create({ _id: id, ...rest }));
  }

  async get(id: string): Promise<SavedInboxView | null> {
    const doc = await this.m.InboxView.findById(id).lean<ViewDoc>();
    return doc ? fromDoc(doc) : null;
  }

  async listVisible(municipalityCode: string, userId: string): Promise<SavedInboxView[]> {
    const docs = await this.m.InboxView.find({ municipalityCode, $or: [{ deskId: { $ne: null } }, { ownerId: userId }] }).lean<ViewDoc[]>();
    // Sorted here by code point, as SQLite's ORDER BY name, id does (MongoDB's default collation agrees, but say it once).
    return docs.map(fromDoc).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async rename(id: string, name: string, updatedAt: string): Promise<boolean> {
    const r = await guardedMongo(() => this.m.InboxView.updateOne({ _id: id }, { $set: { name, updatedAt } }));
    return r.matchedCount > 0;
  }

  async delete(id: string): Promise<boolean> {
    const r = await guardedMongo(() => this.m.InboxView.deleteOne({ _id: id }));
    return r.deletedCount > 0;
  }

  async getPageSize(userId: string): Promise<number | null> {
    const doc = await this.m.InboxPreference.findById(userId).lean<{ pageSize: number }>();
    return doc?.pageSize ?? null;
  }

  async setPageSize(userId: string, pageSize: number, at: string): Promise<void> {
    await guardedMongo(() => this.m.InboxPreference.updateOne({ _id: userId }, { $set: { pageSize, updatedAt: at } }, { upsert: true }));
  }
}
