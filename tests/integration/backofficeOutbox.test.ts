/**
 * Nothing is lost between commit and delivery: the built server acknowledges
 * a submission (its outbox event committed with it) and is killed with
 * SIGKILL before the dispatcher runs; restarted on the same data directory,
 * it delivers the event to the webhook, signed.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteStorage } from '../../server/src/storage/sqlite';
import { DataCipher } from '../../server/src/security/dataCipher';
import { verifySignature } from '../../server/src/modules/backoffice/webhookSignature';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess } from '../helpers/serverProcess';

const example = JSON.parse(readFileSync(join(__dirname, '../../presets/procedures/risai-shomeisho/examples/valid.json'), 'utf8'));

describe('outbox across a crash', () => {
  const dir = makeTempDir();
  const dataKey = randomBytes(32);
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => (received.push({ headers: req.headers, body }), res.writeHead(204).end()));
  });
  const env = (pollMs: string) => ({
    DATA_DIR: dir.path,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SECRET_KEY: randomBytes(32).toString('base64'),
    DATA_ENCRYPTION_KEY: dataKey.toString('base64'),
    WEBHOOK_ALLOW_HTTP: 'true',
    NODE_ENV: 'test',
    WEBHOOK_TEST_ALLOW_LOOPBACK: 'true',
    OUTBOX_POLL_MS: pollMs,
    // The killed process's lease on the dispatcher must run out before the restarted one takes over.
    JOB_LEASE_SECONDS: '3',
  });

  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
    dir.remove();
  });

  it('delivers after a restart what was committed before the kill', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const setup = createSqliteStorage(dir.path, new DataCipher([dataKey]));
    const at = new Date().toISOString();
    await setup.webhooks.create({
      id: 'w1',
      municipalityCode: '082015',
      procedureId: null,
      url,
      secret: 'crash-test-secret',
      events: ['submission.received'],
      active: true,
      createdAt: at,
      createdBy: 'test',
      updatedAt: at,
    });
    await setup.close();

    // The dispatcher polls once at start, then only after a minute: the event stays in the outbox.
    const first = await startServerProcess(env('60000'));
    const res = await fetch(`http://127.0.0.1:${first.port}/api/v1/municipalities/082015/procedures/risai-shomeisho/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: example }),
    });
    expect(res.status).toBe(201);
    const { receiptNumber } = (await res.json()) as { receiptNumber: string };
    first.child.kill('SIGKILL');
    await first.exited;
    expect(received).toEqual([]);

    const look = createSqliteStorage(dir.path, new DataCipher([dataKey]));
    expect((await look.outbox.pending(10)).map((e) => e.receiptNumber)).toEqual([receiptNumber]);
    await look.close();

    const second = await startServerProcess(env('100'));
    try {
      for (let i = 0; i < 300 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(received).toHaveLength(1);
      const envelope = JSON.parse(received[0]!.body);
      expect(envelope).toMatchObject({ type: 'submission.received', municipalityCode: '082015', data: { receiptNumber } });
      const header = received[0]!.headers['madoguchi-signature'] as string;
      expect(verifySignature('crash-test-secret', header, received[0]!.body, Math.floor(Date.now() / 1000))).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    const after = createSqliteStorage(dir.path, new DataCipher([dataKey]));
    expect(await after.outbox.pending(10)).toEqual([]);
    expect((await after.deliveries.list({ municipalityCode: '082015', limit: 10 })).map((d) => [d.status, d.attempts])).toEqual([['delivered', 1]]);
    await after.close();
  }, 90_000);
});
