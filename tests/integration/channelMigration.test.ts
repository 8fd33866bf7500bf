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
