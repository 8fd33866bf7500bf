/**
 * The WAL checkpointer copies the WAL into the database file on its own thread:
 * the connection's automatic checkpoint is off while it runs, commits held for
 * a checkpoint still commit once it is done, and when its thread dies the
 * connection checkpoints by itself again.
 */
import { openDatabase, type Db } from '../../server/src/storage/sqlite/database';
import { GroupCommitter } from '../../server/src/storage/sqlite/groupCommit';
import { WalCheckpointer } from '../../server/src/storage/sqlite/walCheckpointer';
import { makeTempDir } from '../helpers/tempDir';

const until = async (condition: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('WalCheckpointer', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let committer: GroupCommitter;

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(dir.path);
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)');
    committer = new GroupCommitter(db);
  });
  afterEach(() => {
    committer.close();
    if (db.open) db.close();
    dir.remove();
  });

  const write = (k: string) => committer.run(() => db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run(k, 'x'.repeat(2000)).changes);
  /** Frames in the WAL not yet copied into the database file, asked without copying any. */
  const uncopied = () => {
    const [r] = db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
    return r!.log - r!.checkpointed;
  };

  it('turns the automatic checkpoint off and copies the WAL on its thread after some commits', async () => {
    const warnings: string[] = [];
    const checkpointer = new WalCheckpointer(db, committer, (m) => warnings.push(m));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    for (let i = 0; i < 40; i++) await write(`k${i}`); // 40 shared commits: one checkpoint after the 32nd
    await until(() => uncopied() < 40);
    await checkpointer.stop();
    expect(warnings).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 40 });
  });

  it('commits held for a checkpoint once it is done', async () => {
    const checkpointer = new WalCheckpointer(db, committer);
    committer.hold();
    let done = false;
    const pending = write('held').then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    committer.release();
    await pending;
    expect(db.prepare('SELECT k FROM t').all()).toEqual([{ k: 'held' }]);
    await checkpointer.stop();
  });

  it('hands checkpointing back to the connection when its thread dies', async () => {
    const warnings: string[] = [];
    const checkpointer = new WalCheckpointer(db, committer, (m) => warnings.push(m));
    await (checkpointer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await until(() => warnings.length > 0);
    expect(warnings[0]).toMatch(/checkpoints by itself again/);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await write('after');
    expect(db.prepare('SELECT k FROM t').all()).toEqual([{ k: 'after' }]);
  });
});
