/**
 * Graceful stop (SIGTERM from a deploy or a scale-in). A request whose
 * headers arrived before the signal is finished and answered — a resident's
 * submission must not be cut off after it may have been stored — while the
 * listening socket closes at once and requests arriving afterwards on
 * kept-alive connections get 503 with `Connection: close`.
 *
 * Works on the raw http handler rather than as Express middleware so that it
 * sees every request before any routing or body parsing.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

const REFUSED = {
  ja: 'ただいまサーバーを再起動しています。入力内容は送信されていません。少し時間をおいてもう一度送信してください。',
  en: 'The server is restarting. Nothing was submitted; please try again in a moment.',
};

export class RequestDrainer {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private onIdle: (() => void) | undefined;

  /** Wraps the application: counts requests in flight, refuses new ones once draining. */
  handler(app: RequestListener): RequestListener {
    return (req, res) => {
      if (this.draining) return refuse(req, res);
      this.inFlight.add(res);
      res.once('close', () => {
        this.inFlight.delete(res);
        if (this.draining && this.inFlight.size === 0) this.onIdle?.();
      });
      app(req, res);
    };
  }

  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  /**
   * Stops listening and waits for the requests in flight, at most `graceMs`;
   * then cuts the remaining connections. Resolves true when every request finished.
   */
  drain(server: Server, graceMs: number): Promise<boolean> {
    this.draining = true;
    // Answers still to be written end their connection: no keep-alive socket outlives the drain.
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    return new Promise((resolve) => {
      let done = false;
      const finish = (complete: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        if (!complete) server.closeAllConnections();
        resolve(complete);
      };
      const deadline = setTimeout(() => finish(false), graceMs);
      // close() also drops idle keep-alive connections; its callback waits for every other one.
      server.close(() => finish(true));
      this.onIdle = () => {
        // Connections whose last answer went out before the drain began sit idle now.
        server.closeIdleConnections();
      };
      if (this.inFlight.size === 0) this.onIdle();
    });
  }
}

function refuse(req: IncomingMessage, res: ServerResponse): void {
  const en = /(^|[?&])lang=en(&|$)/.test(req.url?.split('?')[1] ?? '') || /^en\b/i.test(req.headers['accept-language'] ?? '');
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code: 'shutting_down', message: REFUSED[en ? 'en' : 'ja'], requestId } });
  req.resume(); // the body is not read: discard it so the socket can close cleanly
  res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '5', 'X-Request-Id': requestId, Connection: 'close', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
