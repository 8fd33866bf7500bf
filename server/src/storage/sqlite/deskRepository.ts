/** A municipality's contact desks in SQLite (one row per municipality, the list as JSON). */
import type { MunicipalDeskRepository, MunicipalDesks } from '../types';
import { guarded, type Db } from './database';

interface Row {
  municipality_code: string;
  desks_json: string;
  updated_at: string;
  updated_by: string;
}

export class SqliteDeskRepository implements MunicipalDeskRepository {
  constructor(private readonly db: Db) {}

  async get(municipalityCode: string): Promise<MunicipalDesks | null> {
    const r = this.db.prepare('SELECT * FROM municipal_desks WHERE municipality_code = ?').get(municipalityCode) as Row | undefined;
    return r ? { municipalityCode: r.municipality_code, desks: JSON.parse(r.desks_json), updatedAt: r.updated_at, updatedBy: r.updated_by } : null;
  }

  async set(d: MunicipalDesks): Promise<void> {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO municipal_desks (municipality_code, desks_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT(municipality_code) DO UPDATE SET desks_json = excluded.desks_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(d.municipalityCode, JSON.stringify(d.desks), d.updatedAt, d.updatedBy),
    );
  }
}
