/** 応援職員 grants in SQLite (issue #20). */
import type { DisasterGrant, DisasterGrantRepository } from '../disasterGrantTypes';
import { guarded, type Db } from './database';

interface GrantRow {
  id: string;
  municipality_code: string;
  disaster_id: string;
  user_id: string;
  home_municipality_code: string;
  from_date: string;
  until_date: string;
  granted_by: string;
  granted_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
}

const fromRow = (r: GrantRow): DisasterGrant => ({
  id: r.id,
  municipalityCode: r.municipality_code,
  disasterId: r.disaster_id,
  userId: r.user_id,
  homeMunicipalityCode: r.home_municipality_code,
  fromDate: r.from_date,
  untilDate: r.until_date,
  grantedBy: r.granted_by,
  grantedAt: r.granted_at,
  revokedBy: r.revoked_by,
  revokedAt: r.revoked_at,
});

export class SqliteDisasterGrantRepository implements DisasterGrantRepository {
  constructor(private readonly db: Db) {}

  async create(g: DisasterGrant): Promise<void> {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO disaster_grants (id, municipality_code, disaster_id, user_id, home_municipality_code, from_date, until_date, granted_by, granted_at, revoked_by, revoked_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(g.id, g.municipalityCode, g.disasterId, g.userId, g.homeMunicipalityCode, g.fromDate, g.untilDate, g.grantedBy, g.grantedAt, g.revokedBy, g.revokedAt),
    );
  }

  async get(id: string): Promise<DisasterGrant | null> {
    const r = this.db.prepare('SELECT * FROM disaster_grants WHERE id = ?').get(id) as GrantRow | undefined;
    return r ? fromRow(r) : null;
  }

  async listByDisaster(disasterId: string): Promise<DisasterGrant[]> {
    const rows = this.db.prepare('SELECT * FROM disaster_grants WHERE disaster_id = ? ORDER BY granted_at DESC, id DESC').all(disasterId) as GrantRow[];
    return rows.map(fromRow);
  }

  async listByUser(userId: string): Promise<DisasterGrant[]> {
    const rows = this.db.prepare('SELECT * FROM disaster_grants WHERE user_id = ? ORDER BY granted_at DESC, id DESC').all(userId) as GrantRow[];
    return rows.map(fromRow);
  }

  async revoke(id: string, revokedBy: string, revokedAt: string): Promise<boolean> {
    const res = guarded(() => this.db.prepare('UPDATE disaster_grants SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(revokedBy, revokedAt, id));
    return res.changes === 1;
  }
}
