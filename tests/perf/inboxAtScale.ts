/**
 * The inbox at a million submissions (SQLite): builds the table directly
 * (one large municipality with ~40k rows among 1,700), then times the
 * repository's list, count and search queries and prints their plans.
 * Not part of `npm test` (it takes a minute):
 *   npx tsx --conditions=madoguchi-source tests/perf/inboxAtScale.ts [rows]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/src/storage/sqlite/database';
import { SqliteInboxRepository } from '../../server/src/storage/sqlite/inboxRepository';
import { DataCipher } from '../../server/src/security/dataCipher';
import type { InboxQuery } from '../../server/src/storage/types';
import { makeTempDir } from '../helpers/tempDir';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const BIG = '082015';
const STATUSES = ['received', 'in-review', 'correction-requested', 'resubmitted', 'accepted', 'completed', 'completed', 'completed', 'rejected', 'withdrawn'];
const FAMILY = [
  ['水戸', 'ミト'],
  ['山田', 'ヤマダ'],
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['渡辺', 'ワタナベ'],
  ['伊藤', 'イトウ'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
];
const GIVEN = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['一郎', 'イチロウ'],
  ['和子', 'カズコ'],
  ['翔', 'ショウ'],
  ['葵', 'アオイ'],
];
const PROCEDURES = ['risai-shomeisho', 'jidou-teate-nintei', 'kaigo-nintei-shinki', 'ninshin-todoke', 'hoiku-riyo-moshikomi'];

async function main() {
  const dir = makeTempDir('madoguchi-perf-');
  const cipher = new DataCipher([randomBytes(32)]);
  const db = openDatabase(dir.path);
  // Bulk load only: the real store keeps synchronous = FULL.
  db.pragma('synchronous = OFF');
  db.pragma('journal_mode = MEMORY');
  const sealed = cipher.sealJson({ note: 'same sealed answers for every row; only the index columns matter here' });
  const insert = db.prepare(`INSERT INTO submissions (id, receipt_number, secret_hash, municipality_code, procedure_owner, procedure_id, form_version, data_json, attachments_json,
    status, history_json, assignee_id, language, created_at, updated_at, applicant_name, applicant_kana, change_seq)
    VALUES (?, ?, 'x', ?, 'preset', ?, 1, ?, '{}', ?, '[]', ?, 'ja', ?, ?, ?, ?, ?)`);
  const started = performance.now();
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const muni = i % 25 === 0 ? BIG : String(100000 + (i % 1700) * 7).padStart(6, '0');
      // A cheap hash, so the large municipality's rows get every name, status and assignee too.
      const h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
      const [fn, fk] = FAMILY[h % FAMILY.length]!;
      const [gn, gk] = GIVEN[(h >>> 8) % GIVEN.length]!;
      const at = new Date(t0 + i * 30_000).toISOString();
      insert.run(
        randomUUID(),
        `R${i.toString(36).toUpperCase().padStart(11, '0')}`,
        muni,
        PROCEDURES[i % PROCEDURES.length],
        sealed,
        STATUSES[(h >>> 4) % STATUSES.length],
        (h >>> 12) % 3 === 0 ? `u${(h >>> 16) % 20}` : null,
        at,
        at,
        `${fn}${gn}`,
        `${fk}${gk}`,
        i + 1,
      );
    }
  })();
  db.prepare("UPDATE counters SET value = ? WHERE name = 'submission_change'").run(ROWS);
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
  console.log(`built ${ROWS} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The store keeps a page while the municipality's inbox version stands still: the version moves before each query
  // (as an arriving application moves it), on the queries' own connection (a write through another would also empty
  // its page cache), so every one runs.
  const raw = openDatabase(dir.path);
  const inbox = new SqliteInboxRepository(raw, cipher);
  const moveVersion = raw.prepare('INSERT INTO inbox_versions (municipality_code, value) VALUES (?, 1) ON CONFLICT (municipality_code) DO UPDATE SET value = value + 1');
  const time = async (label: string, fn: () => Promise<unknown>, n = 200) => {
    await fn();
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      moveVersion.run(BIG);
      const s = performance.now();
      await fn();
      samples.push(performance.now() - s);
    }
    samples.sort((a, b) => a - b);
    const rows = await fn();
    const count = Array.isArray(rows) ? rows.length : ((rows as { items?: unknown[] }).items?.length ?? '-');
    console.log(`${label.padEnd(44)} rows ${String(count).padStart(3)}  p50 ${samples[Math.floor(n / 2)]!.toFixed(2)} ms  p99 ${samples[Math.floor(n * 0.99)]!.toFixed(2)} ms`);
  };
  const q = (extra: Partial<InboxQuery>): InboxQuery => ({ municipalityCode: BIG, limit: 50, ...extra });
  const first = await inbox.list(q({}));
  const deep = await (async () => {
    let page = first;
    for (let i = 0; i < 200 && page.next; i++) page = await inbox.list(q({ after: page.next }));
    return page.next!;
  })();
  await time('newest 50, large municipality', () => inbox.list(q({})));
  await time('page 200 (keyset), large municipality', () => inbox.list(q({ after: deep })));
  await time('open statuses (4), newest 50', () => inbox.list(q({ status: ['received', 'in-review', 'correction-requested', 'resubmitted'] })));
  await time('status received, newest 50', () => inbox.list(q({ status: ['received'] })));
  await time('procedure + status, newest 50', () => inbox.list(q({ procedureId: 'risai-shomeisho', status: ['received'] })));
  await time('assignee u3, newest 50', () => inbox.list(q({ assigneeId: 'u3' })));
  await time('unassigned, newest 50', () => inbox.list(q({ assigneeId: null })));
  await time('received window (one week)', () => inbox.list(q({ receivedFrom: '2025-03-01T00:00:00Z', receivedTo: '2025-03-08T00:00:00Z' })));
  await time('kana prefix ヤマダ, newest 50', () => inbox.list(q({ kanaPrefix: 'ヤマダ' })));
  await time('kana prefix ヤマダハ, newest 50', () => inbox.list(q({ kanaPrefix: 'ヤマダハ' })));
  await time('name prefix 水戸太, newest 50', () => inbox.list(q({ namePrefix: '水戸太' })));
  await time('receipt number', () => inbox.list(q({ receiptNumber: `R${(500_000).toString(36).toUpperCase().padStart(11, '0')}` })));
  await time('updated-desc, newest 50', () => inbox.list(q({ sort: 'updated-desc' })));
  await time('count per status, large municipality', () => inbox.countByStatus(BIG), 50);
  await time('pull: 100 changes after seq 500000', () => inbox.changes({ municipalityCode: BIG, afterSeq: 500_000, limit: 100 }));
  raw.close();
  dir.remove();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
