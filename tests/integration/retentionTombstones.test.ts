/**
 * Nothing deleted in silence (issue #21): a retention deletion or strip leaves
 * a tombstone in the pull feed at the place it happened, which a system paging
 * with its cursor sees exactly once, and a signed `submission.deleted` /
 * `submission.stripped` webhook, committed with the removal. Neither carries
 * personal data.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { verifySignature } from '../../server/src/modules/backoffice/webhookSignature';
import { buildInboxApp, manualClock, MITO, RISAI, risaiData, signIn, submit, type InboxApp } from '../helpers/inboxApp';

const DAY = 86_400_000;

describe('retention tombstones and removal webhooks', () => {
  const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let hookServer: Server;
  let ctx: InboxApp;
  let key: string;
  let secret: string;
  const base = `/municipalities/${MITO}`;
  const feed = (after?: string, limit = 2) =>
    request(ctx.app)
      .get(`/api/v1/backoffice/submissions?limit=${limit}${after ? `&after=${after}` : ''}`)
      .set('Authorization', `Bearer ${key}`)
      .expect(200);

  beforeAll(async () => {
    hookServer = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => (received.push({ headers: req.headers, body }), res.writeHead(204).end()));
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
    ctx = await buildInboxApp({ WEBHOOK_ALLOW_HTTP: 'true', NODE_ENV: 'test', WEBHOOK_TEST_ALLOW_LOOPBACK: 'true' }, clock.now);
    const admin = await signIn(ctx, 'municipal-admin', MITO);
    key = (await admin.client.post(`${base}/api-keys`, { name: '基幹系', scope: 'read' }).expect(201)).body.token;
    const url = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
    secret = (await admin.client.post(`${base}/webhooks`, { url, events: ['submission.deleted', 'submission.stripped'] }).expect(201)).body.secret;
  });
  afterAll(async () => {
    await ctx.close();
    await new Promise((r) => (hookServer.closeAllConnections(), hookServer.close(r)));
  });

  it('puts each removal in the feed once, where it happened, and sends a signed webhook without personal data', async () => {
    let admin = await signIn(ctx, 'municipal-admin', MITO);
    const toDelete = await submit(
      ctx,
      risaiData((d) => (d.currentContact.email = 'taro@example.jp')),
    );
    const toStrip = await submit(ctx);
    const untouched = await submit(ctx);

    // An integrator reads the whole feed so far and keeps its cursor.
    let cursor: string | undefined;
    for (;;) {
      const page = await feed(cursor);
      cursor = page.body.next;
      if (!page.body.hasMore) break;
    }

    for (const s of [toDelete, toStrip]) await admin.client.post(`${base}/submissions/${s.id}/status`, { to: 'withdrawn' }).expect(200);
    await admin.client.send('put', `${base}/retention/${RISAI}`, { days: 7, mode: 'delete' }).expect(200);
    clock.advance(8 * DAY);
    // Both closed ones are deleted; a third, closed later, is stripped under the changed policy.
    expect(await ctx.services.desk.retention.run()).toEqual({ deleted: 2, stripped: 0 });
    const stripLater = await submit(ctx);
    admin = await signIn(ctx, 'municipal-admin', MITO); // the earlier session expired in those days
    await admin.client.post(`${base}/submissions/${stripLater.id}/status`, { to: 'withdrawn' }).expect(200);
    await admin.client.post(`${base}/submissions/${untouched.id}/status`, { to: 'in-review' }).expect(200);
    await admin.client.send('put', `${base}/retention/${RISAI}`, { days: 7, mode: 'strip' }).expect(200);
    clock.advance(8 * DAY);
    expect(await ctx.services.desk.retention.run()).toEqual({ deleted: 0, stripped: 1 });

    // Paging on from the cursor, two entries a page: every change appears once, in order.
    const entries: Array<Record<string, unknown>> = [];
    const pageConforms = await pullPageValidator();
    for (;;) {
      const page = await feed(cursor);
      expect([pageConforms(page.body), pageConforms.errors]).toEqual([true, null]);
      entries.push(...page.body.items);
      cursor = page.body.next;
      if (!page.body.hasMore) break;
    }
    const seqs = entries.map((e) => e.changeSeq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const tombstones = entries.filter((e) => 'kind' in e);
    expect(tombstones).toEqual([
      { kind: 'deleted', changeSeq: expect.any(Number), submissionId: toDelete.id, receiptNumber: toDelete.receiptNumber, procedureId: RISAI, at: '2026-03-10T09:00:00.000Z' },
      { kind: 'deleted', changeSeq: expect.any(Number), submissionId: toStrip.id, receiptNumber: toStrip.receiptNumber, procedureId: RISAI, at: '2026-03-10T09:00:00.000Z' },
      { kind: 'stripped', changeSeq: expect.any(Number), submissionId: stripLater.id, receiptNumber: stripLater.receiptNumber, procedureId: RISAI, at: '2026-03-18T09:00:00.000Z' },
    ]);
    // The deletions come before the later submission's arrival, the strip after the status move: the order things happened in.
    const index = (pred: (e: Record<string, unknown>) => boolean) => entries.findIndex(pred);
    expect(index((e) => e.submissionId === toStrip.id)).toBeLessThan(index((e) => e.id === untouched.id));
    expect(index((e) => e.id === untouched.id)).toBeLessThan(index((e) => e.submissionId === stripLater.id));
    // Polling again from the final cursor shows nothing twice.
    expect((await feed(cursor)).body.items).toEqual([]);
    // A deleted submission is gone from the API.
    await request(ctx.app).get(`/api/v1/backoffice/submissions/${toDelete.receiptNumber}`).set('Authorization', `Bearer ${key}`).expect(404);

    // The webhook events were committed with the removals; the dispatcher delivers them signed.
    await ctx.services.desk.dispatcher.runOnce();
    const bodies = received.map((r) => {
      expect(verifySignature(secret, String(r.headers['madoguchi-signature']), r.body, Math.floor(clock.now().getTime() / 1000))).toBe(true);
      return JSON.parse(r.body) as { type: string; data: Record<string, unknown> };
    });
    expect(bodies.map((b) => [b.type, b.data.receiptNumber])).toEqual([
      ['submission.deleted', toDelete.receiptNumber],
      ['submission.deleted', toStrip.receiptNumber],
      ['submission.stripped', stripLater.receiptNumber],
    ]);
    expect(bodies[0]!.data).toEqual({ kind: 'deleted', submissionId: toDelete.id, receiptNumber: toDelete.receiptNumber, procedureId: RISAI, at: '2026-03-10T09:00:00.000Z' });
    expect(received.map((r) => r.body).join()).not.toContain('taro@example.jp');
    // The applicant is not e-mailed about a retention removal.
    expect((await ctx.storage.deliveries.list({ municipalityCode: MITO, targetId: 'applicant', limit: 50 })).filter((d) => d.event.type.startsWith('submission.deleted'))).toEqual([]);
  });

  it('documents the tombstone and the removal events in the OpenAPI document', async () => {
    const doc = (await request(ctx.app).get('/api/v1/openapi.json').expect(200)).body;
    expect(doc.components.schemas.PullTombstone.properties.kind.enum).toEqual(['deleted', 'stripped']);
    expect(JSON.stringify(doc.components.schemas.PullPage)).toContain('#/components/schemas/PullTombstone');
    expect(doc.components.schemas.OutboxEvent.properties.type.enum).toEqual(expect.arrayContaining(['submission.deleted', 'submission.stripped']));
    expect(doc.webhooks.submissionEvent.post.summary).toContain('submission.deleted');
  });

  /** The served document's PullPage schema, to check real pages against. */
  async function pullPageValidator() {
    const doc = (await request(ctx.app).get('/api/v1/openapi.json').expect(200)).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'doc');
    return ajv.compile({ $ref: 'doc#/components/schemas/PullPage' });
  }

  it('commits the webhook event with the removal (the outbox holds it before any dispatch)', async () => {
    const admin = await signIn(ctx, 'municipal-admin', MITO);
    await admin.client.send('put', `${base}/retention/${RISAI}`, { days: 7, mode: 'strip' }).expect(200);
    const s = await submit(ctx);
    await admin.client.post(`${base}/submissions/${s.id}/status`, { to: 'withdrawn' }).expect(200);
    await ctx.services.desk.dispatcher.runOnce();
    clock.advance(8 * DAY);
    expect(await ctx.services.desk.retention.run()).toEqual({ deleted: 0, stripped: 1 });
    const pending = await ctx.storage.outbox.pending(50);
    expect(pending.map((e) => [e.type, e.receiptNumber])).toEqual([['submission.stripped', s.receiptNumber]]);
  });
});
