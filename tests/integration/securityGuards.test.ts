/** Input guards and rate limits on the public API, through real HTTP. */
import request from 'supertest';
import { buildTestApp, allPresets } from '../helpers/testApp';
import { makeTempDir } from '../helpers/tempDir';
import { inspectJson } from '../../server/src/http/inputGuards';

const MITO = '082015';
const url = `/api/v1/municipalities/${MITO}/procedures/risai-shomeisho/submissions`;
const example = () => structuredClone(allPresets().find((p) => p.procedure.id === 'risai-shomeisho')!.example!);

describe('JSON shape guard', () => {
  it('finds deep nesting, prototype keys and operator keys', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { a: deep };
    expect(inspectJson(deep)).toBe('too-deep');
    expect(inspectJson(JSON.parse('{"data":{"__proto__":{"admin":true}}}'))).toBe('forbidden-key');
    expect(inspectJson({ data: [{ constructor: { prototype: {} } }] })).toBe('forbidden-key');
    expect(inspectJson({ data: { name: { $gt: '' } } })).toBe('operator-key');
    expect(inspectJson(example())).toBeUndefined();
  });
});

describe('public API under abuse', () => {
  const dir = makeTempDir();
  let ctx: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    ctx = await buildTestApp(dir.path, undefined, undefined, undefined, { RATE_LIMIT_INTAKE_PER_MIN: '3', RATE_LIMIT_LOOKUP_PER_MIN: '5' });
  });
  afterAll(async () => {
    await ctx.storage.close();
    dir.remove();
  });

  it('refuses prototype and operator keys with 400 in Japanese, storing nothing', async () => {
    const poisoned = `{"data":${JSON.stringify(example()).replace(/^\{/, '{"__proto__":{"isAdmin":true},')}}`;
    const res = await request(ctx.app).post(url).set('Content-Type', 'application/json').send(poisoned).expect(400);
    expect(res.body.error).toMatchObject({ code: 'unsafe_json', message: '送信されたデータに使用できない項目名が含まれています。' });
    await request(ctx.app)
      .post(url)
      .send({ data: { ...example(), copies: { $gt: 0 } } })
      .expect(400);
    expect(await ctx.storage.submissions.count(MITO)).toBe(0);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('limits submissions per address per minute with a Japanese 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await request(ctx.app).post(url).send({ data: example() })).status);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(2);
    const res = await request(ctx.app).post(url).send({ data: example() }).expect(429);
    expect(res.body.error.message).toContain('アクセスが集中しています');
  });

  it('limits status look-ups, so receipt secrets cannot be guessed at speed', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await request(ctx.app).get('/api/v1/submissions/AAAA-AAAA-AAAA/status').set('X-Receipt-Secret', `guess-${i}`)).status);
    expect(codes.slice(0, 5).every((c) => c === 404)).toBe(true);
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
  });

  it('limits look-ups of one receipt number from every address together (a botnet guesses no faster)', async () => {
    // Per-address limit off, per-receipt limit 3: the addresses differ (X-Forwarded-For behind a trusted proxy).
    const perReceipt = await buildTestApp(makeTempDir().path, undefined, undefined, undefined, { RATE_LIMIT_LOOKUP_PER_MIN: '0', RATE_LIMIT_RECEIPT_PER_MIN: '3', TRUST_PROXY: 'true' });
    const guess = (receipt: string, i: number) => request(perReceipt.app).get(`/api/v1/submissions/${receipt}/status`).set('X-Forwarded-For', `203.0.113.${i}`).set('X-Receipt-Secret', `guess-${i}`);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await guess(i % 2 ? 'bbbb-cccc-dddd' : 'BBBB-CCCC-DDDD', i)).status); // the same receipt, written two ways
    expect(codes).toEqual([404, 404, 404, 429, 429]);
    expect((await guess('EEEE-FFFF-GGGG', 9)).status).toBe(404); // another receipt is not affected
    await perReceipt.storage.close();
  });

  it('answers an unknown receipt and a wrong secret identically (no existence oracle)', async () => {
    const other = await buildTestApp(makeTempDir().path);
    const sub = await request(other.app).post(url).send({ data: example() }).expect(201);
    const wrongSecret = await request(other.app).get(`/api/v1/submissions/${sub.body.receiptNumber}/status`).set('X-Receipt-Secret', 'wrong');
    const unknown = await request(other.app).get('/api/v1/submissions/AAAA-AAAA-AAAA/status').set('X-Receipt-Secret', 'wrong');
    expect(wrongSecret.status).toBe(unknown.status);
    expect({ ...wrongSecret.body.error, requestId: '' }).toEqual({ ...unknown.body.error, requestId: '' });
    await other.storage.close();
  });
});
