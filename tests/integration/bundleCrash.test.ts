/**
 * A bundle is stored all or none, also when the server dies: the built server
 * is killed with SIGKILL in the middle of a stream of concurrent bundles,
 * restarted, and every acknowledged bundle must be there whole; retrying every
 * request then stores none twice, and the database holds exactly two
 * applications per bundle (a half-stored bundle would leave more).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { freshExample } from '@madoguchi/presets';
import { allPresets } from '../helpers/testApp';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess } from '../helpers/serverProcess';
import { killDuringWrites, type Acknowledged as Ack } from '../helpers/killDuringWrites';

// Two procedures whose examples need no attachments (uploads are not what this test is about).
const ITEMS = ['risai-shomeisho', 'ninshin-todoke'].map((procedureId) => ({ procedureId, data: freshExample(structuredClone(allPresets().find((p) => p.procedure.id === procedureId)!.example!)) }));
const path = '/api/v1/municipalities/082015/bundles';

async function submit(port: number, key: string): Promise<Ack | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify({ items: ITEMS }) });
    if (res.status !== 201) return undefined;
    const body = (await res.json()) as { receiptNumber: string; secret: string };
    return { key, receiptNumber: body.receiptNumber, secret: body.secret };
  } catch {
    return undefined; // the connection died with the server: not acknowledged
  }
}

it('keeps every acknowledged bundle whole through SIGKILL, and stores no retried bundle twice or in part', async () => {
  const dir = makeTempDir();
  const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, LOG_LEVEL: 'warn', RATE_LIMIT_INTAKE_PER_MIN: '0', RATE_LIMIT_LOOKUP_PER_MIN: '0' };
  const { keys, acked } = await killDuringWrites(env, submit, { rounds: 2, workers: 12, keyPrefix: 'bundle-crash' });
  expect(acked.length).toBeGreaterThan(5);

  const server = await startServerProcess(env);
  try {
    for (const ack of acked) {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/bundles/${ack.receiptNumber}/status`, { headers: { 'X-Receipt-Secret': ack.secret } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(2);
    }
    const retried: Array<Ack | undefined> = [];
    for (const key of keys) retried.push(await submit(server.port, key));
    expect(retried.every(Boolean)).toBe(true);
    const receipts = new Map(retried.map((ack) => [ack!.key, ack!.receiptNumber]));
    for (const ack of acked) expect(receipts.get(ack.key)).toBe(ack.receiptNumber);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  const db = new Database(join(dir.path, 'madoguchi.sqlite'), { readonly: true });
  try {
    const bundles = (db.prepare('SELECT count(*) AS n FROM submission_bundles').get() as { n: number }).n;
    const submissions = (db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n;
    expect(bundles).toBe(keys.length);
    expect(submissions).toBe(2 * keys.length);
  } finally {
    db.close();
    dir.remove();
  }
}, 120_000);
