/**
 * Push to back-office systems (issue #21): a municipal admin maps the answers
 * of a procedure to a receiver's field names; the whole submission and its PDF
 * are POSTed, signed as webhooks are, through the outbox, to a real loopback
 * receiver that first answers 500 — retried, dead-lettered, re-sent by hand,
 * and every push audited. Bad mappings (422), plain http, private addresses
 * and another municipality's admin are refused, and nothing is stored.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../server/src/modules/backoffice/webhookSignature';
import { makeTempDir } from '../helpers/tempDir';
import { buildInboxApp, manualClock, MITO, RISAI, SAPPORO, signIn, submit, type InboxApp } from '../helpers/inboxApp';

/** A receiver on 127.0.0.1 that answers 500 `failures` times, then 200. */
async function receiver(failures: number) {
  const requests: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let left = failures;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = left-- > 0 ? 500 : 200;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    requests,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/intake`,
    setFailures: (n: number) => (left = n),
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

const MAPPING = [
  { field: 'shinseiBango', source: 'meta', meta: 'receiptNumber' },
  { field: 'uketsukeNichiji', source: 'meta', meta: 'receivedAt' },
  { field: 'setainushiShi', source: 'answer', pointer: '/householder/name/familyName' },
  { field: 'setainushiMei', source: 'answer', pointer: '/householder/name/givenName' },
  { field: 'shinsuiKubun', source: 'answer', pointer: '/damage/flooding/level' },
  { field: 'setaiin', source: 'answer', pointer: '/householdMembers' },
];

describe('push targets', () => {
  const clock = manualClock(new Date('2026-11-20T09:00:00Z'));
  let ctx: InboxApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let rx: Awaited<ReturnType<typeof receiver>>;
  let secret: string;
  let targetId: string;
  const base = `/municipalities/${MITO}`;
  const run = () => ctx.services.desk.dispatcher.runOnce();

  beforeAll(async () => {
    ctx = await buildInboxApp({ NODE_ENV: 'test', WEBHOOK_TEST_ALLOW_LOOPBACK: 'true', WEBHOOK_RETRY_BASE_SECONDS: '10', WEBHOOK_MAX_ATTEMPTS: '3' }, clock.now);
    admin = await signIn(ctx, 'municipal-admin', MITO);
    rx = await receiver(1);
  });
  afterAll(async () => {
    await ctx.close();
    await rx.close();
  });

  it('offers the form’s fields by their Japanese labels, sensitive ones marked', async () => {
    const res = await admin.client.get(`${base}/push-targets/fields/${RISAI}`).expect(200);
    expect(res.body.fields).toEqual(expect.arrayContaining([{ pointer: '/householder/name/familyName', label: expect.stringMatching(/世帯主.*氏/), group: false, sensitive: false }]));
    expect(res.body.meta).toContain('receiptNumber');
    await admin.client.get(`${base}/push-targets/fields/no-such-procedure`).expect(400);
  });

  it('refuses a bad mapping with the rows named (ja/en), storing nothing', async () => {
    const body = {
      procedureId: RISAI,
      name: '基幹系',
      url: rx.url,
      events: ['submission.received'],
      mapping: [MAPPING[0], { field: 'x', source: 'answer', pointer: '/householder/nosuch' }, { field: 'bad name!', source: 'meta', meta: 'receiptNumber' }],
    };
    const ja = await admin.client.post(`${base}/push-targets`, body).expect(422);
    expect(ja.body.error.message).toBe('項目の対応表に誤りがあります（2・3行目）。');
    expect(ja.body.error.fields.map((f: { pointer: string }) => f.pointer)).toEqual(['/mapping/1', '/mapping/2']);
    expect(ja.body.error.fields[0].message).toContain('「/householder/nosuch」はこの手続の様式にない項目です。');
    const en = await admin.client.post(`${base}/push-targets`, body).set('Accept-Language', 'en').expect(422);
    expect(en.body.error.message).toBe('The mapping has errors (row 2, 3).');
    expect((await admin.client.get(`${base}/push-targets`).expect(200)).body.items).toEqual([]);
  });

  it('refuses plain http and private addresses (never connecting), clerks, and another municipality', async () => {
    const body = { procedureId: RISAI, name: '基幹系', events: ['submission.received'], mapping: [] };
    await admin.client.post(`${base}/push-targets`, { ...body, url: 'http://records.example.jp/in' }).expect(400);
    const priv = await admin.client.post(`${base}/push-targets`, { ...body, url: 'https://10.20.30.40/in' }).expect(400);
    expect(priv.body.error.code).toBe('push_address_refused');
    const clerk = await signIn(ctx, 'staff', MITO);
    await clerk.client.post(`${base}/push-targets`, { ...body, url: rx.url }).expect(403);
    const sapporo = await signIn(ctx, 'municipal-admin', SAPPORO);
    await sapporo.client.get(`${base}/push-targets`).expect(403);
    await sapporo.client.post(`${base}/push-targets`, { ...body, url: rx.url }).expect(403);
    expect(await ctx.storage.pushTargets.list(MITO)).toEqual([]);
    expect(rx.requests).toHaveLength(0);
  });

  it('pushes the mapped fields, the PDF and attachment metadata, signed; retries after a 500', async () => {
    const created = await admin.client
      .post(`${base}/push-targets`, { procedureId: RISAI, name: '基幹系（被災者台帳）', url: rx.url, events: ['submission.received'], includePdf: true, mapping: MAPPING })
      .expect(201);
    secret = created.body.secret;
    targetId = created.body.target.id;
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify((await admin.client.get(`${base}/push-targets`).expect(200)).body)).not.toContain(secret);

    const s = await submit(ctx);
    await run();
    const first = (await ctx.storage.deliveries.list({ municipalityCode: MITO, targetId, limit: 5 }))[0]!;
    expect(first).toMatchObject({ channel: 'push', status: 'pending', attempts: 1, log: [{ ok: false, statusCode: 500 }] });
    clock.advance(13_000);
    await run();
    expect((await ctx.storage.deliveries.get(first.id))!).toMatchObject({ status: 'delivered', attempts: 2 });

    expect(rx.requests).toHaveLength(2);
    const { headers, body } = rx.requests[1]!;
    const t = Number(/t=(\d+)/.exec(headers['madoguchi-signature'] as string)![1]);
    expect(verifySignature(secret, headers['madoguchi-signature'] as string, body, t)).toBe(true);
    expect(headers['madoguchi-event']).toBe('submission.received');
    const payload = JSON.parse(body);
    expect(payload.submission).toMatchObject({ receiptNumber: s.receiptNumber, procedureId: RISAI, status: 'received', revision: 1 });
    expect(payload.fields).toEqual({
      shinseiBango: s.receiptNumber,
      uketsukeNichiji: payload.submission.receivedAt,
      setainushiShi: '水戸',
      setainushiMei: '太郎',
      shinsuiKubun: '床上浸水',
      setaiin: [expect.objectContaining({ name: expect.objectContaining({ givenName: '花子' }) })],
    });
    expect(Array.isArray(payload.attachments)).toBe(true);
    const pdf = Buffer.from(payload.pdf.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(payload.pdf.size).toBe(pdf.length);

    const audit = await ctx.storage.audit.list({ targetId: s.id, limit: 20 });
    const pushes = audit.filter((e) => e.action === 'submission.pushed');
    expect(pushes).toHaveLength(2);
    expect(pushes[0]).toMatchObject({ actor: `push-target:${targetId}`, details: expect.objectContaining({ receiptNumber: s.receiptNumber, pdf: true, fields: MAPPING.map((m) => m.field) }) });
  });

  it('dead-letters after the configured attempts; 再送 from the log delivers', async () => {
    rx.setFailures(100);
    const s = await submit(ctx);
    for (let i = 0; i < 3; i++) {
      await run();
      clock.advance(60_000);
    }
    const log = await admin.client.get(`${base}/push-deliveries?targetId=${targetId}&status=failed`).expect(200);
    expect(log.body.items).toEqual([expect.objectContaining({ channel: 'push', status: 'failed', attempts: 3, event: expect.objectContaining({ receiptNumber: s.receiptNumber }) })]);
    rx.setFailures(0);
    await admin.client.post(`${base}/deliveries/${log.body.items[0].id}/retry`).expect(200);
    await run();
    expect((await ctx.storage.deliveries.get(log.body.items[0].id))!).toMatchObject({ status: 'delivered', attempts: 4 });
  });

  it('a stored target whose address became private is refused at send time, without connecting', async () => {
    await ctx.storage.pushTargets.update(targetId, { url: 'https://10.20.30.40/in' }, clock.now());
    const before = rx.requests.length;
    await submit(ctx);
    await run();
    const last = (await ctx.storage.deliveries.list({ municipalityCode: MITO, targetId, limit: 1 }))[0]!;
    expect(last.log.at(-1)).toMatchObject({ ok: false, error: 'address_refused' });
    expect(rx.requests.length).toBe(before);
  });

  it('another municipality cannot change, delete or read deliveries of the target', async () => {
    const sapporo = await signIn(ctx, 'municipal-admin', SAPPORO);
    await sapporo.client.send('patch', `/municipalities/${SAPPORO}/push-targets/${targetId}`, { active: false }).expect(404);
    await sapporo.client.send('delete', `/municipalities/${SAPPORO}/push-targets/${targetId}`).expect(404);
    expect((await sapporo.client.get(`/municipalities/${SAPPORO}/push-deliveries?targetId=${targetId}`).expect(200)).body.items).toEqual([]);
  });
});

describe('push across a restart', () => {
  it('a push that failed once is still pending after a restart, and the new process delivers it', async () => {
    const clock = manualClock(new Date('2026-11-21T09:00:00Z'));
    const dir = makeTempDir();
    const key = randomBytes(32);
    const env = { NODE_ENV: 'test', WEBHOOK_TEST_ALLOW_LOOPBACK: 'true', WEBHOOK_RETRY_BASE_SECONDS: '10' };
    const rx = await receiver(1);
    const first = await buildInboxApp(env, clock.now, { dataDir: dir.path, key });
    const admin = await signIn(first, 'municipal-admin', MITO);
    const created = await admin.client
      .post(`/municipalities/${MITO}/push-targets`, {
        procedureId: RISAI,
        name: '基幹系',
        url: rx.url,
        events: ['submission.received'],
        mapping: [{ field: 'no', source: 'meta', meta: 'receiptNumber' }],
      })
      .expect(201);
    const s = await submit(first);
    await first.services.desk.dispatcher.runOnce();
    await first.close();

    const second = await buildInboxApp(env, clock.now, { dataDir: dir.path, key });
    try {
      const [pending] = await second.storage.deliveries.list({ municipalityCode: MITO, targetId: created.body.target.id, limit: 5 });
      expect(pending).toMatchObject({ channel: 'push', status: 'pending', attempts: 1 });
      clock.advance(13_000);
      await second.services.desk.dispatcher.drain();
      expect((await second.storage.deliveries.get(pending!.id))!).toMatchObject({ status: 'delivered', attempts: 2 });
      expect(rx.requests.map((r) => JSON.parse(r.body).fields)).toEqual([{ no: s.receiptNumber }, { no: s.receiptNumber }]);
      // The secret was sealed by the first process and opened by the second: the signature still verifies.
      const last = rx.requests[1]!;
      const header = last.headers['madoguchi-signature'] as string;
      expect(verifySignature(created.body.secret, header, last.body, Number(/t=(\d+)/.exec(header)![1]))).toBe(true);
    } finally {
      await second.close();
      await rx.close();
      dir.remove();
    }
  });
});
