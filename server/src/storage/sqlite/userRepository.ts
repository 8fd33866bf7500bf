/** Staff and admin accounts in SQLite. */
import { ConflictError, NotFoundError } from '../../errors';
import type { User, UserRepository } from '../types';
import { guarded, type Db } from './database';
import { msg } from '../../i18n/messages';

interface Row {
  id: string;
  email: string;
  display_name: string;
  role: User['role'];
  municipality_code: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  procedure_ids_json: string | null;
  totp_last_step: number | null;
}

const toUser = (r: Row): User => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  municipalityCode: r.municipality_code,
  passwordHash: r.password_hash,
  totpSecret: r.totp_secret,
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  // Optional fields are left out when unset, so a stored user equals the one created.
  ...(r.procedure_ids_json !== null ? { procedureIds: JSON.parse(r.procedure_ids_json) as string[] } : {}),
  ...(r.totp_last_step !== null ? { totpLastStep: r.totp_last_step } : {}),
});

const COLUMN: Record<string, string> = {
  email: 'email',
  displayName: 'display_name',
  role: 'role',
  municipalityCode: 'municipality_code',
  passwordHash: 'password_hash',
  totpSecret: 'totp_secret',
  failedLogins: 'failed_logins',
  lockedUntil: 'locked_until',
  disabled: 'disabled',
  updatedAt: 'updated_at',
  procedureIds: 'procedure_ids_json',
  totpLastStep: 'totp_last_step',
};

/** A domain value as an SQLite parameter. */
const toParam = (key: string, value: unknown) => (key === 'procedureIds' ? (value ? JSON.stringify(value) : null) : typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null));

export class SqliteUserRepository implements UserRepository {
  constructor(private readonly db: Db) {}

  async create(u: User): Promise<void> {
    try {
      this.db
        .prepare(
          `INSERT INTO users (id, email, display_name, role, municipality_code, password_hash, totp_secret, failed_logins, locked_until, disabled, created_at, updated_at, procedure_ids_json, totp_last_step)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          u.id,
          u.email,
          u.displayName,
          u.role,
          u.municipalityCode,
          u.passwordHash,
          u.totpSecret,
          u.failedLogins,
          u.lockedUntil,
          u.disabled ? 1 : 0,
          u.createdAt,
          u.updatedAt,
          toParam('procedureIds', u.procedureIds),
          u.totpLastStep ?? null,
        );
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new ConflictError(msg('duplicateEmail'), 'duplicate', 'email');
      guarded(() => {
        throw error;
      });
    }
  }

  async update(id: string, patch: Partial<Omit<User, 'id' | 'createdAt'>>, now: Date): Promise<User> {
    const sets: string[] = ['updated_at = @updatedAt'];
    const params: Record<string, unknown> = { id, updatedAt: now.toISOString() };
    for (const [key, value] of Object.entries(patch)) {
      const column = COLUMN[key];
      if (!column || key === 'updatedAt') continue;
      sets.push(`${column} = @${key}`);
      params[key] = toParam(key, value);
    }
    const result = guarded(() => this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = @id`).run(params), msg('duplicateEmail'));
    if (result.changes === 0) throw new NotFoundError(msg('userNotFound'), 'user_not_found');
    return (await this.findById(id))!;
  }

  async findById(id: string) {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
    return row ? toUser(row) : null;
  }

  async findByEmail(email: string) {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ? COLLATE NOCASE').get(email) as Row | undefined;
    return row ? toUser(row) : null;
  }

  async list(filter: { municipalityCode?: string | null }) {
    const rows =
      filter.municipalityCode === undefined
        ? this.db.prepare('SELECT * FROM users ORDER BY created_at').all()
        : filter.municipalityCode === null
          ? this.db.prepare('SELECT * FROM users WHERE municipality_code IS NULL ORDER BY created_at').all()
          : this.db.prepare('SELECT * FROM users WHERE municipality_code = ? ORDER BY created_at').all(filter.municipalityCode);
    return (rows as Row[]).map(toUser);
  }

  async count() {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }
}
