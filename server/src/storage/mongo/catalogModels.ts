/** Mongoose schemas for the municipal catalog: edit layers and preset release notes. */
import { Schema, type Connection } from 'mongoose';

const editLayerSchema = new Schema(
  {
    owner: { type: String, required: true },
    procedureId: { type: String, required: true },
    baseVersion: { type: Number, required: true },
    ops: { type: [Schema.Types.Mixed], default: [] },
    revision: { type: Number, required: true },
    withdrawn: { type: Boolean, default: false },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'edit_layers', versionKey: false, minimize: false },
);
editLayerSchema.index({ owner: 1, procedureId: 1 }, { unique: true });
editLayerSchema.index({ procedureId: 1, owner: 1 });

const presetReleaseSchema = new Schema(
  {
    presetId: { type: String, required: true },
    version: { type: Number, required: true },
    note: { type: String, required: true },
    source: { type: String, required: true, enum: ['file', 'builder'] },
    fileHash: String,
    publishedAt: { type: String, required: true },
    publishedBy: { type: String, required: true },
  },
  { collection: 'preset_releases', versionKey: false },
);
presetReleaseSchema.index({ presetId: 1, version: 1 }, { unique: true });

/** Registers the catalog models on a connection. */
export function registerCatalogModels(connection: Connection) {
  return {
    EditLayer: connection.model('EditLayer', editLayerSchema),
    PresetRelease: connection.model('PresetRelease', presetReleaseSchema),
  };
}
/** The catalog models by name. */
export type CatalogModels = ReturnType<typeof registerCatalogModels>;
