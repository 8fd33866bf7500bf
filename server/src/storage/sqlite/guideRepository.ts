/** A municipality's life-event guide versions in SQLite (one row per version, the guide as JSON). */
import { ConflictError } from '../../errors';
import { msg } from '../../i18n/messages';
import type { GuideVersion, GuideVersionRepository, NewGuideVersion } from '../guideTypes';
import { guarded, type Db } from './database';

interface Row {
  municipality_code: string;
  guide_id: string;
  version: number;
  status: GuideVersion['status'];
  based_on: string | null;
  hidden: number;
  guide_json: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  published_at: string | null;
}

const fromRow = (r: Row): GuideVersion => ({
  municipalityCode: r.municipality_code,
  guideId: r.guide_id,
  version: r.version,
  status: r.status,
  basedOn: r.based_on,
  hidden: r.hidden === 1,
  guide: JSON.parse(r.guide_json),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  publishedAt: r.published_at,
});

export class SqliteGuideRepository implements GuideVersionRepository {
  constructor(private readonly db: Db) {}

  private get(code: string, guideId: string, version: number): GuideVersion | null {
    const r = this.db.prepare('SELECT * FROM guide_versions WHERE municipality_code = ? AND guide_id = ? AND version = ?').get(code, guideId, version) as Row | undefined;
    return r ? fromRow(r) : null;
  }

  async listVersions(code: string, guideId: string): Promise<GuideVersion[]> {
    return (this.db.prepare('SELECT * FROM guide_versions WHERE municipality_code = ? AND guide_id = ? ORDER BY version').all(code, guideId) as Row[]).map(fromRow);
  }

  async listLatest(code: string): Promise<GuideVersion[]> {
    const rows = this.db
      .prepare(
        `SELECT g.* FROM guide_versions g
         WHERE g.municipality_code = ? AND g.version = (SELECT MAX(version) FROM guide_versions l WHERE l.municipality_code = g.municipality_code AND l.guide_id = g.guide_id)
         ORDER BY g.guide_id`,
      )
      .all(code) as Row[];
    return rows.map(fromRow);
  }

  async listPublished(code: string): Promise<GuideVersion[]> {
    return (this.db.prepare("SELECT * FROM guide_versions WHERE municipality_code = ? AND status = 'published' ORDER BY guide_id").all(code) as Row[]).map(fromRow);
  }

  async insertDraft(v: NewGuideVersion): Promise<GuideVersion> {
    try {
      guarded(() =>
        this.db
          .prepare(
            `INSERT INTO guide_versions (municipality_code, guide_id, version, status, based_on, hidden, guide_json, created_at, created_by, updated_at, updated_by, published_at)
             VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, NULL)`,
          )
          .run(v.municipalityCode, v.guideId, v.version, v.basedOn, v.hidden ? 1 : 0, JSON.stringify(v.guide), v.createdAt, v.createdBy, v.updatedAt, v.updatedBy),
      );
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError(msg('guideStale'), 'stale_guide');
      throw error;
    }
    return this.get(v.municipalityCode, v.guideId, v.version)!;
  }

  async replaceDraft(code: string, guideId: string, version: number, c: Pick<GuideVersion, 'guide' | 'hidden' | 'updatedAt' | 'updatedBy'>): Promise<GuideVersion | null> {
    const res = guarded(() =>
      this.db
        .prepare("UPDATE guide_versions SET guide_json = ?, hidden = ?, updated_at = ?, updated_by = ? WHERE municipality_code = ? AND guide_id = ? AND version = ? AND status = 'draft'")
        .run(JSON.stringify(c.guide), c.hidden ? 1 : 0, c.updatedAt, c.updatedBy, code, guideId, version),
    );
    return res.changes === 0 ? null : this.get(code, guideId, version);
  }

  async publish(code: string, guideId: string, version: number, at: string, by: string): Promise<GuideVersion | null> {
    const done = guarded(() =>
      this.db.transaction(() => {
        const draft = this.get(code, guideId, version);
        if (draft?.status !== 'draft') return false;
        this.db.prepare("UPDATE guide_versions SET status = 'retired' WHERE municipality_code = ? AND guide_id = ? AND status = 'published'").run(code, guideId);
        this.db
          .prepare("UPDATE guide_versions SET status = 'published', published_at = ?, updated_at = ?, updated_by = ? WHERE municipality_code = ? AND guide_id = ? AND version = ?")
          .run(at, at, by, code, guideId, version);
        return true;
      })(),
    );
    return done ? this.get(code, guideId, version) : null;
  }
}
