/** Mongoose schema of a municipality's life-event guide versions (one document per version). */
import { Schema, type Connection } from 'mongoose';

const guideVersionSchema = new Schema(
  {
    municipalityCode: { type: String, required: true },
    guideId: { type: String, required: true },
    version: { type: Number, required: true },
    status: { type: String, required: true, enum: ['draft', 'published', 'retired'] },
    basedOn: { type: String, default: null },
    hidden: { type: Boolean, default: false },
    guide: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: String, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: String, required: true },
    updatedBy: { type: String, required: true },
    publishedAt: { type: String, default: null },
  },
  { collection: 'guide_versions', versionKey: false, minimize: false },
);
guideVersionSchema.index({ municipalityCode: 1, guideId: 1, version: 1 }, { unique: true });
// At most one published version per guide, as SQLite's partial unique index.
guideVersionSchema.index({ municipalityCode: 1, guideId: 1 }, { unique: true, partialFilterExpression: { status: 'published' } });

export function registerGuideModels(connection: Connection) {
  return { GuideVersion: connection.model('GuideVersion', guideVersionSchema) };
}
export type GuideModels = ReturnType<typeof registerGuideModels>;
