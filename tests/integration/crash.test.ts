/**
 * Nothing acknowledged is lost, nothing is stored twice: the built server is
 * killed with SIGKILL in the middle of a stream of concurrent submissions,
 * restarted on the same data directory, and every 201 must still be there;
 * retrying every request with its Idempotency-Key then stores none twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess } from '../helpers/serverProcess';
import { killDuringWrites, type Acknowledged as Ack } from '../helpers/killDuringWrites';

const example = JSON.parse(readFileSync(join(__dirname, '../../presets/procedures/risai-shomeisho/examples/valid.json'), 'utf8'));
const path = '/api/v1/municipalities/082015/procedures/risai-shomeisho/submissions';

async function submit(port: number, key: string): Promise<Ack | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ data: example }),
    });
    if (res.status !== 201) return undefined;
    const body = (await res.json()) as { receiptNumber: string; secret: string };
    return { key, ...body };
  } catch {
    return undefined; // the connection died with the server: not acknowledged
  }
}

/** Maps with at most 16 requests in flight. */
async function inParallel<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

describe('crash safety', () => {
  it('keeps every acknowledged submission through SIGKILL, and stores no retry twice', async () => {
    const dir = makeTempDir();
    const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, LOG_LEVEL: 'info', RATE_LIMIT_INTAKE_PER_MIN: '0', RATE_LIMIT_LOOKUP_PER_MIN: '0' };
    const { keys, acked } = await killDuringWrites(env, submit, { rounds: 3, workers: 16, keyPrefix: 'crash' });
    expect(acked.length).toBeGreaterThan(20);
    console.log(`crash test: ${keys.length} attempts, ${acked.length} acknowledged before the kills`);

    const server = await startServerProcess(env);
    try {
      const statuses = await inParallel(acked, (ack) =>
        fetch(`http://127.0.0.1:${server.port}/api/v1/submissions/${ack.receiptNumber}/status`, { headers: { 'X-Receipt-Secret': ack.secret } }).then((r) => r.status),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);
      // Retry everything, as a resident's browser would after a network error.
      const retried = await inParallel(keys, (key) => submit(server.port, key));
      expect(retried.every(Boolean)).toBe(true);
      const receipts = new Map(retried.map((ack) => [ack!.key, ack!.receiptNumber]));
      for (const ack of acked) expect(receipts.get(ack.key)).toBe(ack.receiptNumber);
      expect(new Set(receipts.values()).size).toBe(keys.length);
      const health = (await (await fetch(`http://127.0.0.1:${server.port}/api/v1/health`)).json()) as { status: string };
      expect(health.status).toBe('ok');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      dir.remove();
    }
  }, 120_000);
});
