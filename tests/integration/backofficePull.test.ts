/**
 * Pull: API keys per municipality (created and revoked by a municipal admin,
 * hashed, read or read-write), submissions changed since a cursor, one
 * submission with its attachments, acknowledgement, status moves; every read
 * audited against the key; other municipalities invisible.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { sha256Hex } from '../../server/src/security/keys';
import { buildInboxApp, MITO, RISAI, SAPPORO, risaiData, signIn, submit, upload, uploadToken, type InboxApp } from '../helpers/inboxApp';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));

describe('back-office pull API', () => {
  let ctx: InboxApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let readKey: string;
  let writeKey: string;
  let readKeyId: string;
  const api = (token?: string) => ({
    get: (path: string) => {
      const r = request(ctx.app).get(`/api/v1/backoffice${path}`);
      return token ? r.set('Authorization', `Bearer ${token}`) : r;
    },
    post: (path: string, body: object = {}) => {
      const r = request(ctx.app).post(`/api/v1/backoffice${path}`);
      return (token ? r.set('Authorization', `Bearer ${token}`) : r).send(body);
    },
  });

  beforeAll(async () => {
    ctx = await buildInboxApp();
    admin = await signIn(ctx, 'municipal-admin', MITO);
  });
  afterAll(() => ctx.close());

  it('keys are created by a municipal admin only, shown once, stored hashed', async () => {
    const clerk = await signIn(ctx, 'staff', MITO);
    await clerk.client.post(`/municipalities/${MITO}/api-keys`, { name: '基幹系', scope: 'read' }).expect(403);
    await admin.client.post(`/municipalities/${SAPPORO}/api-keys`, { name: '基幹系', scope: 'read' }).expect(403);
    await admin.client.post(`/municipalities/${MITO}/api-keys`, { name: '', scope: 'read' }).expect(400);
    await admin.client.post(`/municipalities/${MITO}/api-keys`, { name: 'x', scope: 'admin' }).expect(400);
    const read = await admin.client.post(`/municipalities/${MITO}/api-keys`, { name: '罹災台帳システム', scope: 'read' }).expect(201);
    const write = await admin.client.post(`/municipalities/${MITO}/api-keys`, { name: '福祉総合システム', scope: 'read-write' }).expect(201);
    readKey = read.body.token;
    writeKey = write.body.token;
    readKeyId = read.body.key.id;
    expect(readKey).toMatch(/^mdg_[0-9a-f]{16}_[\w-]{43}$/);
    expect(read.body.key).toMatchObject({ name: '罹災台帳システム', scope: 'read', municipalityCode: MITO, createdBy: admin.user.id });
    expect(read.body.key.secretHash).toBeUndefined();
    const stored = await ctx.storage.apiKeys.findById(readKeyId);
    expect(stored!.secretHash).toBe(sha256Hex(readKey.split('_').slice(2).join('_')));
    const list = await admin.client.get(`/municipalities/${MITO}/api-keys`).expect(200);
    expect(list.body.items.map((k: { name: string }) => k.name)).toEqual(['罹災台帳システム', '福祉総合システム']);
    expect(JSON.stringify(list.body)).not.toContain(readKey.slice(-20));
  });

  it('refuses calls without a valid key', async () => {
    expect((await api().get('/submissions').expect(401)).headers['www-authenticate']).toContain('Bearer');
    await api('mdg_0000000000000000_' + 'a'.repeat(43))
      .get('/submissions')
      .expect(401);
    await api(readKey.slice(0, -1) + (readKey.endsWith('a') ? 'b' : 'a'))
      .get('/submissions')
      .expect(401);
  });

  it('lists what changed since a cursor, in commit order, and only the key’s municipality', async () => {
    const a = await submit(ctx);
    const b = await submit(ctx);
    await submit(ctx, risaiData(), SAPPORO);
    const page = await api(readKey).get('/submissions?limit=1').expect(200);
    expect(page.body.items.map((i: { receiptNumber: string }) => i.receiptNumber)).toEqual([a.receiptNumber]);
    expect(page.body.hasMore).toBe(true);
    const rest = await api(readKey).get(`/submissions?after=${page.body.next}`).expect(200);
    expect(rest.body.items.map((i: { receiptNumber: string }) => i.receiptNumber)).toEqual([b.receiptNumber]);
    expect(rest.body.items[0]).toMatchObject({ status: 'received', revision: 1, procedureId: RISAI, acknowledgedRevision: null, stripped: false });
    const empty = await api(readKey).get(`/submissions?after=${rest.body.next}`).expect(200);
    expect(empty.body).toEqual({ items: [], next: rest.body.next, hasMore: false });
    // A status move puts `a` back in the feed, after the cursor.
    const clerk = await signIn(ctx, 'staff', MITO);
    await clerk.client.post(`/municipalities/${MITO}/submissions/${a.id}/status`, { to: 'in-review' }).expect(200);
    const moved = await api(readKey).get(`/submissions?after=${rest.body.next}`).expect(200);
    expect(moved.body.items.map((i: { receiptNumber: string; status: string }) => [i.receiptNumber, i.status])).toEqual([[a.receiptNumber, 'in-review']]);
    await api(readKey).get('/submissions?after=not-a-cursor').expect(400);
  });

  it('fetches one submission with answers and attachments (audited), and acknowledges it', async () => {
    const token = uploadToken();
    const fileId = await upload(ctx.app, token, fixture('photo.png'), '被害写真.png');
    const s = await submit(
      ctx,
      risaiData((d) => ((d.damage.selfAssessment = true), (d.damage.selfAssessmentAgreement = true))),
      MITO,
      { attachments: { damagePhotos: [fileId] }, uploadToken: token },
    );
    const res = await api(readKey).get(`/submissions/${s.receiptNumber}?embed=attachments`).expect(200);
    expect(res.body).toMatchObject({ receiptNumber: s.receiptNumber, procedureTitle: '罹災証明書の発行申請', data: { householder: { name: { familyName: '水戸' } } }, revisions: [] });
    expect(res.body.answers).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/householder/name/familyName', label: '氏（姓）', value: '水戸' })]));
    const file = res.body.attachments[0].files[0];
    expect(file).toMatchObject({ id: fileId, fileName: '被害写真.png', mediaType: 'image/png', href: `/api/v1/backoffice/submissions/${s.receiptNumber}/files/${fileId}` });
    expect(Buffer.from(file.contentBase64, 'base64').equals(fixture('photo.png'))).toBe(true);
    const download = await api(readKey).get(`/submissions/${s.receiptNumber}/files/${fileId}`).expect(200);
    expect(Buffer.compare(download.body as Buffer, fixture('photo.png'))).toBe(0);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
    const acked = await api(readKey).post(`/submissions/${s.receiptNumber}/ack`, { revision: 1 }).expect(200);
    expect(acked.body).toMatchObject({ acknowledgedRevision: 1 });
    await api(readKey).post(`/submissions/${s.receiptNumber}/ack`, { revision: 2 }).expect(400);
    const audit = await ctx.storage.audit.list({ targetId: s.id, limit: 10 });
    expect(audit.map((e) => [e.action, e.actor])).toEqual(
      expect.arrayContaining([
        ['submission.read', `api-key:${readKeyId}`],
        ['submission.file.read', `api-key:${readKeyId}`],
        ['submission.acknowledged', `api-key:${readKeyId}`],
      ]),
    );
    // Staff see that the core system took it.
    const clerk = await signIn(ctx, 'staff', MITO);
    const view = await clerk.client.get(`/municipalities/${MITO}/submissions/${s.id}`).expect(200);
    expect(view.body.acknowledgedAt).toEqual(expect.any(String));
  });

  it('moves statuses with a read-write key only, as the transitions table allows', async () => {
    const s = await submit(ctx);
    expect((await api(readKey).post(`/submissions/${s.receiptNumber}/status`, { to: 'in-review' }).expect(403)).body.error.code).toBe('forbidden');
    await api(writeKey).post(`/submissions/${s.receiptNumber}/status`, { to: 'completed' }).expect(409);
    const moved = await api(writeKey).post(`/submissions/${s.receiptNumber}/status`, { to: 'in-review', expected: 'received', publicNote: '審査を始めました。' }).expect(200);
    expect(moved.body).toMatchObject({ receiptNumber: s.receiptNumber, status: 'in-review' });
    const stored = await ctx.storage.submissions.findById(s.id);
    expect(stored!.history.at(-1)).toMatchObject({ to: 'in-review', by: expect.stringMatching(/^api-key:/) });
  });

  it('never shows another municipality’s submissions, and stops working once revoked', async () => {
    const other = await submit(ctx, risaiData(), SAPPORO);
    await api(readKey).get(`/submissions/${other.receiptNumber}`).expect(404);
    await api(writeKey).post(`/submissions/${other.receiptNumber}/status`, { to: 'in-review' }).expect(404);
    const sapporoAdmin = await signIn(ctx, 'municipal-admin', SAPPORO);
    await sapporoAdmin.client.post(`/municipalities/${SAPPORO}/api-keys/${readKeyId}/revoke`).expect(404);
    const revoked = await admin.client.post(`/municipalities/${MITO}/api-keys/${readKeyId}/revoke`).expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await api(readKey).get('/submissions').expect(401);
    await api(writeKey).get('/submissions').expect(200);
  });
});
