/**
 * Versions said plainly (issue #21) through real HTTP: the national preset, a
 * municipality's edition of it and a municipality's own form are named in
 * words that cannot collide, the same on the staff submission page, the inbox
 * list, the application PDF and the resident's status page (ja and en).
 */
import request from 'supertest';
import { buildInboxApp, MITO, risaiData, signIn, submit, type InboxApp } from '../helpers/inboxApp';
import { pdfText } from '../helpers/pdfText';

const binary = (r: request.Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = r as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('version wording', () => {
  let ctx: InboxApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  const cat = `/municipalities/${MITO}/catalog`;
  let n = 0;
  const desk = (name: string) => ({ id: `t${++n}`, type: 'setContactDesk', contactDesk: { name, phone: '029-224-1111' } });

  const said = async (s: { id: string; receiptNumber: string; secret: string }) => {
    const view = (await admin.client.get(`/municipalities/${MITO}/submissions/${s.id}`).expect(200)).body;
    const item = (await admin.client.get(`/municipalities/${MITO}/inbox?q=${s.receiptNumber}`).expect(200)).body.items[0];
    const status = (await request(ctx.app).get(`/api/v1/submissions/${s.receiptNumber}/status`).set('X-Receipt-Secret', s.secret).expect(200)).body;
    const statusEn = (await request(ctx.app).get(`/api/v1/submissions/${s.receiptNumber}/status?lang=en`).set('X-Receipt-Secret', s.secret).expect(200)).body;
    const pdf = await admin.client.get(`/municipalities/${MITO}/submissions/${s.id}/pdf`).buffer(true).parse(binary).expect(200);
    return { view: view.versionLabel, item: item.versionLabel, status: status.versionLabel, statusEn: statusEn.versionLabel, pdf: pdfText(pdf.body as Buffer)[0]! };
  };

  beforeAll(async () => {
    ctx = await buildInboxApp();
    admin = await signIn(ctx, 'municipal-admin', MITO);
  });
  afterAll(() => ctx.close());

  it('names the national preset as such', async () => {
    const w = await said(await submit(ctx, risaiData()));
    expect(w).toMatchObject({ view: '国の様式 第1版', item: '国の様式 第1版', status: '国の様式 第1版', statusEn: 'National form, edition 1' });
    expect(w.pdf).toContain('様式　国の様式 第1版');
  });

  it('names a municipal edition with its own number and the preset’s', async () => {
    let revision = (await admin.client.post(`${cat}/adoptions`, { presetId: 'risai-shomeisho' }).expect(201)).body.layer.revision;
    revision = (await admin.client.send('put', `${cat}/adoptions/risai-shomeisho/edits`, { ops: [desk('水戸市 資産税課')], revision }).expect(200)).body.layer.revision;
    await admin.client.post(`${cat}/adoptions/risai-shomeisho/publish`).expect(201);
    await admin.client.send('put', `${cat}/adoptions/risai-shomeisho/edits`, { ops: [desk('水戸市 防災課')], revision }).expect(200);
    expect((await admin.client.post(`${cat}/adoptions/risai-shomeisho/publish`).expect(201)).body.version).toBe(2);
    const w = await said(await submit(ctx, risaiData()));
    const ja = '水戸市版 第2版（国の様式 第1版に基づく）';
    expect(w).toMatchObject({ view: ja, item: ja, status: ja, statusEn: '水戸市 edition 2 (based on the national form, edition 1)' });
    expect(w.pdf.replace(/\s+/g, '')).toContain(`様式${ja.replace(/\s+/g, '')}`);
  });

  it('names a municipality’s own form', async () => {
    const form = { schema: { type: 'object', title: '見舞金の申請', required: ['note'], properties: { note: { type: 'string', title: '連絡事項', maxLength: 200 } } }, uiSchema: {} };
    await admin.client.post(`${cat}/procedures/import`, { id: 'mimai-shinsei', file: form }).expect(201);
    await admin.client.post(`${cat}/procedures/mimai-shinsei/publish`).expect(201);
    const created = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/mimai-shinsei/submissions`)
      .send({ data: { note: 'よろしく' } })
      .expect(201);
    const id = (await ctx.storage.submissions.findByReceiptNumber(created.body.receiptNumber))!.id;
    const w = await said({ id, receiptNumber: created.body.receiptNumber, secret: created.body.secret });
    expect(w).toMatchObject({ view: '水戸市 独自様式 第1版', item: '水戸市 独自様式 第1版', status: '水戸市 独自様式 第1版', statusEn: "水戸市's own form, edition 1" });
  });
});
