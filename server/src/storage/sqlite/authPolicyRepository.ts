/** Per-municipality sign-in policy in SQLite. */
import type { AuthPolicy, AuthPolicyRepository } from '../types';
import { guarded, type Db } from './database';

interface Row {
  municipality_code: string;
  require_totp: number;
  updated_at: string;
  updated_by: string;
}

export class SqliteAuthPolicyRepository implements AuthPolicyRepository {
  constructor(private readonly db: Db) {}

  async get(municipalityCode: string): Promise<AuthPolicy | null> {
    const r = this.db.prepare('SELECT * FROM auth_policies WHERE municipality_code = ?').get(municipalityCode) as Row | undefined;
    return r ? { municipalityCode: r.municipality_code, requireTotp: r.require_totp === 1, updatedAt: r.updated_at, updatedBy: r.updated_by } : null;
  }

  async set(p: AuthPolicy): Promise<void> {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO auth_policies (municipality_code, require_totp, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT(municipality_code) DO UPDATE SET require_totp = excluded.require_totp, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(p.municipalityCode, p.requireTotp ? 1 : 0, p.updatedAt, p.updatedBy),
    );
  }
}
