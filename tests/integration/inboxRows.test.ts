/**
 * The inbox's narrow list table in SQLite (migration 31, issue #23): the list reads its rows from a table clustered by
 * municipality and time that triggers keep. These tests hold it to the submissions table after every kind of write,
 * carry a store written before it over, and check that each filter and sort is searched through the index meant for it.
 */
import { randomBytes } from 'node:crypto';
import type { StatusChange, SubmissionStatus } from '@madoguchi/shared';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import { openDatabase } from '../../server/src/storage/sqlite/database';
import { inboxListStatement } from '../../server/src/storage/sqlite/inboxRepository';
import type { InboxQuery } from '../../server/src/storage/inboxTypes';
import type { Storage } from '../../server/src/storage/types';
import { DataCipher } from '../../server/src/security/dataCipher';
import { submission } from '../contract/fixtures';
import { sqliteStoreBefore } from '../helpers/sqliteStoreBefore';
import { makeTempDir } from '../helpers/tempDir';

const MITO = '082015';
const SAPPORO = '011002';
const now = new Date('2026-11-20T01:00:00Z');
const move = (from: SubmissionStatus, to: SubmissionStatus): StatusChange => ({ from, to, at: now.toISOString(), by: 'u1' });

/** Every row of the municipality's list equals what the submissions table says of it, and no row is missing or extra. */
async function expectListFollowsSubmissions(storage: Storage, municipalityCode: string, ids: string[]) {
  const page = await storage.inbox.list({ municipalityCode, limit: 100 });
  expect(page.items.map((m) => m.id).sort()).toEqual([...ids].sort());
  for (const item of page.items) expect(item).toEqual(await storage.inbox.getMeta(item.id));
}

it('keeps each list row equal to its submission through every kind of write', async () => {
  const dir = makeTempDir();
  const storage = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
  try {
    const [a, b, c, d] = [submission({ procedureId: 'p1' }), submission({ procedureId: 'p2' }), submission({ procedureId: 'p1' }), submission()];
    const elsewhere = submission({ municipalityCode: SAPPORO });
    for (const s of [a!, b!, c!, d!, elsewhere]) await storage.submissions.insert(s, undefined, { index: { name: '水戸 太郎', kana: 'ミト タロウ' } });
    const mito = [a!.id, b!.id, c!.id, d!.id];
    await expectListFollowsSubmissions(storage, MITO, mito);
    await expectListFollowsSubmissions(storage, SAPPORO, [elsewhere.id]);

    // A status move with a new search index (name, reading), then a closing one (closed_at, change_seq).
    await storage.submissions.changeStatus(a!.id, 'received', move('received', 'in-review'), now, { index: { name: '茨城 花子', kana: 'イバラキ ハナコ' } });
    await storage.submissions.changeStatus(d!.id, 'received', move('received', 'rejected'), now);
    await storage.submissions.assign(b!.id, 'u1', now);
    await storage.inbox.acknowledge(c!.id, 'integrator', 1, now);
    await storage.deadlines.setSubmissionDeadline(c!.id, { days: 14, unit: 'calendar', receivedOn: '2026-11-01', pausedDays: 0, dueDate: '2026-11-15' });
    await storage.inbox.refoldApplicantNames((name) => name.replace('水戸', '水户'));
    await expectListFollowsSubmissions(storage, MITO, mito);

    // The filters read the moved columns from the narrow table.
    const ids = async (q: Omit<InboxQuery, 'municipalityCode' | 'limit'>) => (await storage.inbox.list({ municipalityCode: MITO, limit: 100, ...q })).items.map((m) => m.id).sort();
    expect(await ids({ status: ['in-review'] })).toEqual([a!.id]);
    expect(await ids({ status: ['rejected'] })).toEqual([d!.id]);
    expect(await ids({ assigneeId: 'u1' })).toEqual([b!.id]);
    expect(await ids({ kanaPrefix: 'イバラキ' })).toEqual([a!.id]);
    expect(await ids({ namePrefix: '水户' })).toEqual([b!.id, c!.id, d!.id].sort());
    expect(await ids({ sort: 'due-asc' })).toEqual([c!.id]);
    expect(await ids({ receiptNumber: b!.receiptNumber })).toEqual([b!.id]);
    expect(await ids({ submissionIds: [a!.id, elsewhere.id] })).toEqual([a!.id]);
    expect(await ids({ procedureId: 'p1', status: ['received'] })).toEqual([c!.id]);

    // Retention: a stripped row stays without its name; a purged one leaves the list.
    await storage.inbox.strip(b!.id, now);
    await storage.inbox.purge(c!.id);
    await expectListFollowsSubmissions(storage, MITO, [a!.id, b!.id, d!.id]);
    expect(await ids({ namePrefix: '水户' })).toEqual([d!.id]);
    expect(await ids({ receiptNumber: c!.receiptNumber })).toEqual([]);
    await expectListFollowsSubmissions(storage, SAPPORO, [elsewhere.id]);
  } finally {
    await storage.close();
    dir.remove();
  }
});

it('carries the rows of a store written before the table over, and leaves the list indexes off the submissions table', async () => {
  const dir = makeTempDir();
  const db = sqliteStoreBefore(dir.path, 'CREATE TABLE inbox_rows');
  const insert = db.prepare(
    `INSERT INTO submissions (id, receipt_number, secret_hash, municipality_code, procedure_owner, procedure_id, form_version, data_json, attachments_json,
       status, history_json, language, created_at, updated_at, applicant_kana, assignee_id, due_date) VALUES (?, ?, 'x', ?, 'preset', 'p', 1, '{}', '{}', ?, '[]', 'ja', ?, ?, ?, ?, ?)`,
  );
  insert.run('s1', 'R1', MITO, 'received', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', 'ミト', null, null);
  insert.run('s2', 'R2', MITO, 'accepted', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z', null, 'u1', '2026-11-20');
  insert.run('s3', 'R3', SAPPORO, 'received', '2026-11-02T00:00:00.000Z', '2026-11-02T00:00:00.000Z', null, null, null);
  db.close();

  const upgraded = createSqliteStorage(dir.path, new DataCipher([randomBytes(32)]));
  try {
    await expectListFollowsSubmissions(upgraded, MITO, ['s1', 's2']);
    await expectListFollowsSubmissions(upgraded, SAPPORO, ['s3']);
    expect((await upgraded.inbox.list({ municipalityCode: MITO, limit: 10, sort: 'due-asc' })).items.map((m) => m.id)).toEqual(['s2']);
  } finally {
    await upgraded.close();
  }
  const raw = openDatabase(dir.path);
  try {
    const indexes = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'submissions' AND sql IS NOT NULL").all() as Array<{ name: string }>).map((r) => r.name);
    expect(indexes.sort()).toEqual(['submissions_changes', 'submissions_closed', 'submissions_inbox']);
  } finally {
    raw.close();
    dir.remove();
  }
});

it('searches every filter and sort of the list through the index meant for it', () => {
  const dir = makeTempDir();
  const db = openDatabase(dir.path);
  try {
    // Enough rows over three municipalities for the planner's statistics (PRAGMA optimize) to mean something.
    const insert = db.prepare(
      `INSERT INTO submissions (id, receipt_number, secret_hash, municipality_code, procedure_owner, procedure_id, form_version, data_json, attachments_json,
         status, history_json, language, created_at, updated_at, applicant_name, applicant_kana, assignee_id, due_date, channel)
       VALUES (?, ?, 'x', ?, 'preset', ?, 1, '{}', '{}', ?, '[]', 'ja', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const statuses = ['received', 'in-review', 'accepted', 'rejected'];
    db.transaction(() => {
      for (let i = 0; i < 6_000; i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        const due = i % 3 ? `2026-0${1 + (i % 9)}-10` : null;
        insert.run(
          `id${i}`,
          `R${i}`,
          [MITO, SAPPORO, '131016'][i % 3],
          `p${i % 7}`,
          statuses[i % 4],
          at,
          at,
          `名${i % 40}`,
          `カナ${i % 50}`,
          i % 5 ? `u${i % 6}` : null,
          due,
          i % 11 ? 'online' : 'counter',
        );
      }
    })();
    db.pragma('optimize');
    const cases: Array<[Omit<InboxQuery, 'municipalityCode' | 'limit'>, string]> = [
      [{}, 'USING PRIMARY KEY (municipality_code=?)'],
      [{ sort: 'received-asc' }, 'USING PRIMARY KEY (municipality_code=?)'],
      [{ receivedFrom: '2026-01-02', receivedTo: '2026-01-03' }, 'USING PRIMARY KEY (municipality_code=? AND created_at>? AND created_at<?)'],
      [{ status: ['received'] }, 'inbox_rows_status'],
      [{ procedureId: 'p1' }, 'inbox_rows_procedure'],
      [{ procedureId: 'p1', status: ['accepted'] }, 'inbox_rows_procedure'],
      [{ assigneeId: 'u1' }, 'inbox_rows_assignee'],
      [{ assigneeId: null }, 'inbox_rows_assignee'],
      [{ namePrefix: '名1' }, 'inbox_rows_name'],
      [{ kanaPrefix: 'カナ1' }, 'inbox_rows_kana'],
      [{ channel: 'counter' }, 'inbox_rows_channel'],
      [{ sort: 'due-asc' }, 'inbox_rows_due'],
      [{ sort: 'updated-desc' }, 'inbox_rows_updated'],
      [{ receiptNumber: 'R3' }, 'USING PRIMARY KEY (municipality_code=? AND created_at=?)'],
      [{ submissionIds: ['id1', 'id2'] }, 'USING PRIMARY KEY (municipality_code=? AND created_at=?)'],
    ];
    for (const [filter, expected] of cases) {
      const { sql, params } = inboxListStatement({ municipalityCode: MITO, limit: 50, ...filter });
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((p) => p.detail);
      const picking = plan.find((d) => d.startsWith('SEARCH inbox_rows '));
      expect({ filter, picking }).toEqual({ filter, picking: expect.stringContaining(expected) });
      // No step reads a whole table: only the page's own rows (the co-routine "page") are scanned.
      expect({ filter, scans: plan.filter((d) => d.startsWith('SCAN') && d !== 'SCAN page') }).toEqual({ filter, scans: [] });
    }
  } finally {
    db.close();
    dir.remove();
  }
});
