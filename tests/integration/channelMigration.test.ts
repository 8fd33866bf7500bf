/**
 * SQLite migration 14 (issue #19): a store that already held counter
 * applications (written under migration 13, before the channel column) lists
 * them as counter applications once upgraded; the others as online.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import { DataCipher } from '../../server/src/security/dataCipher';
import { makeTempDir } from '../helpers/tempDir';
import { submission } from '../contract/fixtures';
import { counterOrigin } from '../helpers/counterApplication';
import { MIGRATIONS } from '../../server/src/storage/sqlite/migrations';

const names = (db: Database.Database, type: 'table' | 'index' | 'trigger'): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'").all(type) as { name: string }[]).map((t) => t.name);
const columnsOf = (db: Database.Database, table: string): string[] => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

/**
 * What the migrations after the first `n` add: tables, indexes, and columns of the tables a store of schema n already
 * had; and the indexes a store of schema n had that later ones dropped (their SQL, to put them back).
 */
function schemaAddedAfter(n: number): { tables: string[]; indexes: string[]; triggers: string[]; columns: Array<[string, string]>; droppedIndexes: string[] } {
  const early = new Database(':memory:');
  early.exec(MIGRATIONS.slice(0, n).join('\n'));
  const all = new Database(':memory:');
  all.exec(MIGRATIONS.join('\n'));
  const earlyTables = new Set(names(early, 'table'));
  const earlyIndexes = new Set(names(early, 'index'));
  const tables = names(all, 'table').filter((t) => !earlyTables.has(t));
  const indexes = names(all, 'index').filter((i) => !earlyIndexes.has(i));
  const laterIndexes = new Set(names(all, 'index'));
  const droppedIndexes = (early.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[])
    .filter((i) => !laterIndexes.has(i.name))
    .map((i) => i.sql);
  const earlyTriggers = new Set(names(early, 'trigger'));
  const triggers = names(all, 'trigger').filter((t) => !earlyTriggers.has(t));
  const columns = [...earlyTables].flatMap((t) =>
    columnsOf(all, t)
      .filter((c) => !columnsOf(early, t).includes(c))
      .map((c): [string, string] => [t, c]),
  );
  early.close();
  all.close();
  return { tables, indexes, triggers, columns, droppedIndexes };
}

it('marks the counter applications of a store written before the channel column', async () => {
  const dir = makeTempDir();
  const cipher = new DataCipher([randomBytes(32)]);
  const atCounter = submission({ counter: counterOrigin('u1') });
  const online = submission();
  const first = createSqliteStorage(dir.path, cipher);
  await first.submissions.insert(atCounter);
  await first.submissions.insert(online);
  await first.close();

  // Back to schema 13: no channel column yet.
  const db = new Database(join(dir.path, 'madoguchi.sqlite'));
  const added = schemaAddedAfter(13);
  for (const trigger of added.triggers) db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
  for (const table of added.tables) db.exec(`DROP TABLE ${table}`);
  for (const index of added.indexes) db.exec(`DROP INDEX IF EXISTS ${index}`);
  for (const [table, column] of added.columns) db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  for (const sql of added.droppedIndexes) db.exec(sql);
  expect(added.columns).toContainEqual(['submissions', 'channel']);
  db.pragma('user_version = 13');
  db.close();

  const upgraded = createSqliteStorage(dir.path, cipher);
  try {
    expect((await upgraded.inbox.getMeta(atCounter.id))!.channel).toBe('counter');
    expect((await upgraded.inbox.getMeta(online.id))!.channel).toBe('online');
    expect((await upgraded.inbox.list({ municipalityCode: '082015', limit: 10, channel: 'counter' })).items.map((m) => m.id)).toEqual([atCounter.id]);
  } finally {
    await upgraded.close();
    dir.remove();
  }
});
