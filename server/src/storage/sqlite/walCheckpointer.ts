/**
 * Checkpoints the WAL on a worker thread. SQLite's automatic checkpoint runs
 * inside the commit that passes 1,000 pages, on the committing thread: it copies
 * the pages into the database file and fsyncs it. Under intake load those
 * commits held the event loop up to 120 ms (about 9 % of the time). Here the
 * connection's automatic checkpoint is off and a thread with a connection of
 * its own runs PASSIVE checkpoints (they never take the write lock; a checkpoint
 * syncs the WAL before it copies, as SQLite's own does) after every few commits.
 *
 * The WAL restarts from its beginning at the first write after a checkpoint has
 * copied all of it. Under steady load new commits land while the thread copies,
 * so when the WAL has grown past RESET_FRAMES the committer holds its commits
 * for one more, short checkpoint of the rest (requests keep being parsed and
 * validated meanwhile; their writes commit together afterwards).
 * If the thread fails, the connection checkpoints by itself again.
 */
import { Worker } from 'node:worker_threads';
import type { Db } from './database';
import type { GroupCommitter } from './groupCommit';

/** Shared commits between checkpoints (a commit of a batch writes some tens of pages). */
const EVERY_COMMITS = 32;
/** WAL size (pages) past which commits are held briefly so that it can restart (about 16 MB). */
const RESET_FRAMES = 4000;

/** The thread: CommonJS source, so it runs the same from the build and under the test runner. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { fileMustExist: true, timeout: 1000 });
db.pragma('synchronous = FULL');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String((error && error.message) || error) });
  }
});
`;

type Result = { ok: true; busy: number; log: number; checkpointed: number } | { ok: false; error: string };

export class WalCheckpointer {
  private readonly worker: Worker;
  private commits = 0;
  /** The checkpoint running: in the background, or the short one while commits are held. */
  private running: 'background' | 'held' | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly committer: GroupCommitter,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: db.name, sqlite: require.resolve('better-sqlite3') } });
    this.worker.unref(); // never keeps a process alive
    this.worker.on('message', (result: Result) => this.finished(result));
    this.worker.on('error', (error) => this.fallBack(`WAL checkpoint thread failed: ${error.message}`));
    this.worker.on('exit', () => this.fallBack('WAL checkpoint thread stopped'));
    db.pragma('wal_autocheckpoint = 0');
    committer.afterCommit = () => this.committed();
  }

  /** Stops the thread (before the connection closes, so that the connection is the last one and removes the WAL). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.committer.afterCommit = undefined;
    this.committer.release();
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('close');
    const timer = setTimeout(() => void this.worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  private committed(): void {
    if (this.running || ++this.commits < EVERY_COMMITS) return;
    this.commits = 0;
    this.start('background');
  }

  private start(kind: 'background' | 'held'): void {
    this.running = kind;
    if (kind === 'held') this.committer.hold();
    this.worker.postMessage('checkpoint');
  }

  private finished(result: Result): void {
    const kind = this.running;
    this.running = undefined;
    if (kind === 'held') {
      this.committer.release();
      return;
    }
    if (!result.ok) {
      this.warn(`WAL checkpoint failed: ${result.error}`); // a full disk, say: the next one tries again
      return;
    }
    // Another connection's reader or checkpoint is in the way (busy): nothing to gain by holding commits now.
    if (!this.stopped && !result.busy && result.log > RESET_FRAMES) this.start('held');
  }

  private fallBack(reason: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.committer.afterCommit = undefined;
    this.committer.release();
    this.warn(`${reason}; the database connection checkpoints by itself again`);
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}
