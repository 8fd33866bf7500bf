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

const tablesOf = (db: Database.Database): string[] => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);

/** The tables the migrations after the first `n` add (a store of schema n has none of them). */
function tablesAddedAfter(n: number): string[] {
  const early = new Database(':memory:');
  early.exec(MIGRATIONS.slice(0, n).join('\n'));
  const before = new Set(tablesOf(early));
  early.close();
  const all = new Database(':memory:');
  all.exec(MIGRATIONS.join('\n'));
  const added = tablesOf(all).filter((t) => !before.has(t));
  all.close();
  return added;
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
  for (const table of tablesAddedAfter(13)) db.exec(`DROP TABLE ${table}`);
  db.exec('DROP INDEX submissions_channel_keyset; ALTER TABLE submissions DROP COLUMN channel;');
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
