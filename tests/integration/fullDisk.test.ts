/**
 * A full disk, for real: the built server runs under a file-size limit
 * (RLIMIT_FSIZE) just above its database, so SQLite's WAL writes fail with
 * EFBIG as they would on a full disk. Every submission must get 201 or 503
 * (never 500, never a hang), the 503 must say in Japanese that nothing was
 * submitted, health must report the store unavailable, and after a restart
 * without the limit every 201 is there and every 503'd request, retried with its
 * Idempotency-Key, is stored exactly once.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { health, lookup, serverEnv, stop, storedKeys, submit, type Answer } from '../helpers/faultClient';

/** Room for a few submissions (each writes ~100 KB of WAL) beyond what start-up needs. */
const MARGIN_BYTES = 1024 * 1024;

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

describe('full disk', () => {
  it('answers 503 (never 500), keeps every 201, and a retry stores once', async () => {
    const dir = makeTempDir();
    const env = serverEnv(dir.path);
    let server: ServerProcess | undefined;
    try {
      // A normal first start creates the database and publishes the presets; a clean stop checkpoints the WAL.
      server = await startServerProcess(env);
      expect(await stop(server)).toBe(0);
      const db = join(dir.path, 'madoguchi.sqlite');
      const limit = Math.max(fileSize(db), fileSize(`${db}-wal`)) + MARGIN_BYTES;

      server = await startServerProcess(env, { fileSizeLimitBytes: limit });
      const port = server.port;
      const acked: { key: string; receiptNumber: string; secret: string }[] = [];
      const refused: { key: string; answer: Answer }[] = [];
      const unexpected: Answer[] = [];
      const record = (key: string, answer: Answer) => {
        if (answer.status === 201) acked.push({ key, receiptNumber: answer.body.receiptNumber!, secret: answer.body.secret! });
        else if (answer.status === 503) refused.push({ key, answer });
        else unexpected.push(answer);
      };
      // Four submitting at once, so group commits of several requests fail together too.
      let attempts = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (refused.length < 8 && attempts < 3000) {
            attempts++;
            const key = `disk-${randomBytes(8).toString('hex')}`;
            const answer = await submit(port, key);
            record(key, answer);
          }
        }),
      );
      // Then one at a time until two in a row fail: now not even a single submission fits.
      for (let inARow = 0, i = 0; inARow < 2 && i < 200; i++) {
        const key = `disk-${randomBytes(8).toString('hex')}`;
        const answer = await submit(port, key);
        inARow = answer.status === 503 ? inARow + 1 : 0;
        record(key, answer);
      }
      console.log(`full disk: limit ${limit} bytes, ${acked.length} acknowledged, ${refused.length} refused`);
      expect(unexpected).toEqual([]);
      expect(acked.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThanOrEqual(8);
      for (const { answer } of refused) {
        expect(answer.body.error?.code).toBe('storage_unavailable');
        expect(answer.body.error?.message).toContain('入力内容は送信されていません');
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      }
      const english = await submit(port, `disk-${randomBytes(8).toString('hex')}`, { 'Accept-Language': 'en' });
      expect(english.status).toBe(503);
      expect(english.body.error?.message).toContain('Nothing was submitted');

      // A load balancer asks health: the instance must say it cannot take submissions.
      const h = await health(port);
      expect(h.status).toBe(503);
      expect(h.body).toMatchObject({ status: 'unavailable', storage: 'unavailable' });
      expect(Number(h.retryAfter)).toBeGreaterThan(0);
      // Reads still work: a resident can look up what was acknowledged.
      expect(await lookup(port, acked[0]!.receiptNumber, acked[0]!.secret)).toBe(200);
      expect(server.child.exitCode).toBeNull();
      expect(server.output()).not.toMatch(/"statusCode":500|"status":500/);
      await stop(server);

      // The disk has room again.
      server = await startServerProcess(env);
      for (const ack of acked) expect(await lookup(server.port, ack.receiptNumber, ack.secret)).toBe(200);
      expect((await health(server.port)).status).toBe(200);
      for (const { key } of refused) {
        const first = await submit(server.port, key);
        expect(first.status).toBe(201);
        expect(first.replayed).toBe(false); // the 503 stored nothing
        const again = await submit(server.port, key);
        expect(again.status).toBe(201);
        expect(again.replayed).toBe(true);
        expect(again.body.receiptNumber).toBe(first.body.receiptNumber);
      }
      expect(await stop(server)).toBe(0);
      server = undefined;
      const stored = storedKeys(dir.path);
      for (const { key } of [...acked, ...refused]) expect(stored.get(key)).toBe(1);
      expect(stored.size).toBe(acked.length + refused.length);
    } finally {
      if (server && server.child.exitCode === null) await stop(server);
      dir.remove();
    }
  }, 240_000);
});
