/** The public API through real HTTP (supertest) on a real SQLite file, with the real 罹災証明書 preset. */
import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { buildTestApp, allPresets } from '../helpers/testApp';
import { makeTempDir } from '../helpers/tempDir';
import type { Answers } from '../helpers/answers';

const MITO = '082015';
const RISAI = 'risai-shomeisho';
const risaiExample = () => structuredClone(allPresets().find((p) => p.procedure.id === RISAI)!.example!);
const submitUrl = `/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`;

describe('intake API', () => {
  const dir = makeTempDir();
  let ctx: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    ctx = await buildTestApp(dir.path);
  });
  afterAll(async () => {
    await ctx.storage.close();
    dir.remove();
  });

  it('reports health', async () => {
    const res = await request(ctx.app).get('/api/v1/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', storage: 'sqlite' });
  });

  it('finds 水戸市 by its reading and lists its procedures, 罹災証明書 among them', async () => {
    const found = await request(ctx.app).get('/api/v1/municipalities').query({ q: 'みと' }).expect(200);
    expect(found.body.items[0]).toMatchObject({ code: MITO, name: '水戸市' });
    const list = await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures`).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(RISAI);
    const detail = await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/${RISAI}`).expect(200);
    expect(detail.body.procedure.title).toBe('罹災証明書の発行申請');
    expect(detail.body.version).toMatchObject({ version: 1, schema: { type: 'object' } });
  });

  it('answers 404 in Japanese for an unknown municipality or procedure', async () => {
    const res = await request(ctx.app).get('/api/v1/municipalities/999999/procedures').expect(404);
    expect(res.body.error).toMatchObject({ code: 'municipality_not_found', message: '指定された市区町村が見つかりません。' });
    await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/nope`).expect(404);
  });

  it('answers the same errors in English for an English caller (message keys resolved per request)', async () => {
    const res = await request(ctx.app).get('/api/v1/municipalities/999999/procedures').set('Accept-Language', 'en').expect(404);
    expect(res.body.error).toMatchObject({ code: 'municipality_not_found', message: 'The municipality was not found.' });
    const gone = await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/nope?lang=en`).expect(404);
    expect(gone.body.error).toMatchObject({ code: 'procedure_not_found', message: 'This procedure is not accepting applications at the moment.' });
  });

  it('accepts a valid 罹災証明書 application: 201, a readable receipt number and a status secret', async () => {
    const res = await request(ctx.app).post(submitUrl).send({ data: risaiExample() }).expect(201);
    expect(res.body.receiptNumber).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
    expect(res.body).toMatchObject({ procedureId: RISAI, formVersion: 1 });
    // The receipt carries the status secret: never kept by a browser or a proxy (the route has a router of its own, app.ts).
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.location).toBe(`/api/v1/submissions/${res.body.receiptNumber}/status`);
    const stored = await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber);
    expect(stored).toMatchObject({ municipalityCode: MITO, procedureId: RISAI, formVersion: 1, status: 'received' });
    const status = await request(ctx.app).get(`/api/v1/submissions/${res.body.receiptNumber}/status`).set('X-Receipt-Secret', res.body.secret).expect(200);
    expect(status.body).toMatchObject({ status: 'received', statusLabel: '到達', procedureTitle: '罹災証明書の発行申請' });
    await request(ctx.app).get(`/api/v1/submissions/${res.body.receiptNumber}/status`).set('X-Receipt-Secret', 'wrong').expect(404);
    // Residents may type the receipt number in lower case without hyphens.
    await request(ctx.app)
      .get(`/api/v1/submissions/${res.body.receiptNumber.replace(/-/g, '').toLowerCase()}/status`)
      .set('X-Receipt-Secret', res.body.secret)
      .expect(200);
  });

  it('refuses invalid data with 422 and per-field Japanese messages, storing nothing', async () => {
    const before = await ctx.storage.submissions.count(MITO);
    const data = risaiExample() as Answers;
    delete data.householder;
    const res = await request(ctx.app).post(submitUrl).send({ data }).expect(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/^入力内容に\d+件の誤りがあります。$/);
    expect(res.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/householder', message: expect.stringMatching(/^「.+」を入力してください。$/) })]));
    expect(await ctx.storage.submissions.count(MITO)).toBe(before);
  });

  it('gives English messages when the resident reads in English', async () => {
    const res = await request(ctx.app).post(`${submitUrl}?lang=en`).send({ data: {} }).expect(422);
    expect(res.body.error.message).toMatch(/problems? with your answers/);
  });

  it('stores a retried submission once and answers the retry with the first receipt', async () => {
    const before = await ctx.storage.submissions.count(MITO);
    const key = `retry-${randomBytes(8).toString('hex')}`;
    const body = { data: risaiExample() };
    const first = await request(ctx.app).post(submitUrl).set('Idempotency-Key', key).send(body).expect(201);
    const [second, third] = await Promise.all([
      request(ctx.app).post(submitUrl).set('Idempotency-Key', key).send(body).expect(201),
      request(ctx.app).post(submitUrl).set('Idempotency-Key', key).send(body).expect(201),
    ]);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await ctx.storage.submissions.count(MITO)).toBe(before + 1);
    const reused = await request(ctx.app)
      .post(submitUrl)
      .set('Idempotency-Key', key)
      .send({ data: { ...body.data, copies: 2 } })
      .expect(422);
    expect(reused.body.error.message).toContain('Idempotency-Key');
  });

  it('answers 413 to an oversized body and 400 to broken JSON, storing nothing', async () => {
    const before = await ctx.storage.submissions.count(MITO);
    const huge = { data: { ...risaiExample(), padding: 'あ'.repeat(ctx.config.maxJsonBytes) } };
    const res = await request(ctx.app).post(submitUrl).send(huge).expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const broken = await request(ctx.app).post(submitUrl).set('Content-Type', 'application/json').send('{"data":').expect(400);
    expect(broken.body.error.message).toContain('JSON');
    expect(await ctx.storage.submissions.count(MITO)).toBe(before);
  });

  it('refuses a submission made against a form version that is no longer current', async () => {
    const res = await request(ctx.app).post(submitUrl).send({ data: risaiExample(), formVersion: 99 }).expect(409);
    expect(res.body.error.code).toBe('form_version_changed');
  });

  it('puts a request id on every response', async () => {
    const res = await request(ctx.app).get('/api/v1/health').set('X-Request-Id', 'test-request-0001');
    expect(res.headers['x-request-id']).toBe('test-request-0001');
    expect((await request(ctx.app).get('/api/v1/nope').expect(404)).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('durability', () => {
  it('keeps a submission across a restart on the same data directory', async () => {
    const dir = makeTempDir();
    const key = randomBytes(32);
    const first = await buildTestApp(dir.path, key);
    const res = await request(first.app).post(submitUrl).send({ data: risaiExample() }).expect(201);
    await first.storage.close();

    const second = await buildTestApp(dir.path, key);
    const status = await request(second.app).get(`/api/v1/submissions/${res.body.receiptNumber}/status`).set('X-Receipt-Secret', res.body.secret).expect(200);
    expect(status.body.status).toBe('received');
    // Restarting publishes nothing new for unchanged presets.
    expect((await second.storage.procedures.listVersions('preset', RISAI)).map((v) => v.version)).toEqual([1]);
    await second.storage.close();
    dir.remove();
  });
});
