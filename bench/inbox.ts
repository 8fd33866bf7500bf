/**
 * The inbox at scale: N generated submissions over many municipalities,
 * procedures and statuses in a real SQLite file, then the queries staff run.
 * Rows are written directly (sealed like real ones) to build the set quickly.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReceiptNumber, SUBMISSION_STATUSES } from '@madoguchi/shared';
import { openDatabase } from '../server/src/storage/sqlite/database';
import { createSqliteStorage } from '../server/src/storage/sqlite';
import { DataCipher } from '../server/src/security/dataCipher';
import { percentile, round1 } from './lib';

const PROCEDURES = ['risai-shomeisho', 'jidou-teate-nintei', 'hoiku-riyo-moshikomi', 'kaigo-nintei-shinki', 'ninshin-todoke'];
const FAMILY = ['サトウ', 'スズキ', 'タカハシ', 'タナカ', 'ワタナベ', 'イトウ', 'ヤマモト', 'ナカムラ', 'コバヤシ', 'カトウ'];

function time<T>(fn: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - t) / 1e6];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - t) / 1e6];
}

export async function benchInbox(rows: number, municipalities: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-inbox-bench-'));
  const cipher = new DataCipher([randomBytes(32)]);
  try {
    const db = openDatabase(dir);
    const insert = db.prepare(
      `INSERT INTO submissions (id, receipt_number, secret_hash, municipality_code, procedure_owner, procedure_id, form_version, data_json, attachments_json,
         status, history_json, language, created_at, updated_at, applicant_kana)
       VALUES (?, ?, ?, ?, 'preset', ?, 1, ?, '{}', ?, '[]', 'ja', ?, ?, ?)`,
    );
    const start = Date.UTC(2025, 0, 1);
    const [, buildMs] = time(() => {
      const chunk = 10_000;
      for (let done = 0; done < rows; done += chunk) {
        db.transaction(() => {
          for (let i = done; i < Math.min(rows, done + chunk); i++) {
            const at = new Date(start + i * 30_000).toISOString();
            const kana = `${FAMILY[i % FAMILY.length]} ${i}`;
            insert.run(randomUUID(), formatReceiptNumber((n) => randomInt(n)), 'x'.repeat(64), municipalities[i % municipalities.length], PROCEDURES[i % PROCEDURES.length],
              cipher.sealJson({ name: kana, n: i }), SUBMISSION_STATUSES[i % 4], at, at, kana);
          }
        })();
      }
    });
    db.pragma('optimize');
    db.close();
    const dbBytes = readdirSync(dir).filter((f) => f.startsWith('madoguchi.sqlite')).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

    const storage = createSqliteStorage(dir, cipher);
    const raw = openDatabase(dir);
    const target = municipalities[0]!;
    const listTimes: number[] = [];
    const countTimes: number[] = [];
    const receiptTimes: number[] = [];
    const kanaTimes: number[] = [];
    const receipts = (raw.prepare('SELECT receipt_number FROM submissions WHERE municipality_code = ? LIMIT 200').all(target) as Array<{ receipt_number: string }>).map((r) => r.receipt_number);
    for (let i = 0; i < 200; i++) {
      const [, t1] = await timeAsync(() => storage.submissions.list({ municipalityCode: target, procedureId: PROCEDURES[i % PROCEDURES.length], status: [SUBMISSION_STATUSES[i % 4]!], limit: 50 }));
      listTimes.push(t1);
      const [, t2] = time(() => raw.prepare('SELECT status, COUNT(*) AS n FROM submissions WHERE municipality_code = ? GROUP BY status').all(target));
      countTimes.push(t2);
      const [, t3] = await timeAsync(() => storage.submissions.findByReceiptNumber(receipts[i % receipts.length]!));
      receiptTimes.push(t3);
      const [, t4] = time(() =>
        raw.prepare("SELECT id FROM submissions WHERE municipality_code = ? AND applicant_kana >= ? AND applicant_kana < ? ORDER BY applicant_kana LIMIT 50").all(target, FAMILY[i % 10], `${FAMILY[i % 10]}\uffff`),
      );
      kanaTimes.push(t4);
    }
    raw.close();
    await storage.close();
    const stats = (xs: number[]) => ({ p50: Number(percentile(xs, 50).toFixed(2)), p99: Number(percentile(xs, 99).toFixed(2)) });
    return {
      rows,
      municipalities: municipalities.length,
      buildSeconds: round1(buildMs / 1000),
      databaseMb: round1(dbBytes / 1024 / 1024),
      listNewest50Ms: stats(listTimes),
      countByStatusMs: stats(countTimes),
      findByReceiptMs: stats(receiptTimes),
      readingPrefixMs: stats(kanaTimes),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
