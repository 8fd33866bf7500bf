/**
 * Opens the embedded database: one file in DATA_DIR, WAL journal, FULL sync
 * (a submission answered 201 survives a power cut), migrations applied.
 */
import { ensurePrivateDir, ensurePrivateFile } from '../../security/privateFiles';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ConflictError, StorageUnavailableError, type ErrorText } from '../../errors';
import { MIGRATIONS } from './migrations';
import { msg } from '../../i18n/messages';

export type Db = Database.Database;

/** How long a write waits for another connection's lock before failing (SQLITE_BUSY → 503). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openDatabase(dataDir: string, fileName = 'madoguchi.sqlite', busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): Db {
  ensurePrivateDir(dataDir);
  ensurePrivateFile(join(dataDir, fileName)); // -wal and -shm take this file's mode
  const db = new Database(join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  migrate(db);
  cacheStatements(db);
  return db;
}

/**
 * Repositories call `db.prepare(sql)` where they need it; compiling the same
 * SQL on every request showed up as ~5% of intake CPU, so prepared statements
 * are kept per SQL text (bounded: filter combinations make a few hundred at most).
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement || statement.busy) {
      statement = prepare(sql);
      if (cache.size >= 500) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`The database was written by a newer Madoguchi (schema ${current}, this build knows ${MIGRATIONS.length}).`);
  }
  for (let i = current; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

/**
 * Codes that mean "the file cannot take this now" (disk full, I/O error, another
 * connection's lock, read-only or missing file): nothing was written, retry later (503).
 * Extended codes count too: SQLITE_IOERR_WRITE (a write past the file-size limit), SQLITE_BUSY_SNAPSHOT, …
 */
export function isSqliteUnavailable(code: string): boolean {
  return /^SQLITE_(FULL|IOERR|BUSY|READONLY|CANTOPEN)(_|$)/.test(code);
}

/** Translates SQLite errors into domain errors; anything unknown is rethrown. */
export function mapSqliteError(error: unknown, conflictMessage: ErrorText = msg('duplicate')): never {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const column = /constraint failed: (.*)$/.exec((error as Error).message)?.[1];
    throw new ConflictError(conflictMessage, 'duplicate', column);
  }
  if (isSqliteUnavailable(code)) {
    throw new StorageUnavailableError(`Database unavailable (${code})`, { cause: error });
  }
  throw error;
}

/** Runs `fn`, translating SQLite errors. */
export function guarded<T>(fn: () => T, conflictMessage?: ErrorText): T {
  try {
    return fn();
  } catch (error) {
    return mapSqliteError(error, conflictMessage);
  }
}
