/**
 * Text that is not text, and files piling up under one upload token, through
 * real HTTP on a real SQLite file: bytes that are not UTF-8 (`ED A0 80`, a
 * surrogate encoded as UTF-8) and unpaired surrogates (`"\ud800x"`) are
 * refused with 400 `invalid_text_encoding` in Japanese or English, in resident
 * and staff bodies and in upload names, and nothing is stored; one token holds
 * no more unsubmitted files than the procedure's attachments allow together.
 */
import request from 'supertest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildTestApp, allPresets } from '../helpers/testApp';
import type { Answers } from '../helpers/answers';
import { makeTempDir } from '../helpers/tempDir';
import { buildAuthApp, makeUser, MITO, StaffClient } from '../helpers/staffAuth';
import { inspectJson, isReadableText } from '../../server/src/http/inputGuards';
import { maxUnboundFiles } from '../../server/src/modules/uploads/uploadService';

const RISAI = 'risai-shomeisho';
const KYUSHOKUHI = 'jidou-teate-kyushokuhi'; // one attachment, 5 files
const submissions = `/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`;
const example = () => structuredClone(allPresets().find((p) => p.procedure.id === RISAI)!.example!) as Answers;
const photo = readFileSync(join(__dirname, '..', 'fixtures', 'photo.png'));
const token = () => randomBytes(18).toString('base64url');

/** A JSON body whose applicant name carries `raw` bytes in the middle of an otherwise valid UTF-8 string. */
function bodyWithBytes(raw: Buffer): Buffer {
  const data = example();
  data.householder.name.familyName = '@@';
  const [before, after] = JSON.stringify({ data }).split('@@') as [string, string];
  return Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from('水'), raw, Buffer.from(after, 'utf8')]);
}

/** Sends `body` byte for byte (superagent would JSON-encode a Buffer sent as application/json). */
const raw = (req: request.Test, body: Buffer | string, contentType = 'application/json') =>
  req
    .set('Content-Type', contentType)
    .serialize((b: unknown) => b as string)
    .send(body as unknown as string);

/** A multipart upload whose file name is `name` as raw bytes. */
function multipart(procedureId: string, attachmentId: string, name: Buffer): { body: Buffer; type: string } {
  const boundary = 'madoguchi-test-boundary';
  const part = (headers: string) => Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`);
  const body = Buffer.concat([
    part('Content-Disposition: form-data; name="procedureId"'),
    Buffer.from(`${procedureId}\r\n`),
    part('Content-Disposition: form-data; name="attachmentId"'),
    Buffer.from(`${attachmentId}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
    name,
    Buffer.from('"\r\nContent-Type: image/png\r\n\r\n'),
    photo,
    Buffer.from('\r\n'),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

const JA = '送信されたデータに、文字として読み取れない部分（UTF-8 でないバイト列や、対になっていないサロゲート）が含まれています。保存されていません。入力し直してください。';

describe('text guard', () => {
  it('finds unpaired surrogates in values and keys, and lets pairs (emoji) and Japanese through', () => {
    expect(inspectJson(JSON.parse('{"data":{"name":"\\ud800x"}}'))).toBe('invalid-text');
    expect(inspectJson(JSON.parse('{"data":{"\\udc00":"x"}}'))).toBe('invalid-text');
    expect(inspectJson(JSON.parse('{"data":["a","\\ud83d"]}'))).toBe('invalid-text');
    expect(inspectJson({ data: { name: '水戸 花子 😀' } })).toBeUndefined();
    expect(isReadableText('被害写真.png')).toBe(true);
    expect(isReadableText('\uFFFD\uFFFD\uFFFD.png')).toBe(false);
  });
});

describe('resident bodies and uploads', () => {
  const dir = makeTempDir();
  let ctx: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    ctx = await buildTestApp(dir.path, undefined, undefined, undefined, { RATE_LIMIT_INTAKE_PER_MIN: '0', RATE_LIMIT_UPLOAD_PER_MIN: '0' });
  });
  afterAll(async () => {
    await ctx.storage.close();
    dir.remove();
  });

  it('refuses bytes that are not UTF-8 (ED A0 80) with 400 in Japanese, storing nothing', async () => {
    const res = await raw(request(ctx.app).post(submissions), bodyWithBytes(Buffer.from([0xed, 0xa0, 0x80]))).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_text_encoding', message: JA });
    const latin1 = await raw(request(ctx.app).post(submissions), bodyWithBytes(Buffer.from([0xff, 0xfe]))).expect(400);
    expect(latin1.body.error.code).toBe('invalid_text_encoding');
    expect(await ctx.storage.submissions.count(MITO)).toBe(0);
  });

  it('refuses an escaped unpaired surrogate (\\ud800x) with 400 in English when asked, storing nothing', async () => {
    const body = JSON.stringify({ data: example() }).replace('"水戸"', '"\\ud800x"');
    expect(body).toContain('\\ud800x');
    const res = await raw(request(ctx.app).post(`${submissions}?lang=en`), body).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_text_encoding', message: expect.stringContaining('not valid text') });
    const draft = JSON.stringify({ municipalityCode: MITO, procedureId: RISAI, formVersion: 1, data: { note: '\ud800x' }, attachments: {}, uploadToken: token() });
    expect((await raw(request(ctx.app).post('/api/v1/drafts'), draft).expect(400)).body.error.code).toBe('invalid_text_encoding');
    expect(await ctx.storage.submissions.count(MITO)).toBe(0);
  });

  it('still takes well-formed text: Japanese and emoji', async () => {
    const data = example();
    data.householder.name.familyName = '水戸😀';
    await request(ctx.app)
      .post(submissions)
      .send({ data })
      .expect((res) => expect(res.body.error?.code).not.toBe('invalid_text_encoding'));
  });

  it('refuses a file name that is not UTF-8, storing no file', async () => {
    const uploadToken = token();
    const upload = (name: Buffer) => {
      const { body, type } = multipart(RISAI, 'damagePhotos', name);
      return raw(request(ctx.app).post(`/api/v1/municipalities/${MITO}/uploads`).set('X-Upload-Token', uploadToken), body, type);
    };
    const res = await upload(Buffer.concat([Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('.png')])).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_text_encoding', message: JA });
    expect(await ctx.storage.files.countUnbound(uploadToken)).toBe(0);
    expect((await upload(Buffer.from('被害写真.png', 'utf8')).expect(201)).body.fileName).toBe('被害写真.png');
  });

  it("caps the unsubmitted files of one upload token at what the procedure's attachments allow together", async () => {
    const procedure = allPresets().find((p) => p.procedure.id === KYUSHOKUHI)!.procedure;
    const cap = maxUnboundFiles(procedure);
    expect(cap).toBe(5);
    const uploadToken = token();
    const upload = () =>
      request(ctx.app)
        .post(`/api/v1/municipalities/${MITO}/uploads`)
        .set('X-Upload-Token', uploadToken)
        .field('procedureId', KYUSHOKUHI)
        .field('attachmentId', procedure.attachments[0]!.id)
        .attach('file', photo, 'notice.png');
    const ids: string[] = [];
    for (let i = 0; i < cap; i++) ids.push((await upload().expect(201)).body.fileId);
    const refused = await upload().expect(409);
    expect(refused.body.error).toMatchObject({ code: 'too_many_files', message: 'この申請に添付できるファイルは合計5件までです。不要なファイルを削除してから、もう一度お試しください。' });
    expect(await ctx.storage.files.countUnbound(uploadToken)).toBe(cap);
    // Taking one back makes room again.
    await request(ctx.app).delete(`/api/v1/uploads/${ids[0]}`).set('X-Upload-Token', uploadToken).expect(204);
    await upload().expect(201);
    // Another token is not affected.
    await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/uploads`)
      .set('X-Upload-Token', token())
      .field('procedureId', KYUSHOKUHI)
      .field('attachmentId', procedure.attachments[0]!.id)
      .attach('file', photo, 'notice.png')
      .expect(201);
  });
});

describe('staff bodies', () => {
  it('refuses bytes that are not UTF-8 and unpaired surrogates in a staff body, saving nothing', async () => {
    const ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' });
    try {
      const clerk = new StaffClient(ctx.app);
      expect((await clerk.login((await makeUser(ctx.storage, 'municipal-admin', MITO)).email)).status).toBe(200);
      const path = `/api/v1/staff/municipalities/${MITO}/catalog/procedures`;
      const bytes = Buffer.concat([Buffer.from('{"id":"moji-bake","title":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
      const res = await raw(clerk.agent.post(path).set('X-CSRF-Token', clerk.csrf), bytes).expect(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_text_encoding', message: JA });
      const escaped = await raw(clerk.agent.post(path).set('X-CSRF-Token', clerk.csrf), '{"id":"moji-bake","title":"\\ud800x"}').expect(400);
      expect(escaped.body.error.code).toBe('invalid_text_encoding');
      expect(await ctx.storage.procedures.getLatest(MITO, 'moji-bake')).toBeNull();
      // JSON Schemas keep their `$`-keys in staff bodies.
      await clerk
        .post(`/municipalities/${MITO}/catalog/procedures/import`, {
          id: 'moji-ok',
          file: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { a: { type: 'string', title: 'A' } } },
        })
        .expect(201);
    } finally {
      await ctx.close();
    }
  });
});
