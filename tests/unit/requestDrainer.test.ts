/**
 * The drainer behind graceful shutdown, in process: a request arriving once
 * draining has begun gets 503 + Retry-After + Connection: close in the caller's
 * language, and a request that does not finish within the grace period is cut
 * off so the process can still stop (drain resolves false → exit code 1).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RequestDrainer } from '../../server/src/http/gracefulShutdown';

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

describe('RequestDrainer', () => {
  it('refuses requests that arrive while draining, in Japanese or English', async () => {
    const drainer = new RequestDrainer();
    const app: RequestListener = (_req, res) => res.end('ok');
    const draining = createServer(drainer.handler(app));
    // A second server on the same drainer stands in for a kept-alive connection whose next request comes late.
    const late = createServer(drainer.handler(app));
    await listen(draining);
    const port = await listen(late);
    try {
      expect(await drainer.drain(draining, 10_000)).toBe(true);
      const ja = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      expect(ja.status).toBe(503);
      expect(ja.headers.get('retry-after')).toBe('5');
      expect(ja.headers.get('connection')).toBe('close');
      expect(ja.headers.get('x-request-id')).toBeTruthy();
      expect(((await ja.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'shutting_down', message: expect.stringContaining('送信されていません') });
      const en = await fetch(`http://127.0.0.1:${port}/api/v1/health?lang=en`);
      expect(((await en.json()) as { error: { message: string } }).error.message).toContain('Nothing was submitted');
    } finally {
      late.close();
    }
  });

  it('cuts off a request still running at the deadline and reports it', async () => {
    const drainer = new RequestDrainer();
    let arrived!: () => void;
    const started = new Promise<void>((r) => (arrived = r));
    const server = createServer(drainer.handler(() => arrived())); // never answers
    const port = await listen(server);
    const hanging = fetch(`http://127.0.0.1:${port}/slow`).then(
      () => 'answered',
      () => 'cut off',
    );
    await started;
    expect(drainer.requestsInFlight).toBe(1);
    expect(await drainer.drain(server, 200)).toBe(false);
    expect(await hanging).toBe('cut off');
  });
});
