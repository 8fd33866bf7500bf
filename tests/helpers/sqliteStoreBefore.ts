/** A SQLite store as an earlier build left it, for the tests of a migration that must carry its data over. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { MIGRATIONS } from '../../server/src/storage/sqlite/migrations';

/** Opens a new store in `dirPath` with every migration before the one whose SQL contains `marker`, and only those. */
export function sqliteStoreBefore(dirPath: string, marker: string): Database.Database {
  const before = MIGRATIONS.findIndex((m) => m.includes(marker));
  if (before <= 0) throw new Error(`no migration after the first contains ${marker}`);
  const db = new Database(join(dirPath, 'madoguchi.sqlite'));
  for (const m of MIGRATIONS.slice(0, before)) db.exec(m);
  db.pragma(`user_version = ${before}`);
  return db;
}
