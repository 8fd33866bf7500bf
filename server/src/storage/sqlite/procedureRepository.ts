/** Procedures and their form versions in SQLite. Published rows are never updated except to retire them. */
import type { FormVersion, FormVersionStatus } from '@madoguchi/shared';
import { ConflictError, NotFoundError } from '../../errors';
import type { NewFormVersion, ProcedureRepository } from '../types';
import { guarded, type Db } from './database';

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
    if (!row) throw new NotFoundError('手続の版が見つかりません。', 'version_not_found');
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

  async updateDraft(owner: string, id: string, version: number, input: NewFormVersion, _now: Date): Promise<FormVersion> {
    return guarded(() =>
      this.db.transaction(() => {
        const row = this.mustGet(owner, id, version);
        if (row.status !== 'draft') throw new ConflictError('公開済みの版は変更できません。新しい版を作成してください。', 'version_immutable');
        this.db
          .prepare('UPDATE form_versions SET procedure_json = ?, schema_json = ?, ui_schema_json = ?, content_hash = ? WHERE owner = ? AND procedure_id = ? AND version = ?')
          .run(JSON.stringify(input.procedure), JSON.stringify(input.schema), JSON.stringify(input.uiSchema), input.contentHash, owner, id, version);
        return toVersion(this.mustGet(owner, id, version));
      })(),
    );
  }

  async publish(owner: string, id: string, version: number, now: Date): Promise<FormVersion> {
    return guarded(() =>
      this.db.transaction(() => {
        const row = this.mustGet(owner, id, version);
        if (row.status !== 'draft') throw new ConflictError('下書きの版だけを公開できます。', 'not_a_draft');
        const at = now.toISOString();
        this.db.prepare(`UPDATE form_versions SET status = 'retired', retired_at = ? WHERE owner = ? AND procedure_id = ? AND status = 'published'`).run(at, owner, id);
        this.db.prepare(`UPDATE form_versions SET status = 'published', published_at = ? WHERE owner = ? AND procedure_id = ? AND version = ?`).run(at, owner, id, version);
        return toVersion(this.mustGet(owner, id, version));
      })(),
    );
  }

  async retire(owner: string, id: string, version: number, now: Date): Promise<FormVersion> {
    return guarded(() =>
      this.db.transaction(() => {
        const row = this.mustGet(owner, id, version);
        if (row.status !== 'published') throw new ConflictError('公開中の版だけを公開終了にできます。', 'not_published');
        this.db.prepare(`UPDATE form_versions SET status = 'retired', retired_at = ? WHERE owner = ? AND procedure_id = ? AND version = ?`).run(now.toISOString(), owner, id, version);
        return toVersion(this.mustGet(owner, id, version));
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
    const rows = this.db
      .prepare(`SELECT * FROM form_versions WHERE status = 'published' AND owner IN (${placeholders}) ORDER BY owner, procedure_id`)
      .all(...owners) as Row[];
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
