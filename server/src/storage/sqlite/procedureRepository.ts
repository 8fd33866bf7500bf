/** Procedures and their form versions in SQLite. Published rows are never updated except to retire them. */
import type { FormVersion, FormVersionStatus } from '@madoguchi/shared';
import { NotFoundError } from '../../errors';
import type { NewFormVersion, ProcedureRepository } from '../types';
import { guarded, type Db } from './database';
import { msg } from '../../i18n/messages';

interface Row {
  owner: string;
  procedure_id: string;
  version: number;
  status: FormVersionStatus;
  procedure_json: string;
  schema_json: string;
  ui_schema_json: string;
  content_hash: string;
  created_at: string;
  published_at: string | null;
  retired_at: string | null;
}

const toVersion = (r: Row): FormVersion => ({
  owner: r.owner,
  procedureId: r.procedure_id,
  version: r.version,
  status: r.status,
  procedure: JSON.parse(r.procedure_json),
  schema: JSON.parse(r.schema_json),
  uiSchema: JSON.parse(r.ui_schema_json),
  contentHash: r.content_hash,
  createdAt: r.created_at,
  ...(r.published_at ? { publishedAt: r.published_at } : {}),
  ...(r.retired_at ? { retiredAt: r.retired_at } : {}),
});

export class SqliteProcedureRepository implements ProcedureRepository {
  constructor(private readonly db: Db) {}

  private row(owner: string, id: string, version: number): Row | undefined {
    return this.db.prepare('SELECT * FROM form_versions WHERE owner = ? AND procedure_id = ? AND version = ?').get(owner, id, version) as Row | undefined;
  }

  private mustGet(owner: string, id: string, version: number): Row {
    const row = this.row(owner, id, version);
    if (!row) throw new NotFoundError(msg('versionNotFound'), 'version_not_found');
    return row;
  }

  async createDraft(input: NewFormVersion, now: Date): Promise<FormVersion> {
    const { owner, id } = input.procedure;
    return guarded(() =>
      this.db.transaction(() => {
        const { max } = this.db.prepare('SELECT MAX(version) AS max FROM form_versions WHERE owner = ? AND procedure_id = ?').get(owner, id) as { max: number | null };
        const version = (max ?? 0) + 1;
        this.db
          .prepare(
            `INSERT INTO form_versions (owner, procedure_id, version, status, procedure_json, schema_json, ui_schema_json, content_hash, created_at)
             VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
          )
          .run(owner, id, version, JSON.stringify(input.procedure), JSON.stringify(input.schema), JSON.stringify(input.uiSchema), input.contentHash, now.toISOString());
        return toVersion(this.mustGet(owner, id, version));
      })(),
    );
  }

  // The three writes below are compare-and-set: they change a version only while it is in the state the
  // caller read, and answer null otherwise. Which transitions are allowed is decided above the store
  // (modules/procedures/versionLifecycle.ts).

  async replaceDraft(owner: string, id: string, version: number, input: NewFormVersion): Promise<FormVersion | null> {
    return guarded(() =>
      this.db.transaction(() => {
        const { changes } = this.db
          .prepare(`UPDATE form_versions SET procedure_json = ?, schema_json = ?, ui_schema_json = ?, content_hash = ? WHERE owner = ? AND procedure_id = ? AND version = ? AND status = 'draft'`)
          .run(JSON.stringify(input.procedure), JSON.stringify(input.schema), JSON.stringify(input.uiSchema), input.contentHash, owner, id, version);
        return changes === 0 ? null : toVersion(this.mustGet(owner, id, version));
      })(),
    );
  }

  async publishDraft(owner: string, id: string, version: number, at: Date): Promise<FormVersion | null> {
    return guarded(() =>
      this.db.transaction(() => {
        const iso = at.toISOString();
        if (this.row(owner, id, version)?.status !== 'draft') return null;
        this.db.prepare(`UPDATE form_versions SET status = 'retired', retired_at = ? WHERE owner = ? AND procedure_id = ? AND status = 'published'`).run(iso, owner, id);
        this.db.prepare(`UPDATE form_versions SET status = 'published', published_at = ? WHERE owner = ? AND procedure_id = ? AND version = ?`).run(iso, owner, id, version);
        return toVersion(this.mustGet(owner, id, version));
      })(),
    );
  }

  async retirePublished(owner: string, id: string, version: number, at: Date): Promise<FormVersion | null> {
    return guarded(() =>
      this.db.transaction(() => {
        const { changes } = this.db
          .prepare(`UPDATE form_versions SET status = 'retired', retired_at = ? WHERE owner = ? AND procedure_id = ? AND version = ? AND status = 'published'`)
          .run(at.toISOString(), owner, id, version);
        return changes === 0 ? null : toVersion(this.mustGet(owner, id, version));
      })(),
    );
  }

  async getVersion(owner: string, id: string, version: number): Promise<FormVersion | null> {
    const row = this.row(owner, id, version);
    return row ? toVersion(row) : null;
  }

  async getPublished(owner: string, id: string): Promise<FormVersion | null> {
    const row = this.db.prepare(`SELECT * FROM form_versions WHERE owner = ? AND procedure_id = ? AND status = 'published'`).get(owner, id) as Row | undefined;
    return row ? toVersion(row) : null;
  }

  async getPublishedVersionNumber(owner: string, id: string): Promise<number | null> {
    const row = this.db.prepare(`SELECT version FROM form_versions WHERE owner = ? AND procedure_id = ? AND status = 'published'`).get(owner, id) as { version: number } | undefined;
    return row?.version ?? null;
  }

  async getLatest(owner: string, id: string): Promise<FormVersion | null> {
    const row = this.db.prepare('SELECT * FROM form_versions WHERE owner = ? AND procedure_id = ? ORDER BY version DESC LIMIT 1').get(owner, id) as Row | undefined;
    return row ? toVersion(row) : null;
  }

  async listVersions(owner: string, id: string): Promise<FormVersion[]> {
    return (this.db.prepare('SELECT * FROM form_versions WHERE owner = ? AND procedure_id = ? ORDER BY version').all(owner, id) as Row[]).map(toVersion);
  }

  async listPublished(owners: string[]): Promise<FormVersion[]> {
    if (owners.length === 0) return [];
    const placeholders = owners.map(() => '?').join(',');
    const rows = this.db.prepare(`SELECT * FROM form_versions WHERE status = 'published' AND owner IN (${placeholders}) ORDER BY owner, procedure_id`).all(...owners) as Row[];
    return rows.map(toVersion);
  }

  async listLatest(owner: string): Promise<FormVersion[]> {
    const rows = this.db
      .prepare(
        `SELECT f.* FROM form_versions f
         WHERE f.owner = ? AND f.version = (SELECT MAX(version) FROM form_versions g WHERE g.owner = f.owner AND g.procedure_id = f.procedure_id)
         ORDER BY f.procedure_id`,
      )
      .all(owner) as Row[];
    return rows.map(toVersion);
  }
}
