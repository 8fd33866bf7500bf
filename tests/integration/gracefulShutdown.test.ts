/**
 * Graceful shutdown of the built server: SIGTERM arrives while submissions are
 * in flight, some of them with half their body still to come. Every request the
 * server had started must get its full 201, connections made afterwards are
 * refused or get 503, the process exits 0, and after a restart every
 * acknowledged submission is there.
 *
 * "In flight" is made certain, not timed: the slow requests send
 * `Expect: 100-continue`, and Node answers 100 only as it hands the request to
 * the application, so after the 100 the server owns the request.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { EXAMPLE, INTAKE_PATH, lookup, serverEnv, stop, storedKeys, submit } from '../helpers/faultClient';

interface SlowRequest {
  key: string;
  /** Resolves once the server has the request (100 Continue) and half the body. */
  started: Promise<void>;
  /** Sends the rest of the body. */
  finish: () => void;
  answer: Promise<SlowAnswer>;
}

interface SlowAnswer {
  status: number;
  /** The Connection header: `close` once draining, so no kept-alive socket keeps the server up. */
  connection: string | undefined;
  body: { receiptNumber?: string; secret?: string };
}

/** Kept-alive connections, as a reverse proxy keeps them to its upstream. */
function slowSubmission(port: number, agent: Agent): SlowRequest {
  const key = `drain-${randomBytes(8).toString('hex')}`;
  const body = Buffer.from(JSON.stringify({ data: EXAMPLE }));
  const half = Math.floor(body.length / 2);
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: INTAKE_PATH,
    agent,
    headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, 'Idempotency-Key': key, Expect: '100-continue' },
  });
  const started = new Promise<void>((resolve, reject) => {
    req.once('continue', () => req.write(body.subarray(0, half), () => resolve()));
    req.once('error', reject);
  });
  const answer = new Promise<SlowAnswer>((resolve, reject) => {
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
      res.on('error', reject);
    });
    req.once('error', reject);
  });
  return { key, started, finish: () => req.end(body.subarray(half)), answer };
}

/** A request after SIGTERM: refused at connect, or a 503. */
async function lateRequest(port: number): Promise<'refused' | number> {
  try {
    return (await submit(port, `late-${randomBytes(8).toString('hex')}`)).status;
  } catch {
    return 'refused';
  }
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!condition()) throw new Error('timed out waiting for the server');
}

describe('graceful shutdown', () => {
  it('finishes the requests in flight on SIGTERM, refuses new ones, exits 0 and keeps every 201', async () => {
    const dir = makeTempDir();
    const env = serverEnv(dir.path);
    let server: ServerProcess | undefined;
    const agent = new Agent({ keepAlive: true });
    try {
      server = await startServerProcess(env);
      const port = server.port;
      const slow = Array.from({ length: 10 }, () => slowSubmission(port, agent));
      await Promise.all(slow.map((s) => s.started));
      // Twenty ordinary submissions race the signal: each ends as 201, 503 or a refused connection.
      const fastKeys = Array.from({ length: 20 }, () => `drain-${randomBytes(8).toString('hex')}`);
      const fast = fastKeys.map((key) =>
        submit(port, key).then(
          (a) => ({ key, answer: a }),
          () => ({ key, answer: undefined }),
        ),
      );

      server.child.kill('SIGTERM');
      await waitFor(() => server!.output().includes('"msg":"shutting down"'));
      const late = await lateRequest(port);
      expect(late === 'refused' || late === 503).toBe(true);
      await new Promise((r) => setTimeout(r, 300)); // the rest of each body arrives after the signal
      for (const s of slow) s.finish();

      const slowAnswers = await Promise.all(slow.map((s) => s.answer));
      for (const a of slowAnswers) {
        expect(a.status).toBe(201);
        expect(a.connection).toBe('close');
        expect(a.body.receiptNumber).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      }
      const fastAnswers = await Promise.all(fast);
      for (const { answer } of fastAnswers) if (answer) expect([201, 503]).toContain(answer.status);
      let deadline: NodeJS.Timeout | undefined;
      const exitCode = await Promise.race([server.exited, new Promise((r) => (deadline = setTimeout(() => r('still running'), 60_000)))]);
      clearTimeout(deadline);
      expect(exitCode).toBe(0);
      expect(server.output()).toMatch(/"requestsInFlight":(\d{2,}|[1-9])/);
      expect(server.output()).not.toMatch(/"statusCode":500/);

      server = await startServerProcess(env);
      const acked = [...slow.map((s, i) => ({ key: s.key, ...slowAnswers[i]!.body })), ...fastAnswers.filter((f) => f.answer?.status === 201).map((f) => ({ key: f.key, ...f.answer!.body }))];
      for (const ack of acked) expect(await lookup(server.port, ack.receiptNumber!, ack.secret!)).toBe(200);
      // A request that got no 201 is retried, as a browser would: stored once either way.
      for (const { key, answer } of fastAnswers) if (answer?.status !== 201) expect((await submit(server.port, key)).status).toBe(201);
      expect(await stop(server)).toBe(0);
      server = undefined;
      const stored = storedKeys(dir.path);
      for (const key of [...slow.map((s) => s.key), ...fastKeys]) expect(stored.get(key)).toBe(1);
    } finally {
      agent.destroy();
      if (server && server.child.exitCode === null) await stop(server);
      dir.remove();
    }
  }, 180_000);
});
