/** One-time setup and invitation links in SQLite (only their sha256 is stored). */
import type { AuthToken, AuthTokenRepository } from '../types';
import { guarded, type Db } from './database';

interface Row {
  id: string;
  kind: AuthToken['kind'];
  token_hash: string;
  email: string | null;
  role: AuthToken['role'];
  municipality_code: string | null;
  procedure_ids_json: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

const toToken = (r: Row): AuthToken => ({
  id: r.id,
  kind: r.kind,
  tokenHash: r.token_hash,
  email: r.email,
  role: r.role,
  municipalityCode: r.municipality_code,
  procedureIds: r.procedure_ids_json === null ? null : (JSON.parse(r.procedure_ids_json) as string[]),
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

const ACTIVE = 'used_at IS NULL AND expires_at > @now';

export class SqliteAuthTokenRepository implements AuthTokenRepository {
  constructor(private readonly db: Db) {}

  async create(t: AuthToken): Promise<void> {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO auth_tokens (id, kind, token_hash, email, role, municipality_code, procedure_ids_json, created_by, created_at, expires_at, used_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(t.id, t.kind, t.tokenHash, t.email, t.role, t.municipalityCode, t.procedureIds ? JSON.stringify(t.procedureIds) : null, t.createdBy, t.createdAt, t.expiresAt, t.usedAt),
    );
  }

  async findById(id: string) {
    const row = this.db.prepare('SELECT * FROM auth_tokens WHERE id = ?').get(id) as Row | undefined;
    return row ? toToken(row) : null;
  }

  async findActive(kind: AuthToken['kind'], tokenHash: string, now: Date) {
    const row = this.db.prepare(`SELECT * FROM auth_tokens WHERE kind = @kind AND token_hash = @tokenHash AND ${ACTIVE}`).get({ kind, tokenHash, now: now.toISOString() }) as Row | undefined;
    return row ? toToken(row) : null;
  }

  async consume(kind: AuthToken['kind'], tokenHash: string, now: Date) {
    // One UPDATE guarded by "still unused": of two concurrent uses, exactly one changes the row.
    const row = guarded(
      () =>
        this.db.prepare(`UPDATE auth_tokens SET used_at = @now WHERE kind = @kind AND token_hash = @tokenHash AND ${ACTIVE} RETURNING *`).get({ kind, tokenHash, now: now.toISOString() }) as
          Row | undefined,
    );
    return row ? toToken(row) : null;
  }

  async listActive(filter: { kind: AuthToken['kind']; municipalityCode?: string | null; email?: string }, now: Date) {
    const where = ['kind = @kind', ACTIVE];
    if (filter.municipalityCode === null) where.push('municipality_code IS NULL');
    else if (filter.municipalityCode !== undefined) where.push('municipality_code = @municipalityCode');
    if (filter.email !== undefined) where.push('email = @email COLLATE NOCASE');
    const rows = this.db
      .prepare(`SELECT * FROM auth_tokens WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id`)
      .all({ kind: filter.kind, municipalityCode: filter.municipalityCode ?? null, email: filter.email ?? null, now: now.toISOString() }) as Row[];
    return rows.map(toToken);
  }

  async delete(id: string) {
    guarded(() => this.db.prepare('DELETE FROM auth_tokens WHERE id = ?').run(id));
  }

  async deleteUnused(kind: AuthToken['kind']) {
    return guarded(() => this.db.prepare('DELETE FROM auth_tokens WHERE kind = ? AND used_at IS NULL').run(kind).changes);
  }
}
