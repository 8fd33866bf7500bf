/** Edit layers and preset release notes in SQLite (see storage/catalogTypes.ts). */
import type { EditLayer, PresetRelease } from '@madoguchi/shared';
import { ConflictError } from '../../errors';
import { type EditLayerInput, type EditLayerRepository, type PresetReleaseRepository } from '../catalogTypes';
import { guarded, type Db } from './database';
import { msg } from '../../i18n/messages';

interface LayerRow {
  owner: string;
  procedure_id: string;
  base_version: number;
  ops_json: string;
  revision: number;
  withdrawn: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

const toLayer = (r: LayerRow): EditLayer => ({
  owner: r.owner,
  procedureId: r.procedure_id,
  baseVersion: r.base_version,
  ops: JSON.parse(r.ops_json),
  revision: r.revision,
  withdrawn: r.withdrawn === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** Edit layers in SQLite; the revision check and the write are one UPDATE. */
export class SqliteEditLayerRepository implements EditLayerRepository {
  constructor(private readonly db: Db) {}

  async get(owner: string, procedureId: string): Promise<EditLayer | null> {
    const row = this.db.prepare('SELECT * FROM edit_layers WHERE owner = ? AND procedure_id = ?').get(owner, procedureId) as LayerRow | undefined;
    return row ? toLayer(row) : null;
  }

  async listByOwner(owner: string): Promise<EditLayer[]> {
    return (this.db.prepare('SELECT * FROM edit_layers WHERE owner = ? ORDER BY procedure_id').all(owner) as LayerRow[]).map(toLayer);
  }

  async listByProcedure(procedureId: string): Promise<EditLayer[]> {
    return (this.db.prepare('SELECT * FROM edit_layers WHERE procedure_id = ? ORDER BY owner').all(procedureId) as LayerRow[]).map(toLayer);
  }

  async save(layer: EditLayerInput, expectedRevision: number | null, now: Date): Promise<EditLayer> {
    const at = now.toISOString();
    return guarded(
      () =>
        this.db.transaction(() => {
          if (expectedRevision === null) {
            this.db
              .prepare(
                `INSERT INTO edit_layers (owner, procedure_id, base_version, ops_json, revision, withdrawn, created_at, updated_at, updated_by)
                 VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)`,
              )
              .run(layer.owner, layer.procedureId, layer.baseVersion, JSON.stringify(layer.ops), layer.withdrawn ? 1 : 0, at, at, layer.updatedBy);
          } else {
            const res = this.db
              .prepare(
                `UPDATE edit_layers SET base_version = ?, ops_json = ?, revision = revision + 1, withdrawn = ?, updated_at = ?, updated_by = ?
                 WHERE owner = ? AND procedure_id = ? AND revision = ?`,
              )
              .run(layer.baseVersion, JSON.stringify(layer.ops), layer.withdrawn ? 1 : 0, at, layer.updatedBy, layer.owner, layer.procedureId, expectedRevision);
            if (res.changes === 0) throw new ConflictError(msg('staleLayer'), 'stale_revision');
          }
          return toLayer(this.db.prepare('SELECT * FROM edit_layers WHERE owner = ? AND procedure_id = ?').get(layer.owner, layer.procedureId) as LayerRow);
        })(),
      msg('alreadyAdopted'),
    );
  }

  async delete(owner: string, procedureId: string): Promise<void> {
    guarded(() => this.db.prepare('DELETE FROM edit_layers WHERE owner = ? AND procedure_id = ?').run(owner, procedureId));
  }
}

interface ReleaseRow {
  preset_id: string;
  version: number;
  note: string;
  source: 'file' | 'builder';
  file_hash: string | null;
  published_at: string;
  published_by: string;
}

const toRelease = (r: ReleaseRow): PresetRelease => ({
  presetId: r.preset_id,
  version: r.version,
  note: r.note,
  source: r.source,
  ...(r.file_hash ? { fileHash: r.file_hash } : {}),
  publishedAt: r.published_at,
  publishedBy: r.published_by,
});

/** Preset release notes in SQLite. */
export class SqlitePresetReleaseRepository implements PresetReleaseRepository {
  constructor(private readonly db: Db) {}

  async add(release: PresetRelease): Promise<void> {
    guarded(
      () =>
        this.db
          .prepare('INSERT INTO preset_releases (preset_id, version, note, source, file_hash, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(release.presetId, release.version, release.note, release.source, release.fileHash ?? null, release.publishedAt, release.publishedBy),
      msg('releaseRecorded'),
    );
  }

  async list(presetId: string): Promise<PresetRelease[]> {
    return (this.db.prepare('SELECT * FROM preset_releases WHERE preset_id = ? ORDER BY version').all(presetId) as ReleaseRow[]).map(toRelease);
  }

  async lastFromFile(presetId: string): Promise<PresetRelease | null> {
    const row = this.db.prepare(`SELECT * FROM preset_releases WHERE preset_id = ? AND source = 'file' ORDER BY version DESC LIMIT 1`).get(presetId) as ReleaseRow | undefined;
    return row ? toRelease(row) : null;
  }
}
