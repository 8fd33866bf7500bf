/**
 * A locked database, for real: while the built server runs, the test opens the
 * same SQLite file and holds its write lock (as a backup tool or a stuck
 * maintenance script would). A submission must answer 503 with Retry-After
 * after the (configurable) busy timeout, reads must keep working, nothing may be
 * half-stored, and once the lock is gone the same Idempotency-Key stores once.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { health, lookup, serverEnv, stop, storedKeys, submit } from '../helpers/faultClient';

describe('locked database', () => {
  it('answers 503 while another connection holds the write lock, then stores the retry once', async () => {
    const dir = makeTempDir();
    let server: ServerProcess | undefined;
    let holder: Database.Database | undefined;
    try {
      server = await startServerProcess(serverEnv(dir.path, { SQLITE_BUSY_TIMEOUT_MS: '200' }));
      const port = server.port;
      const before = await submit(port, `lock-${randomBytes(8).toString('hex')}`);
      expect(before.status).toBe(201);

      holder = new Database(join(dir.path, 'madoguchi.sqlite'));
      holder.pragma('busy_timeout = 10000');
      holder.exec('BEGIN IMMEDIATE'); // the write lock, held until ROLLBACK

      const key = `lock-${randomBytes(8).toString('hex')}`;
      const refused = await submit(port, key);
      expect(refused.status).toBe(503);
      expect(refused.body.error?.code).toBe('storage_unavailable');
      expect(refused.body.error?.message).toContain('入力内容は送信されていません');
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      const english = await submit(port, key, { 'Accept-Language': 'en' });
      expect(english.status).toBe(503);
      expect(english.body.error?.message).toContain('Nothing was submitted');
      // Reads do not need the lock (WAL): the status page still works.
      expect(await lookup(port, before.body.receiptNumber!, before.body.secret!)).toBe(200);
      const h = await health(port);
      expect(h.status).toBe(503);
      expect(h.body).toMatchObject({ status: 'unavailable', storage: 'unavailable' });

      holder.exec('ROLLBACK');
      holder.close();
      holder = undefined;

      expect((await health(port)).status).toBe(200);
      const retried = await submit(port, key);
      expect(retried.status).toBe(201);
      expect(retried.replayed).toBe(false); // the 503 stored nothing
      const again = await submit(port, key);
      expect(again.replayed).toBe(true);
      expect(again.body.receiptNumber).toBe(retried.body.receiptNumber);
      expect(await lookup(port, retried.body.receiptNumber!, retried.body.secret!)).toBe(200);
      expect(server.output()).not.toMatch(/"statusCode":500/);

      expect(await stop(server)).toBe(0);
      server = undefined;
      const stored = storedKeys(dir.path);
      expect(stored.get(key)).toBe(1);
      expect(stored.size).toBe(2);
    } finally {
      holder?.close();
      if (server && server.child.exitCode === null) await stop(server);
      dir.remove();
    }
  }, 120_000);
});
