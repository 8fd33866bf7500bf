/**
 * Fuzzing the public routes with thousands of generated bad inputs: wrong
 * types, huge strings, deep nesting, invalid UTF-8, control characters, 外字
 * and emoji, prototype and operator keys, wrong content types, broken
 * multipart. Every answer must be a clear 4xx (or a 201 for input that
 * happens to be valid) — never a 5xx — and only accepted input is stored.
 * The generator is seeded, so a failure reproduces.
 */
import request from 'supertest';
import { buildTestApp, allPresets } from '../helpers/testApp';
import { makeTempDir } from '../helpers/tempDir';
import { prng } from '../helpers/seededRandom';

const MITO = '082015';
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0007\u001b[31m',
  '𠮷野家',
  '髙橋﨑',
  '①②Ⅲ㍻',
  '👨‍👩‍👧‍👦🏯',
  'ﾐﾄ ﾀﾛｳ',
  '\uD800',
  '\uFEFF',
  'a'.repeat(100_000),
  '<script>alert(1)</script>',
  "'; DROP TABLE submissions; --",
  '{"$gt":""}',
  '__proto__',
  '../../etc/passwd',
  '2026-02-30',
  '9999-99-99',
  '-1',
  '1e309',
  'NaN',
  '０１２３',
];

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * 10);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return Math.floor(rand() * 2 ** 40) * (rand() < 0.5 ? -1 : 1);
    case 3:
      return rand() * 1e308;
    case 4:
    case 5:
      return NASTY_STRINGS[Math.floor(rand() * NASTY_STRINGS.length)];
    case 6:
      return depth < 4 ? Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1)) : [];
    case 7:
      return depth < 4 ? { [NASTY_STRINGS[Math.floor(rand() * 6)]!]: randomValue(rand, depth + 1) } : {};
    case 8:
      return { $where: 'sleep(1000)' };
    default:
      return 'x'.repeat(Math.floor(rand() * 5000));
  }
}

/** Replaces one random leaf (or adds a key) somewhere in a copy of `value`. */
function mutate(value: unknown, rand: () => number): unknown {
  if (value === null || typeof value !== 'object') return randomValue(rand);
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  const keys = Object.keys(copy);
  if (keys.length === 0 || rand() < 0.15) {
    const key = rand() < 0.3 ? ['__proto__', 'constructor', '$ne'][Math.floor(rand() * 3)]! : `extra${Math.floor(rand() * 100)}`;
    Object.defineProperty(copy, key, { value: randomValue(rand), enumerable: true, configurable: true, writable: true });
    return copy;
  }
  const key = keys[Math.floor(rand() * keys.length)]!;
  copy[key] = rand() < 0.6 ? mutate(copy[key], rand) : randomValue(rand);
  return copy;
}

describe('fuzzing the public API', () => {
  const dir = makeTempDir();
  let ctx: Awaited<ReturnType<typeof buildTestApp>>;
  const procedures = allPresets().filter((p) => p.example);
  beforeAll(async () => {
    ctx = await buildTestApp(dir.path);
  });
  afterAll(async () => {
    await ctx.storage.close();
    dir.remove();
  });

  const expectClearAnswer = (res: request.Response, what: string) => {
    if (res.status >= 500) throw new Error(`${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    if (res.status >= 400) {
      expect(typeof res.body?.error?.message).toBe('string');
      expect(res.body.error.message.length).toBeGreaterThan(0);
    }
  };

  it(`survives ${procedures.length * 60} mutated submissions (seed ${SEED})`, async () => {
    const rand = prng(SEED);
    let accepted = 0;
    for (const preset of procedures) {
      const url = `/api/v1/municipalities/${MITO}/procedures/${preset.procedure.id}/submissions`;
      for (let i = 0; i < 60; i++) {
        let body: unknown = { data: preset.example };
        for (let m = 0; m < 1 + Math.floor(rand() * 3); m++) body = mutate(body, rand);
        const res = await request(ctx.app).post(url).set('Content-Type', 'application/json').send(JSON.stringify(body));
        expectClearAnswer(res, `${preset.procedure.id} #${i}`);
        if (res.status === 201) accepted++;
      }
    }
    expect(await ctx.storage.submissions.count(MITO)).toBe(accepted);
  });

  it('answers malformed bodies, wrong content types and invalid UTF-8 with 4xx', async () => {
    const url = `/api/v1/municipalities/${MITO}/procedures/risai-shomeisho/submissions`;
    const before = await ctx.storage.submissions.count(MITO);
    const cases: Array<[string, string | Buffer]> = [
      ['application/json', '{"data":'],
      ['application/json', '[]'],
      ['application/json', 'null'],
      ['application/json', '"data"'],
      ['application/json', Buffer.from([0x7b, 0x22, 0x64, 0x61, 0x74, 0x61, 0x22, 0x3a, 0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d, 0x7d])],
      ['application/json', `{"data":${'['.repeat(5000)}${']'.repeat(5000)}}`],
      ['application/json; charset=shift_jis', '{"data":{}}'],
      ['text/plain', '{"data":{}}'],
      ['application/x-www-form-urlencoded', 'data[a]=1&data[__proto__][x]=1'],
      ['multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}\r\n--zzz--'],
    ];
    for (const [type, body] of cases) {
      const res = await request(ctx.app).post(url).set('Content-Type', type).send(body);
      expectClearAnswer(res, `${type} ${String(body).slice(0, 40)}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    expect(await ctx.storage.submissions.count(MITO)).toBe(before);
  });

  it('answers broken multipart and odd uploads with 4xx', async () => {
    const rand = prng(SEED + 1);
    const url = `/api/v1/municipalities/${MITO}/uploads`;
    const token = 'fuzz-token-0123456789abcdef';
    const raw = [
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nnot closed',
      '--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nno filename\r\n--b--',
      '--b--',
      'garbage',
    ];
    for (const body of raw) {
      const res = await request(ctx.app).post(url).set('X-Upload-Token', token).set('Content-Type', 'multipart/form-data; boundary=b').send(body);
      expectClearAnswer(res, `multipart ${body.slice(0, 30)}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    for (let i = 0; i < 100; i++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(rand() * 2000) }, () => Math.floor(rand() * 256)));
      const res = await request(ctx.app)
        .post(url)
        .set('X-Upload-Token', token)
        .field('procedureId', rand() < 0.8 ? 'risai-shomeisho' : String(randomValue(rand)))
        .field('attachmentId', rand() < 0.8 ? 'damagePhotos' : 'x')
        .attach('file', bytes, NASTY_STRINGS[i % NASTY_STRINGS.length]!.slice(0, 200) || 'f');
      expectClearAnswer(res, `upload #${i}`);
    }
  });

  it('answers junk on status, drafts and unknown routes with 4xx', async () => {
    const rand = prng(SEED + 2);
    for (let i = 0; i < 200; i++) {
      const junk =
        i % 10 === 0
          ? '%E0%A4%A'
          : encodeURIComponent(
              String(randomValue(rand))
                .slice(0, 300)
                .replace(/[\uD800-\uDFFF]/g, '?'),
            );
      const draftBody = mutate({ municipalityCode: MITO, procedureId: 'risai-shomeisho', formVersion: 1, data: {}, attachments: {}, uploadToken: 'x'.repeat(30) }, rand) as object;
      const responses = await Promise.all([
        request(ctx.app).get(`/api/v1/submissions/${junk}/status`).set('X-Receipt-Secret', 'x'),
        request(ctx.app).get(`/api/v1/drafts/${junk}`).set('X-Resume-Secret', 'x'),
        request(ctx.app)
          .put(`/api/v1/drafts/${junk}`)
          .send({ data: randomValue(rand) }),
        request(ctx.app).post('/api/v1/drafts').send(draftBody),
        request(ctx.app).get(`/api/v1/municipalities/${junk}/procedures`),
      ]);
      responses.forEach((res, k) => expectClearAnswer(res, `junk #${i}.${k} ${k === 3 ? JSON.stringify(draftBody).slice(0, 400) : ''}`));
    }
  });
});
