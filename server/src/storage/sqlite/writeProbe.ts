/**
 * The write probe behind /health. A read succeeds on a full disk and beside
 * another connection's write lock, so a load balancer would keep sending
 * submissions that can only get 503. The probe takes the write lock and
 * commits real WAL frames: a scratch row is inserted and deleted (an UPDATE to
 * the same value writes nothing). Its value is a blob of HEADROOM_BYTES, well
 * above one submission's commit (~100 KB of WAL: the row, its indexes, outbox
 * and audit), so a disk with room for a small write but not for a submission
 * is reported full, not healthy. No fsync, and the freed pages are reused.
 */
import { guarded, type Db } from './database';

const PROBE_ROW = 'health-probe';
const HEADROOM_BYTES = 256 * 1024;

export function probeWrite(db: Db): void {
  guarded(() => {
    // No fsync: the probe only asks whether the WAL can grow and the lock can be taken.
    db.pragma('synchronous = NORMAL');
    try {
      db.transaction(() => {
        // counters.value is INTEGER, but SQLite keeps a blob as a blob; the row never outlives the transaction.
        db.prepare('INSERT OR REPLACE INTO counters (name, value) VALUES (?, zeroblob(?))').run(PROBE_ROW, HEADROOM_BYTES);
        db.prepare('DELETE FROM counters WHERE name = ?').run(PROBE_ROW);
      }).immediate();
    } finally {
      db.pragma('synchronous = FULL');
    }
  });
}
