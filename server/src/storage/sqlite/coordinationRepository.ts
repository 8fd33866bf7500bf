/**
 * Rate-limit counters and job leases in the embedded store (issue #23). Several
 * processes may open the same file (cluster workers, or separate servers on one
 * DATA_DIR): every operation is one statement, run in the group commit's
 * BEGIN IMMEDIATE transaction (busy_timeout waits for another process's lock).
 * Neither needs its own fsync — a counter or lease lost in a power cut only
 * resets a window or frees a lease — so they resolve at commit, not at sync.
 */
import type { AuthVersionRepository, CounterHit, LeaseRepository, RateCounterRepository } from '../coordinationTypes';
import type { Db } from './database';
import { mapSqliteError } from './database';
import { groupCommitter } from './groupCommit';

function committed<T>(db: Db, fn: () => T): Promise<T> {
  return groupCommitter(db)
    .run(fn, { durable: false })
    .catch((error: unknown) => mapSqliteError(error));
}

export class SqliteRateCounterRepository implements RateCounterRepository {
  constructor(private readonly db: Db) {}

  hit(key: string, windowMs: number, now: Date): Promise<CounterHit> {
    const at = now.getTime();
    return committed(this.db, () => {
      // A running window counts on; an ended one starts again at 1 (values in SET are the row's old ones).
      const row = this.db
        .prepare(
          `INSERT INTO rate_counters (key, count, expires_at) VALUES (@key, 1, @at + @windowMs)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN expires_at > @at THEN count + 1 ELSE 1 END,
             expires_at = CASE WHEN expires_at > @at THEN expires_at ELSE @at + @windowMs END
           RETURNING count, expires_at`,
        )
        .get({ key, at, windowMs }) as { count: number; expires_at: number };
      return { count: row.count, resetAt: new Date(row.expires_at) };
    });
  }

  async unhit(key: string, now: Date): Promise<void> {
    await committed(this.db, () => this.db.prepare('UPDATE rate_counters SET count = count - 1 WHERE key = ? AND count > 0 AND expires_at > ?').run(key, now.getTime()));
  }

  async reset(key: string): Promise<void> {
    await committed(this.db, () => this.db.prepare('DELETE FROM rate_counters WHERE key = ?').run(key));
  }

  purgeExpired(now: Date): Promise<number> {
    return committed(this.db, () => this.db.prepare('DELETE FROM rate_counters WHERE expires_at <= ?').run(now.getTime()).changes);
  }
}

export class SqliteLeaseRepository implements LeaseRepository {
  constructor(private readonly db: Db) {}

  acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const at = now.getTime();
    return committed(this.db, () => {
      // The row changes hands only when it is ours already or has expired; otherwise RETURNING yields nothing.
      const row = this.db
        .prepare(
          `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @at + @ttlMs)
           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
           WHERE leases.holder = excluded.holder OR leases.expires_at <= @at
           RETURNING holder`,
        )
        .get({ name, holder, at, ttlMs });
      return row !== undefined;
    });
  }

  renew(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    return committed(this.db, () => this.db.prepare('UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?').run(now.getTime() + ttlMs, name, holder).changes === 1);
  }

  async release(name: string, holder: string): Promise<void> {
    if (!this.db.open) return; // shutdown: the store may close first; the lease then simply expires
    await committed(this.db, () => this.db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder));
  }

  async holder(name: string, now: Date): Promise<string | null> {
    const row = this.db.prepare('SELECT holder FROM leases WHERE name = ? AND expires_at > ?').get(name, now.getTime()) as { holder: string } | undefined;
    return row?.holder ?? null;
  }
}

/** The auth version: triggers on `users` and `auth_policies` raise it in the same transaction as the change (migration 27). */
export class SqliteAuthVersionRepository implements AuthVersionRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<number> {
    return (this.db.prepare('SELECT value FROM auth_version WHERE id = 1').get() as { value: number }).value;
  }
}
