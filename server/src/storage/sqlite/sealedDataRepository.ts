/**
 * Key rotation on the embedded store: every sealed column, walked in rowid
 * order a batch at a time. Each batch commits on its own (short write lock,
 * busy timeout shared with the server), so a run can stop anywhere and simply
 * be started again: values already under the current key are skipped.
 */
import { SEALED_HEAD_LENGTH, type DataCipher } from '../../security/dataCipher';
import { StorageUnavailableError } from '../../errors';
import type { ResealOptions, ResealReport, SealedCount, SealedDataRepository, SealedLocation } from '../types';
import { ResealTally, countValue, emptyCount } from '../resealTally';
import { guarded, type Db } from './database';

interface SealedColumn extends SealedLocation {
  /** SQL expression naming the row in reports (never the value). */
  id: string;
  /** BLOB column: values can be megabytes, so only heads are scanned and batches are small. */
  binary?: boolean;
}

/** Every column written through DataCipher (grep `cipher.seal` in this folder). TOTP secrets use another key: see auth/totp.ts. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'submissions', column: 'data_json', id: 'id' },
  { table: 'submissions', column: 'evidence_json', id: 'id' },
  { table: 'submissions', column: 'counter_json', id: 'id' },
  { table: 'counter_sessions', column: 'work_json', id: 'id' },
  { table: 'certificates', column: 'facts_json', id: 'id' },
  { table: 'decision_notices', column: 'texts_json', id: 'id' },
  { table: 'submission_revisions', column: 'data_json', id: "submission_id || '#' || revision" },
  { table: 'submission_notes', column: 'body', id: 'id' },
  { table: 'submission_messages', column: 'body', id: 'id' },
  { table: 'drafts', column: 'payload', id: 'id' },
  { table: 'webhooks', column: 'secret', id: 'id' },
  { table: 'push_targets', column: 'secret', id: 'id' },
  { table: 'files', column: 'content', id: 'id', binary: true },
];

/** Files are up to MAX_UPLOAD_MB each: a batch of them must stay well inside the server's 5 s busy timeout. */
const BINARY_BATCH = 16;

interface HeadRow {
  rid: number;
  id: string;
  /** The whole value (text columns) or its first bytes (binary columns). */
  head: Buffer | string;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SqliteSealedDataRepository implements SealedDataRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  private headExpr(c: SealedColumn): string {
    return c.binary ? `substr(${c.column}, 1, ${SEALED_HEAD_LENGTH})` : c.column;
  }

  /** One batch of rows after `afterRowid`, in rowid order. */
  private batch(c: SealedColumn, afterRowid: number, size: number): HeadRow[] {
    return this.db
      .prepare(`SELECT rowid AS rid, ${c.id} AS id, ${this.headExpr(c)} AS head FROM ${c.table} WHERE rowid > ? AND ${c.column} IS NOT NULL ORDER BY rowid LIMIT ?`)
      .all(afterRowid, size) as HeadRow[];
  }

  async countByKey(): Promise<SealedCount[]> {
    return SEALED_COLUMNS.map((c) => {
      const count = emptyCount({ table: c.table, column: c.column });
      const rows = this.db.prepare(`SELECT substr(${c.column}, 1, ${SEALED_HEAD_LENGTH}) AS head FROM ${c.table} WHERE ${c.column} IS NOT NULL`).iterate();
      for (const row of rows as Iterable<{ head: Buffer | string }>) countValue(count, row.head);
      return count;
    });
  }

  async resealAll(options: ResealOptions = {}): Promise<ResealReport> {
    const tally = new ResealTally(this.cipher);
    const batchSize = Math.max(1, options.batchSize ?? 200);
    // Freed space is zeroed while re-sealing, so the old ciphertext does not linger in the file.
    const secureDelete = this.db.pragma('secure_delete', { simple: true }) as number;
    this.db.pragma('secure_delete = ON');
    try {
      for (const c of SEALED_COLUMNS) {
        const table = tally.start({ table: c.table, column: c.column });
        const update = `UPDATE ${c.table} SET ${c.column} = ? WHERE rowid = ? AND ${c.column} = ?`;
        for (let after = Number.MIN_SAFE_INTEGER; ;) {
          const rows = this.batch(c, after, c.binary ? Math.min(batchSize, BINARY_BATCH) : batchSize);
          if (rows.length === 0) break;
          after = rows.at(-1)!.rid;
          table.scanned += rows.length;
          const writes: Array<{ rid: number; previous: Buffer | string; next: Buffer | string }> = [];
          for (const row of rows) {
            if (!tally.needsReseal(row.head)) continue;
            const previous = c.binary ? this.fullValue(c, row.rid) : row.head;
            if (previous === undefined) continue; // deleted since the batch was read
            const next = tally.reseal(table, row.id, previous);
            if (next !== null) writes.push({ rid: row.rid, previous, next });
          }
          // Compare-and-set: a value the server rewrote meanwhile (under the current key) is left as it is.
          guarded(() =>
            this.db
              .transaction(() => {
                for (const w of writes) {
                  if (this.db.prepare(update).run(w.next, w.rid, w.previous).changes === 1) tally.resealed(table, w.previous);
                  else table.changedMeanwhile++;
                }
              })
              .immediate(),
          );
          options.onProgress?.({ table: c.table, column: c.column, scanned: table.scanned, resealed: table.resealed, failed: table.failed });
          await nextTick(); // let a server sharing this process answer requests between batches
        }
      }
    } finally {
      this.db.pragma(`secure_delete = ${secureDelete}`);
    }
    return tally.report();
  }

  private fullValue(c: SealedColumn, rid: number): Buffer | string | undefined {
    return (this.db.prepare(`SELECT ${c.column} AS v FROM ${c.table} WHERE rowid = ?`).get(rid) as { v: Buffer | string } | undefined)?.v;
  }

  async compact(): Promise<boolean> {
    // Rows updated before secure_delete was on leave old copies in free pages: VACUUM rewrites the file from live rows only.
    guarded(() => this.db.exec('VACUUM'));
    // The WAL may still hold page images from before the rotation: checkpoint everything and truncate it.
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (result?.busy) throw new StorageUnavailableError('the write-ahead log could not be truncated (busy): run again when the server is quieter');
    return true;
  }
}
