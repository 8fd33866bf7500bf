/**
 * Group commit for the embedded store. Every acknowledged write must be on
 * disk, and an fsync costs ~10 ms here, so one transaction per request caps
 * intake near 100/s. Writes queued in the same turn of the event loop share
 * one transaction instead; each runs in its own savepoint, so one failing
 * write (a duplicate key, say) never undoes the others.
 *
 * The shared transaction commits with synchronous=NORMAL (SQLite writes the
 * WAL frames but skips its fsync) and the committer then fsyncs the WAL file
 * itself on libuv's thread pool. A promise resolves only after that fsync: the
 * guarantee of synchronous=FULL ("the WAL is synced after each commit"), but
 * the event loop parses and validates the next requests while the disk works.
 * Other writes on the connection keep synchronous=FULL.
 */
import { closeSync, fsync, openSync } from 'node:fs';
import { StorageUnavailableError } from '../../errors';
import type { Db } from './database';

interface Pending {
  fn: () => unknown;
  /** False: resolve at commit, without waiting for the fsync (audit events of reads). */
  durable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** How the committer makes the WAL durable; tests replace it to control timing and failures. */
export type SyncFile = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

export class GroupCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private walFd: number | undefined;
  /** Commits issued and commits known durable, in order; `whenDurable` waits for the gap to close. */
  private committed = 0;
  private synced = 0;
  private waiters: Array<{ upTo: number; resolve: () => void; reject: (error: unknown) => void }> = [];
  /**
   * Set when an fsync failed. After a failed fsync the kernel may have dropped the
   * dirty pages, so a later successful fsync proves nothing about them: like
   * PostgreSQL, the store stops acknowledging writes until it is restarted.
   */
  private failure: StorageUnavailableError | undefined;

  /**
   * Runs one write as a SAVEPOINT of the shared transaction (a nested better-sqlite3 transaction), rolled back
   * alone on error. Made once: building a transaction function per write showed in the intake profile.
   */
  private readonly inSavepoint: (fn: () => unknown) => unknown;

  /** Commits wait while held (walCheckpointer.ts: the WAL is copied to its end so it can restart); requests go on queueing. */
  private held = false;

  /** Called after each shared commit, before its fsync (walCheckpointer.ts counts them). */
  afterCommit: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly syncFile: SyncFile = fsync,
  ) {
    this.inSavepoint = db.transaction((fn: () => unknown) => fn());
  }

  /**
   * Runs `fn` inside the next shared transaction; resolves with its result once
   * committed and on disk, or, with `durable: false`, once committed.
   */
  run<T>(fn: () => T, options: { durable?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, durable: options.durable !== false, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Resolves once everything committed so far is on disk. Readers that hand a
   * stored row back as an acknowledgement (an idempotent replay) wait for it.
   */
  whenDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.synced >= this.committed) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: this.committed, resolve, reject }));
  }

  /** Why writes are refused until a restart (an fsync failed), if they are. */
  get failed(): StorageUnavailableError | undefined {
    return this.failure;
  }

  /** Holds commits until `release` (writes keep queueing and commit together then). */
  hold(): void {
    this.held = true;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Closes the WAL handle; the database connection is closed by its owner. */
  close(): void {
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
  }

  private flush(): void {
    this.scheduled = false;
    if (this.held) return; // `release` schedules the flush again
    const batch = this.queue.splice(0);
    if (!this.db.open || this.failure) {
      for (const item of batch) item.reject(this.failure ?? new Error('database closed'));
      return;
    }
    const outcomes: Outcome[] = [];
    this.db.pragma('synchronous = NORMAL');
    try {
      this.db
        .transaction(() => {
          for (const item of batch) {
            try {
              outcomes.push({ ok: true, value: this.inSavepoint(item.fn) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing in the batch was stored.
      for (const item of batch) item.reject(error);
      return;
    } finally {
      this.db.pragma('synchronous = FULL');
    }
    // Failures and writes that need not wait for the disk are answered now.
    const waiting: Array<{ item: Pending; value: unknown }> = [];
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) item.reject(outcome.error);
      else if (item.durable) waiting.push({ item, value: outcome.value });
      else item.resolve(outcome.value);
    });
    if (!outcomes.some((o) => o.ok)) return; // nothing was written
    this.afterCommit?.();
    const ticket = ++this.committed;
    this.syncWal((error) => {
      if (error) {
        // Whether the batch reached the disk is unknown: no acknowledgement. A retry with
        // the same Idempotency-Key finds the row if it is there, or stores it.
        this.failure ??= new StorageUnavailableError(`WAL fsync failed (${error.code ?? error.message}); restart the server once the disk is fixed`, { cause: error });
        for (const { item } of waiting) item.reject(this.failure);
        for (const w of this.waiters.splice(0)) w.reject(this.failure);
        return;
      }
      this.markSynced(ticket);
      for (const { item, value } of waiting) item.resolve(value);
    });
  }

  private syncWal(done: (error: NodeJS.ErrnoException | null) => void): void {
    try {
      // The WAL file keeps its inode while this connection is open (it is reset, never
      // replaced), so one read handle suffices; fsync flushes the inode, not the handle.
      this.walFd ??= openSync(`${this.db.name}-wal`, 'r');
    } catch (error) {
      done(error as NodeJS.ErrnoException);
      return;
    }
    this.syncFile(this.walFd, done);
  }

  private markSynced(ticket: number): void {
    // fsyncs may finish out of order; a later one covers every earlier commit too.
    this.synced = Math.max(this.synced, ticket);
    const ready = this.waiters.filter((w) => w.upTo <= this.synced);
    this.waiters = this.waiters.filter((w) => w.upTo > this.synced);
    for (const w of ready) w.resolve();
  }
}

const committers = new WeakMap<Db, GroupCommitter>();

/** The one committer of a database connection. */
export function groupCommitter(db: Db): GroupCommitter {
  let committer = committers.get(db);
  if (!committer) {
    committer = new GroupCommitter(db);
    committers.set(db, committer);
  }
  return committer;
}
