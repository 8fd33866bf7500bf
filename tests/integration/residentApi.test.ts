/** Uploads, drafts behind resume links, the PDF copy and housekeeping — through real HTTP on a real SQLite file. */
import request from 'supertest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildTestApp, allPresets } from '../helpers/testApp';
import { makeTempDir } from '../helpers/tempDir';
import { runCleanup } from '../../server/src/modules/maintenance/cleanup';
import { myNumberCheckDigit } from '@madoguchi/shared';
import type { Answers } from '../helpers/answers';

const MITO = '082015';
const RISAI = 'risai-shomeisho';
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));
const example = () => structuredClone(allPresets().find((p) => p.procedure.id === RISAI)!.example!) as Answers;
const token = () => randomBytes(18).toString('base64url');

describe('resident API', () => {
  const dir = makeTempDir();
  let ctx: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    ctx = await buildTestApp(dir.path);
  });
  afterAll(async () => {
    await ctx.storage.close();
    dir.remove();
  });

  const uploadPhoto = (uploadToken: string, name = '被害写真（南側）.png', content = fixture('photo.png'), attachmentId = 'damagePhotos') =>
    request(ctx.app).post(`/api/v1/municipalities/${MITO}/uploads`).set('X-Upload-Token', uploadToken).field('procedureId', RISAI).field('attachmentId', attachmentId).attach('file', content, name);

  it('accepts a photo, keeping its Japanese name, and binds it to the submission', async () => {
    const uploadToken = token();
    const up = await uploadPhoto(uploadToken).expect(201);
    expect(up.body).toMatchObject({ fileName: '被害写真（南側）.png', mediaType: 'image/png', size: fixture('photo.png').length });
    const data = example();
    data.damage = { ...data.damage, selfAssessment: true, selfAssessmentAgreement: true };
    const res = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
      .send({ data, attachments: { damagePhotos: [up.body.fileId] }, uploadToken });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    const stored = await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber);
    expect(stored!.attachments).toEqual({ damagePhotos: [up.body.fileId] });
    expect((await ctx.storage.files.getMeta(up.body.fileId))!.submissionId).toBe(stored!.id);
    // A bound file cannot be taken back or reused.
    await request(ctx.app).delete(`/api/v1/uploads/${up.body.fileId}`).set('X-Upload-Token', uploadToken).expect(404);
  });

  it('requires the photos when the resident asks for self-assessment, naming the attachment in Japanese', async () => {
    const data = example();
    data.damage = { ...data.damage, selfAssessment: true };
    const res = await request(ctx.app).post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`).send({ data }).expect(422);
    expect(res.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/attachments/damagePhotos', message: expect.stringContaining('を添付してください') })]));
  });

  it('judges file types by content, not by name', async () => {
    const res = await uploadPhoto(token(), '写真.jpg', fixture('not-an-image.jpg')).expect(415);
    expect(res.body.error.message).toBe('「写真.jpg」は添付できない種類のファイルです。JPEG、PNG、HEIC、PDFのファイルを選んでください。');
    await uploadPhoto(token(), 'scan.pdf', fixture('doc.pdf')).expect(201);
  });

  it('refuses files over the limit with 413, and bad tokens or unknown attachments clearly', async () => {
    const big = Buffer.concat([fixture('photo.png'), Buffer.alloc(11 * 1024 * 1024)]);
    const res = await uploadPhoto(token(), 'big.png', big).expect(413);
    expect(res.body.error.message).toMatch(/大きすぎます|MB/);
    await uploadPhoto('short').expect(400);
    await uploadPhoto(token(), 'a.png', fixture('photo.png'), 'noSuchAttachment').expect(404);
  });

  it("does not accept another applicant's file", async () => {
    const up = await uploadPhoto(token()).expect(201);
    const data = example();
    const res = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
      .send({ data, attachments: { locationMap: [up.body.fileId] }, uploadToken: token() })
      .expect(422);
    expect(res.body.error.fields[0].pointer).toBe('/attachments/locationMap');
  });

  it('lets a resident take a file back before submitting', async () => {
    const uploadToken = token();
    const up = await uploadPhoto(uploadToken).expect(201);
    await request(ctx.app).delete(`/api/v1/uploads/${up.body.fileId}`).set('X-Upload-Token', token()).expect(404);
    await request(ctx.app).delete(`/api/v1/uploads/${up.body.fileId}`).set('X-Upload-Token', uploadToken).expect(204);
    expect(await ctx.storage.files.getMeta(up.body.fileId)).toBeNull();
  });

  it('keeps a draft behind a secret resume link, and only the secret opens it', async () => {
    const body = { municipalityCode: MITO, procedureId: RISAI, formVersion: 1, data: { householder: { name: { familyName: '水戸' } } }, attachments: {}, uploadToken: token() };
    const created = await request(ctx.app).post('/api/v1/drafts').send(body).expect(201);
    expect(created.body.resumePath).toBe(`/resume/${created.body.draftId}#${created.body.secret}`);
    const got = await request(ctx.app).get(`/api/v1/drafts/${created.body.draftId}`).set('X-Resume-Secret', created.body.secret).expect(200);
    expect(got.body).toMatchObject({ procedureId: RISAI, data: body.data });
    await request(ctx.app).get(`/api/v1/drafts/${created.body.draftId}`).set('X-Resume-Secret', 'guess').expect(404);
    await request(ctx.app)
      .put(`/api/v1/drafts/${created.body.draftId}`)
      .set('X-Resume-Secret', created.body.secret)
      .send({ ...body, data: { copies: 2 } })
      .expect(200);
    expect((await request(ctx.app).get(`/api/v1/drafts/${created.body.draftId}`).set('X-Resume-Secret', created.body.secret)).body.data).toEqual({ copies: 2 });
    await request(ctx.app)
      .post('/api/v1/drafts')
      .send({ ...body, uploadToken: 'x' })
      .expect(400);
    await request(ctx.app).delete(`/api/v1/drafts/${created.body.draftId}`).set('X-Resume-Secret', created.body.secret).expect(204);
    await request(ctx.app).get(`/api/v1/drafts/${created.body.draftId}`).set('X-Resume-Secret', created.body.secret).expect(404);
  });

  it('gives the resident a Japanese PDF copy, only with the secret', async () => {
    const sub = await request(ctx.app).post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`).send({ data: example() }).expect(201);
    const pdf = await request(ctx.app)
      .get(`/api/v1/submissions/${sub.body.receiptNumber}/pdf`)
      .set('X-Receipt-Secret', sub.body.secret)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
    expect(bytes.toString('latin1')).toContain('NotoSansJP'); // the Japanese font is embedded
    await request(ctx.app).get(`/api/v1/submissions/${sub.body.receiptNumber}/pdf`).set('X-Receipt-Secret', 'nope').expect(404);
  });

  it('removes files never submitted once they are older than the limit, and nothing else', async () => {
    await request(ctx.app).post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`).send({ data: example() }).expect(201);
    const up = await uploadPhoto(token()).expect(201);
    const later = new Date(Date.now() + (ctx.config.abandonedUploadHours + 1) * 3600_000);
    const removed = await runCleanup(ctx.storage, ctx.config.abandonedUploadHours, later);
    expect(removed.files).toBeGreaterThanOrEqual(1);
    expect(await ctx.storage.files.getMeta(up.body.fileId)).toBeNull();
    expect(await ctx.storage.submissions.count(MITO)).toBeGreaterThanOrEqual(1);
  });

  it('keeps personal data sealed in the database file', async () => {
    // Only the applicant's name and reading are kept in clear, as the inbox's search index (see SECURITY.md).
    const data = example();
    const myNumber = `43219876543${myNumberCheckDigit('43219876543')}`; // appears nowhere in the presets
    const statement = '秘密の被害状況：北側の壁が崩落';
    data.damage = { ...data.damage, statement };
    const res = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
      .send({ data: { ...data, applicantMyNumberProbe: myNumber } });
    expect(res.status).toBe(201);
    await request(ctx.app)
      .post('/api/v1/drafts')
      .send({ municipalityCode: MITO, procedureId: RISAI, formVersion: 1, data: { myNumber, name: '下書太郎' }, attachments: {}, uploadToken: token() })
      .expect(201);
    for (const file of readdirSync(dir.path).filter((f) => f.startsWith('madoguchi.sqlite'))) {
      const raw = readFileSync(join(dir.path, file));
      expect(raw.includes(Buffer.from(myNumber))).toBe(false);
      expect(raw.includes(Buffer.from(statement))).toBe(false);
      expect(raw.includes(Buffer.from('下書太郎'))).toBe(false);
    }
  });
});
