/**
 * One-stop bundles through real HTTP on a real SQLite file: the four birth
 * procedures sent at once are stored all or none, a retry is stored once,
 * and one bundle receipt leads to each application's status.
 */
import request from 'supertest';
import { buildTestApp } from '../helpers/testApp';
import { makeTempDir } from '../helpers/tempDir';
import { presetApplication } from '../helpers/presetApplication';

const MITO = '082015';
const BIRTH = ['jidou-teate-nintei', 'jidou-teate-gaku-kaitei', 'hoiku-shikyu-nintei', 'hoiku-riyo-moshikomi'];
const url = `/api/v1/municipalities/${MITO}/bundles`;

describe('one-stop bundle intake', () => {
  const dir = makeTempDir();
  let ctx: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    ctx = await buildTestApp(dir.path);
  });
  afterAll(async () => {
    await ctx.storage.close();
    dir.remove();
  });
  const count = () => ctx.storage.submissions.count(MITO);
  /** The four applications, each with its answers and freshly uploaded attachments (files bind once, so every bundle uploads its own). */
  const items = () => Promise.all(BIRTH.map((id) => presetApplication(ctx.app, MITO, id)));

  it('stores every application in its own procedure with its own 到達番号, under one bundle receipt', async () => {
    const before = await count();
    const res = await request(ctx.app)
      .post(url)
      .send({ items: await items() })
      .expect(201);
    expect(res.body.receiptNumber).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{4}(-[34679ACDEFGHJKMNPQRTWXY]{4}){2}$/);
    expect(res.headers['cache-control']).toBe('no-store'); // it carries the status secret
    expect(res.body.items.map((i: { procedureId: string }) => i.procedureId)).toEqual(BIRTH);
    expect(new Set(res.body.items.map((i: { receiptNumber: string }) => i.receiptNumber)).size).toBe(4);
    expect(await count()).toBe(before + 4);
    for (const item of res.body.items) {
      const stored = await ctx.storage.submissions.findByReceiptNumber(item.receiptNumber);
      expect(stored).toMatchObject({ municipalityCode: MITO, procedureId: item.procedureId, status: 'received' });
      // Each application is a submission like any other: its own status page with its own secret.
      await request(ctx.app).get(`/api/v1/submissions/${item.receiptNumber}/status`).set('X-Receipt-Secret', item.secret).expect(200);
    }
    const status = await request(ctx.app).get(`/api/v1/bundles/${res.body.receiptNumber.toLowerCase()}/status`).set('X-Receipt-Secret', res.body.secret).expect(200);
    expect(status.body.items.map((i: { status: { procedureId: string; statusLabel: string } }) => [i.status.procedureId, i.status.statusLabel])).toEqual(BIRTH.map((id) => [id, '到達']));
    expect(status.body.items[0].status.procedureTitle).toBe('児童手当等の受給資格及び児童手当の額についての認定請求');
    // Each application's own key comes with it, for its status page and its 補正依頼.
    expect(status.body.items.map((i: { secret: string }) => i.secret)).toEqual(res.body.items.map((i: { secret: string }) => i.secret));
    await request(ctx.app).get(`/api/v1/bundles/${res.body.receiptNumber}/status`).set('X-Receipt-Secret', res.body.items[0].secret).expect(404);
    await request(ctx.app).get(`/api/v1/bundles/${res.body.items[0].receiptNumber}/status`).set('X-Receipt-Secret', res.body.secret).expect(404);
  });

  it('a procedure page names the fields that take the shared answers; a procedure without a mapping names none', async () => {
    const detail = await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/jidou-teate-nintei`).expect(200);
    expect(detail.body.sharedAnswers).toMatchObject({ 'applicant.name': '/claimant/name', 'child.name': '/children/0/name', 'account.bankAccount': '/account' });
    const care = await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/kaigo-nintei-shinki`).expect(200);
    expect(care.body.sharedAnswers).toMatchObject({ 'applicant.name': '/applicant/name', 'insured.name': '/insured/name', 'insured.insuredNumber': '/insured/insuredNumber' });
    const ninshin = await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/ninshin-todoke`).expect(200);
    expect(ninshin.body.sharedAnswers).toBeUndefined();
  });

  it('one invalid application stores nothing, and the errors say which application and field', async () => {
    const before = await count();
    const bad = await items();
    delete (bad[2]!.data as { guardian?: unknown }).guardian;
    const res = await request(ctx.app).post(url).set('Idempotency-Key', 'bundle-invalid-1').send({ items: bad }).expect(422);
    expect(res.body.error.message).toContain('どの手続も、まだ送信されていません');
    expect(res.body.error.fields.length).toBeGreaterThan(0);
    expect(res.body.error.fields.every((f: { pointer: string }) => f.pointer.startsWith('/items/2/'))).toBe(true);
    expect(await count()).toBe(before);
    // The same key with the answers corrected is a first submission, not a replay of the refusal.
    await request(ctx.app)
      .post(url)
      .set('Idempotency-Key', 'bundle-invalid-1')
      .send({ items: await items() })
      .expect(201);
    expect(await count()).toBe(before + 4);
  });

  it('a retry with the same Idempotency-Key is stored once and answered the same; other content under that key is refused', async () => {
    const before = await count();
    const sent = await items();
    const first = await request(ctx.app).post(url).set('Idempotency-Key', 'bundle-retry-1').send({ items: sent }).expect(201);
    const again = await request(ctx.app).post(url).set('Idempotency-Key', 'bundle-retry-1').send({ items: sent }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const same = await items();
    const parallel = await Promise.all([1, 2, 3].map(() => request(ctx.app).post(url).set('Idempotency-Key', 'bundle-retry-2').send({ items: same })));
    expect(parallel.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(parallel.map((r) => r.body.receiptNumber)).size).toBe(1);
    expect(await count()).toBe(before + 8);
    const other = (await items()).slice(0, 2);
    await request(ctx.app).post(url).set('Idempotency-Key', 'bundle-retry-1').send({ items: other }).expect(422);
    expect(await count()).toBe(before + 8);
  });

  it('a resume link carries the whole bundle: every form, the shared part and the confirmations; a malformed one is refused', async () => {
    const [first, second] = await items();
    const form = (a: typeof first) => ({ formVersion: 1, data: a!.data, attachments: a!.attachments, uploadToken: a!.uploadToken });
    const bundle = {
      procedureIds: [first!.procedureId, second!.procedureId],
      guideId: 'shussei',
      shared: { applicant: { phone: '029-224-1111' } },
      sharedSaved: true,
      applied: {},
      confirmed: { [second!.procedureId]: { data: second!.data } },
      forms: { [first!.procedureId]: form(first), [second!.procedureId]: form(second) },
    };
    const body = { municipalityCode: MITO, procedureId: first!.procedureId, formVersion: 1, data: first!.data, attachments: first!.attachments, uploadToken: first!.uploadToken, bundle };
    const created = await request(ctx.app).post('/api/v1/drafts').send(body).expect(201);
    const back = await request(ctx.app).get(`/api/v1/drafts/${created.body.draftId}`).set('X-Resume-Secret', created.body.secret).expect(200);
    expect(back.body.bundle).toEqual(bundle);
    await request(ctx.app)
      .put(`/api/v1/drafts/${created.body.draftId}`)
      .set('X-Resume-Secret', created.body.secret)
      .send({ ...body, bundle: { ...bundle, sharedSaved: false } })
      .expect(200);
    expect((await request(ctx.app).get(`/api/v1/drafts/${created.body.draftId}`).set('X-Resume-Secret', created.body.secret)).body.bundle.sharedSaved).toBe(false);
    // The first form must be the draft's own; no stranger forms; no unknown procedure.
    await request(ctx.app)
      .post('/api/v1/drafts')
      .send({ ...body, bundle: { ...bundle, procedureIds: [...bundle.procedureIds].reverse() } })
      .expect(400);
    await request(ctx.app)
      .post('/api/v1/drafts')
      .send({ ...body, bundle: { ...bundle, forms: { ...bundle.forms, 'risai-shomeisho': form(first) } } })
      .expect(400);
    await request(ctx.app)
      .post('/api/v1/drafts')
      .send({ ...body, bundle: { ...bundle, procedureIds: [...bundle.procedureIds, 'no-such-procedure'] } })
      .expect(404);
  });

  it('refuses a malformed bundle in the caller’s language and stores nothing', async () => {
    const before = await count();
    const all = await items();
    const twice = await request(ctx.app)
      .post(url)
      .send({ items: [all[0], all[0]] })
      .expect(400);
    expect(twice.body.error.message).toBe('同じ手続が2回含まれています。');
    const en = await request(ctx.app)
      .post(url)
      .set('Accept-Language', 'en')
      .send({ items: [all[0], all[0]] })
      .expect(400);
    expect(en.body.error.message).toBe('The same procedure appears twice.');
    await request(ctx.app).post(url).send({ items: [] }).expect(400);
    await request(ctx.app)
      .post(url)
      .send({ items: [...all, { procedureId: 'no-such-procedure', data: {} }] })
      .expect(404);
    await request(ctx.app)
      .post(url)
      .send({ items: all.map((i, n) => (n === 1 ? { ...i, formVersion: 99 } : i)) })
      .expect(409);
    expect(await count()).toBe(before);
  });
});
