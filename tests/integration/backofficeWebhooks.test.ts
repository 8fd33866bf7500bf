/**
 * Push: webhooks per procedure with HMAC-SHA256 signatures, retried with
 * exponential back-off against a real local receiver that fails twice, a
 * delivery log, giving up and retrying by hand; and the applicant's e-mail on
 * arrival and status changes through a real SMTP server (smtp-server).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { verifySignature } from '../../server/src/modules/backoffice/webhookSignature';
import { buildInboxApp, manualClock, MITO, RISAI, risaiData, signIn, submit, type InboxApp } from '../helpers/inboxApp';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that answers 500 `failures` times, then 204. */
async function receiver(failures: number) {
  const requests: Received[] = [];
  let left = failures;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      res.statusCode = left-- > 0 ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    requests,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    setFailures: (n: number) => (left = n),
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

/** RFC 2047 words and a base64 or quoted-printable body, as nodemailer writes them. */
function decodeMail(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head!.replace(/\r?\n[ \t]+/g, ' ');
  const words = (v: string) =>
    v.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
  const subject = words(/^Subject: (.*)$/im.exec(headers)![1]!);
  const bodyRaw = rest.join('\n\n');
  const body = /Content-Transfer-Encoding: base64/i.test(headers)
    ? Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64').toString('utf8')
    : Buffer.from(
        bodyRaw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
  return { subject, body };
}

describe('webhooks and applicant e-mail', () => {
  const clock = manualClock(new Date('2026-11-20T09:00:00Z'));
  const mails: Array<{ to: string; raw: string }> = [];
  let smtp: SMTPServer;
  let ctx: InboxApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let secret: string;
  let webhookId: string;
  const base = `/municipalities/${MITO}`;
  const run = () => ctx.services.desk.dispatcher.runOnce();

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => (mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw }), callback()));
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    ctx = await buildInboxApp(
      {
        WEBHOOK_ALLOW_HTTP: 'true',
        NODE_ENV: 'test',
        WEBHOOK_TEST_ALLOW_LOOPBACK: 'true',
        WEBHOOK_RETRY_BASE_SECONDS: '10',
        WEBHOOK_MAX_ATTEMPTS: '4',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM: '水戸市 <no-reply@city.mito.example>',
        PUBLIC_URL: 'http://madoguchi.example.jp' /* https would make the session cookie Secure, which supertest over http does not send */,
      },
      clock.now,
    );
    admin = await signIn(ctx, 'municipal-admin', MITO);
    clerk = await signIn(ctx, 'staff', MITO);
    hook = await receiver(2);
  });
  afterAll(async () => {
    await ctx.close();
    await hook.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('is set up by a municipal admin (not by staff), https unless allowed, secret shown once', async () => {
    await clerk.client.post(`${base}/webhooks`, { url: hook.url, events: ['submission.received'] }).expect(403);
    await admin.client.post(`${base}/webhooks`, { url: 'ftp://example.jp/x', events: ['submission.received'] }).expect(400);
    await admin.client.post(`${base}/webhooks`, { url: hook.url, events: [] }).expect(400);
    await admin.client.post(`${base}/webhooks`, { url: hook.url, events: ['submission.received'], procedureId: 'no-such-procedure' }).expect(400);
    const res = await admin.client.post(`${base}/webhooks`, { url: hook.url, events: ['submission.received', 'submission.status-changed'], procedureId: RISAI }).expect(201);
    secret = res.body.secret;
    webhookId = res.body.webhook.id;
    expect(secret).toMatch(/^[\w-]{43}$/);
    const list = await admin.client.get(`${base}/webhooks`).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: webhookId, url: hook.url, procedureId: RISAI, active: true })]);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const strict = await buildInboxApp();
    const strictAdmin = await signIn(strict, 'municipal-admin', MITO);
    await strictAdmin.client.post(`${base}/webhooks`, { url: hook.url, events: ['submission.received'] }).expect(400);
    await strict.close();
  });

  it('signs each delivery, retries with exponential back-off after two failures, and logs every attempt', async () => {
    const s = await submit(
      ctx,
      risaiData((d) => (d.currentContact.email = 'taro@example.jp')),
    );
    expect(await run()).toEqual({ dispatched: 1, attempted: 2 }); // the webhook and the applicant's e-mail
    const first = (await ctx.storage.deliveries.list({ municipalityCode: MITO, targetId: webhookId, limit: 5 }))[0]!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1, log: [{ ok: false, statusCode: 500 }] });
    const delay1 = Date.parse(first.nextAttemptAt) - clock.now().getTime();
    expect(delay1).toBeGreaterThanOrEqual(8_000);
    expect(delay1).toBeLessThanOrEqual(12_000);
    expect((await run()).attempted).toBe(0); // not due yet
    clock.advance(12_001);
    await run();
    const second = (await ctx.storage.deliveries.get(first.id))!;
    const delay2 = Date.parse(second.nextAttemptAt) - clock.now().getTime();
    expect(delay2).toBeGreaterThanOrEqual(16_000);
    expect(delay2).toBeLessThanOrEqual(24_000);
    clock.advance(24_001);
    await run();
    const done = (await ctx.storage.deliveries.get(first.id))!;
    expect(done).toMatchObject({ status: 'delivered', attempts: 3, deliveredAt: clock.now().toISOString() });
    expect(done.log.map((l) => l.statusCode)).toEqual([500, 500, 204]);

    expect(hook.requests).toHaveLength(3);
    const ids = new Set(hook.requests.map((r) => r.headers['madoguchi-event-id']));
    expect(ids.size).toBe(1);
    for (const r of hook.requests) {
      expect(r.headers['madoguchi-event']).toBe('submission.received');
      const header = r.headers['madoguchi-signature'] as string;
      const t = Number(/t=(\d+)/.exec(header)![1]);
      expect(verifySignature(secret, header, r.body, t)).toBe(true);
      expect(verifySignature('other-secret', header, r.body, t)).toBe(false);
      expect(verifySignature(secret, header, r.body.replace('received', 'rejected'), t)).toBe(false);
    }
    const envelope = JSON.parse(hook.requests[0]!.body);
    expect(envelope).toEqual({
      id: ids.values().next().value,
      type: 'submission.received',
      createdAt: expect.any(String),
      municipalityCode: MITO,
      data: { submissionId: s.id, receiptNumber: s.receiptNumber, procedureId: RISAI, formVersion: 1, status: 'received', channel: 'online', previousStatus: null, revision: 1 },
    });
    expect(hook.requests[0]!.body).not.toContain('水戸');

    const log = await admin.client.get(`${base}/deliveries?webhookId=${webhookId}`).expect(200);
    expect(log.body.items[0]).toMatchObject({ id: first.id, status: 'delivered', attempts: 3, event: { receiptNumber: s.receiptNumber, data: { status: 'received' } } });
  });

  it('e-mails the applicant who gave an address, on arrival and on each status change, without answers or secrets', async () => {
    const s = await submit(
      ctx,
      risaiData((d) => (d.currentContact.email = 'hanako@example.jp')),
    );
    const silent = await submit(ctx); // no address: no e-mail delivery at all
    await clerk.client.post(`${base}/submissions/${s.id}/status`, { to: 'in-review' }).expect(200);
    await clerk.client.post(`${base}/submissions/${s.id}/correction-request`, { message: '写真を追加してください。', fields: [] }).expect(200);
    await run();
    await run();
    const toHanako = mails.filter((m) => m.to === 'hanako@example.jp').map((m) => decodeMail(m.raw));
    expect(toHanako.map((m) => m.subject)).toEqual([
      `【水戸市】申請受付のお知らせ（到達番号 ${s.receiptNumber}）`,
      `【水戸市】申請状況のお知らせ（到達番号 ${s.receiptNumber}）`,
      `【水戸市】申請状況のお知らせ（到達番号 ${s.receiptNumber}）`,
    ]);
    expect(toHanako[1]!.body).toContain('申請の状況が「審査中」になりました。');
    expect(toHanako[2]!.body).toContain('補正（修正）のお願いがあります');
    expect(toHanako[2]!.body).toContain(`http://madoguchi.example.jp/status/${s.receiptNumber}`);
    for (const m of toHanako) {
      expect(m.body).toContain('罹災証明書の発行申請');
      expect(m.body).not.toContain('写真を追加してください'); // the desk's message stays behind the secret
      expect(m.body).not.toContain('太郎');
      expect(m.body).not.toContain(s.secret);
    }
    const emailDeliveries = (await ctx.storage.deliveries.list({ municipalityCode: MITO, targetId: 'applicant', limit: 50 })).filter((d) => d.event.submissionId === silent.id);
    expect(emailDeliveries).toEqual([]);
  });

  it('gives up after the configured attempts, and a failed delivery can be retried by hand', async () => {
    hook.setFailures(100);
    const s = await submit(ctx);
    for (let i = 0; i < 4; i++) {
      await run();
      clock.advance(2 * 60_000); // beyond the longest back-off (40 s), within the staff session's idle timeout
    }
    const failed = (await ctx.storage.deliveries.list({ municipalityCode: MITO, targetId: webhookId, status: 'failed', limit: 5 }))[0]!;
    expect(failed).toMatchObject({ attempts: 4, event: { receiptNumber: s.receiptNumber } });
    hook.setFailures(0);
    await clerk.client.post(`${base}/deliveries/${failed.id}/retry`).expect(403);
    await admin.client.post(`${base}/deliveries/${failed.id}/retry`).expect(200);
    await run();
    expect((await ctx.storage.deliveries.get(failed.id))!).toMatchObject({ status: 'delivered', attempts: 5 });
    const audit = await ctx.storage.audit.list({ targetId: failed.id, limit: 5 });
    expect(audit.map((e) => e.action)).toEqual(['delivery.retried']);
  });

  it('pings, pauses, rotates the secret and deletes', async () => {
    const ping = await admin.client.post(`${base}/webhooks/${webhookId}/ping`).expect(200);
    expect(ping.body).toMatchObject({ ok: true, statusCode: 204 });
    expect(JSON.parse(hook.requests.at(-1)!.body).type).toBe('ping');
    const rotated = await admin.client.send('patch', `${base}/webhooks/${webhookId}`, { rotateSecret: true, active: false }).expect(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.webhook.active).toBe(false);
    const before = hook.requests.length;
    await submit(ctx);
    await run();
    expect(hook.requests.length).toBe(before); // paused: nothing sent
    await admin.client.send('delete', `${base}/webhooks/${webhookId}`).expect(204);
    await admin.client.send('delete', `${base}/webhooks/${webhookId}`).expect(404);
  });
});
