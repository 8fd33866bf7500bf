/**
 * The group committer acknowledges a write only after its own fsync of the WAL
 * has finished, and never when that fsync fails. The fsync is injected so the
 * test decides when (and whether) the disk "finishes".
 */
import { openDatabase, type Db } from '../../server/src/storage/sqlite/database';
import { GroupCommitter, type SyncFile } from '../../server/src/storage/sqlite/groupCommit';
import { StorageUnavailableError } from '../../server/src/errors';
import { makeTempDir } from '../helpers/tempDir';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommitter', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let pendingSyncs: Array<{ fd: number; done: (error: NodeJS.ErrnoException | null) => void }>;
  const heldSync: SyncFile = (fd, done) => pendingSyncs.push({ fd, done });

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(dir.path);
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    pendingSyncs = [];
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const insert = (committer: GroupCommitter, k: string) => committer.run(() => db.prepare('INSERT INTO t (k) VALUES (?)').run(k).changes);

  it('resolves only after the WAL fsync of its batch has finished', async () => {
    const committer = new GroupCommitter(db, heldSync);
    let settled = 0;
    const writes = ['a', 'b', 'c'].map((k) => insert(committer, k).then(() => settled++));
    await turn();
    await turn();
    // Committed (visible to readers) but not yet acknowledged.
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
    expect(pendingSyncs).toHaveLength(1); // one batch, one fsync
    expect(settled).toBe(0);
    pendingSyncs[0]!.done(null);
    await Promise.all(writes);
    expect(settled).toBe(3);
    committer.close();
  });

  it('restores synchronous=FULL for every other write on the connection', async () => {
    const committer = new GroupCommitter(db, (fd, done) => done(null));
    await insert(committer, 'a');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    committer.close();
  });

  it('refuses to acknowledge when the fsync fails, and every write after it until a restart', async () => {
    let fail = true;
    const committer = new GroupCommitter(db, (fd, done) => done(fail ? Object.assign(new Error('EIO'), { code: 'EIO' }) : null));
    const waiting = (async () => {
      await turn(); // queued behind the first batch's commit
      await turn();
      return committer.whenDurable();
    })();
    await expect(insert(committer, 'a')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(waiting).rejects.toBeInstanceOf(StorageUnavailableError); // a replay must not hang
    // The disk "recovers", but what the failed fsync dropped cannot be known: still refused.
    fail = false;
    await expect(insert(committer, 'b')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(committer.whenDurable()).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(committer.failed).toBeInstanceOf(StorageUnavailableError);
    committer.close();
  });

  it('rejects a failing write alone and acknowledges the rest of its batch', async () => {
    const committer = new GroupCommitter(db, (fd, done) => done(null));
    await insert(committer, 'dup');
    const results = await Promise.allSettled([insert(committer, 'x'), insert(committer, 'dup'), insert(committer, 'y')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 'dup' }, { k: 'x' }, { k: 'y' }]);
    committer.close();
  });

  it('does not fsync a batch in which nothing was written', async () => {
    const committer = new GroupCommitter(db, heldSync);
    await expect(
      committer.run(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(pendingSyncs).toHaveLength(0);
    committer.close();
  });

  it('whenDurable waits for every commit made so far', async () => {
    const committer = new GroupCommitter(db, heldSync);
    void insert(committer, 'a');
    await turn();
    await turn();
    let durable = false;
    const waiting = committer.whenDurable().then(() => (durable = true));
    await turn();
    expect(durable).toBe(false);
    pendingSyncs[0]!.done(null);
    await waiting;
    expect(durable).toBe(true);
    await expect(committer.whenDurable()).resolves.toBeUndefined(); // nothing outstanding
    committer.close();
  });

  it('syncs the real WAL file with the default fsync', async () => {
    const committer = new GroupCommitter(db);
    await expect(insert(committer, 'a')).resolves.toBe(1);
    committer.close();
  });
});
