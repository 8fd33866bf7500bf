/**
 * The SQLite migrations that keep what every inbox page asks for in tables of their own, kept by triggers (issue
 * #23): the desk's unread threads (29) and the counts per status (30). A store written before each has the table
 * worked out once from what it holds, and from then on the writes keep it.
 */
import { randomBytes } from 'node:crypto';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import { DataCipher } from '../../server/src/security/dataCipher';
import { sqliteStoreBefore } from '../helpers/sqliteStoreBefore';
import { makeTempDir } from '../helpers/tempDir';

const at = (minutes: number) => new Date(Date.parse('2026-11-10T00:00:00Z') + minutes * 60_000).toISOString();

it('works out the unread threads of a store written before the table, then keeps them', async () => {
  const dir = makeTempDir();
  const db = sqliteStoreBefore(dir.path, 'CREATE TABLE desk_unread_threads');
  const message = db.prepare(`INSERT INTO submission_messages (id, submission_id, municipality_code, kind, author, body, fields_json, revision, created_at) VALUES (?, ?, ?, ?, ?, 'x', '[]', 1, ?)`);
  const read = db.prepare(`INSERT INTO submission_message_reads (submission_id, side, read_at) VALUES (?, ?, ?)`);
  message.run('m1', 'unread', '082015', 'message', 'applicant', at(1)); // never read by the desk
  message.run('m2', 'read', '082015', 'message', 'applicant', at(1));
  read.run('read', 'desk', at(2)); // read after it
  message.run('m3', 'newer', '082015', 'message', 'applicant', at(5));
  read.run('newer', 'desk', at(3)); // read before the newest message
  read.run('newer', 'applicant', at(9)); // the applicant's own position does not count
  message.run('m4', 'desk-only', '082015', 'message', 'u1', at(1)); // the desk's own message
  message.run('m5', 'answer', '082015', 'correction-answer', 'applicant', at(1)); // answers count through the status
  message.run('m6', 'elsewhere', '011002', 'message', 'applicant', at(1));
  db.close();

  const upgraded = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
  try {
    expect((await upgraded.messageReads.unreadByDesk('082015')).sort()).toEqual(['newer', 'unread']);
    expect(await upgraded.messageReads.unreadByDesk('011002')).toEqual(['elsewhere']);
    await upgraded.messageReads.markRead('newer', 'desk', at(6));
    await upgraded.messageReads.markRead('read', 'desk', at(1)); // never moves back: still read
    expect(await upgraded.messageReads.unreadByDesk('082015')).toEqual(['unread']);
  } finally {
    await upgraded.close();
    dir.remove();
  }
});

it('works out the counts per status of a store written before the table, then keeps them', async () => {
  const dir = makeTempDir();
  const db = sqliteStoreBefore(dir.path, 'CREATE TABLE inbox_status_counts');
  const insert = db.prepare(
    `INSERT INTO submissions (id, receipt_number, secret_hash, municipality_code, procedure_owner, procedure_id, form_version, data_json, attachments_json,
       status, history_json, language, created_at, updated_at) VALUES (?, ?, 'x', ?, 'preset', ?, 1, '{}', '{}', ?, '[]', 'ja', ?, ?)`,
  );
  const rows: Array<[string, string, string]> = [
    ['082015', 'a', 'received'],
    ['082015', 'a', 'received'],
    ['082015', 'b', 'received'],
    ['082015', 'b', 'accepted'],
    ['011002', 'a', 'received'],
  ];
  rows.forEach(([code, procedure, status], i) => insert.run(`s${i}`, `R${i}`, code, procedure, status, at(i), at(i)));
  db.close();

  const upgraded = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
  try {
    expect(await upgraded.inbox.countByStatus('082015')).toEqual({ received: 3, accepted: 1 });
    expect(await upgraded.inbox.countByStatus('082015', ['b'])).toEqual({ received: 1, accepted: 1 });
    expect(await upgraded.inbox.countByStatus('011002')).toEqual({ received: 1 });
    await upgraded.inbox.purge('s3');
    expect(await upgraded.inbox.countByStatus('082015', ['b'])).toEqual({ received: 1 });
  } finally {
    await upgraded.close();
    dir.remove();
  }
});
