/**
 * What changed (issue #21) through real HTTP: after a 補正 round trip the clerk
 * reads revision 2 against revision 1 — changed answers with old and new
 * values and the labels of the form, the file added — and a changed 個人番号
 * only as "changed", never its digits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildInboxApp, MITO, risaiData, signIn, submit, upload, uploadToken, type InboxApp } from '../helpers/inboxApp';

const MY_NUMBER = '123456789018';
const NEW_MY_NUMBER = '987654321018';
const form = {
  schema: {
    type: 'object',
    title: '見舞金の申請',
    required: ['applicantName'],
    properties: {
      applicantName: { type: 'string', title: '申請者の氏名', maxLength: 40 },
      myNumber: { type: 'string', title: '個人番号', format: 'my-number' },
      note: { type: 'string', title: '連絡事項', maxLength: 200 },
    },
  },
  uiSchema: {},
};

describe('revision diff', () => {
  let ctx: InboxApp;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  const diffPath = (id: string, n: number | string) => `/municipalities/${MITO}/submissions/${id}/revisions/${n}/diff`;

  /** Clerk asks for the fields, the resident answers with `changes` (and files): revision 2. */
  async function correct(s: { id: string; receiptNumber: string; secret: string }, fields: string[], answer: Record<string, unknown>) {
    const path = `/municipalities/${MITO}/submissions/${s.id}`;
    await clerk.client.post(`${path}/status`, { to: 'in-review' }).expect(200);
    await clerk.client.post(`${path}/correction-request`, { message: 'ご確認ください。', fields, expected: 'in-review' }).expect(200);
    await request(ctx.app)
      .post(`/api/v1/submissions/${s.receiptNumber}/correction`)
      .set('X-Receipt-Secret', s.secret)
      .send({ revision: 1, ...answer })
      .expect(200);
  }

  beforeAll(async () => {
    ctx = await buildInboxApp();
    clerk = await signIn(ctx, 'staff', MITO);
  });
  afterAll(() => ctx.close());

  it('shows changed answers with old and new values, labelled by the form, and the file added', async () => {
    const s = await submit(ctx, risaiData());
    const token = uploadToken();
    const fileId = await upload(ctx.app, token, readFileSync(join(__dirname, '..', 'fixtures', 'photo.png')), '追加の写真.png');
    await correct(s, ['/householder/name/givenName', '/currentContact/phone'], {
      changes: { '/householder/name/givenName': '太朗', '/currentContact/phone': '029-224-2222' },
      attachments: { damagePhotos: [fileId] },
      uploadToken: token,
    });
    const res = await clerk.client.get(diffPath(s.id, 2)).expect(200);
    expect(res.body).toMatchObject({ revision: 2, previous: 1 });
    expect(res.body.answers).toEqual([
      { pointer: '/householder/name/givenName', label: '世帯主 › 世帯主の氏名 › 名', change: 'changed', before: '太郎', after: '太朗' },
      { pointer: '/currentContact/phone', label: '現在の連絡先 › 日中に連絡がつく電話番号', change: 'changed', before: '029-224-1111', after: '029-224-2222' },
    ]);
    expect(res.body.files).toEqual([{ specId: 'damagePhotos', label: '被害状況の写真', change: 'added', fileId, fileName: '追加の写真.png' }]);
    const audit = await ctx.storage.audit.list({ targetId: s.id, limit: 50 });
    expect(audit.some((e) => e.action === 'submission.read' && (e.details as { comparedWith?: number })?.comparedWith === 1)).toBe(true);
  });

  it('never shows a sensitive answer in clear: only that it changed', async () => {
    const admin = await signIn(ctx, 'municipal-admin', MITO);
    const cat = `/municipalities/${MITO}/catalog`;
    await admin.client.post(`${cat}/procedures/import`, { id: 'mimai-shinsei', file: form }).expect(201);
    await admin.client.post(`${cat}/procedures/mimai-shinsei/publish`).expect(201);
    const created = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/mimai-shinsei/submissions`)
      .send({ data: { applicantName: '水戸 花子', myNumber: MY_NUMBER } })
      .expect(201);
    const s = { ...created.body, id: (await ctx.storage.submissions.findByReceiptNumber(created.body.receiptNumber))!.id };
    await correct(s, ['/myNumber', '/note'], { changes: { '/myNumber': NEW_MY_NUMBER, '/note': '午前中に連絡可' } });
    const res = await clerk.client.get(diffPath(s.id, 2)).expect(200);
    expect(res.body.answers).toEqual([
      { pointer: '/myNumber', label: '個人番号', change: 'changed', before: null, after: null, sensitive: true },
      { pointer: '/note', label: '連絡事項', change: 'added', before: null, after: '午前中に連絡可' },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/123456789018|987654321018|9018/);
  });

  it('answers 404 for revision 1, a revision that does not exist and a malformed number (in the user’s language)', async () => {
    const s = await submit(ctx, risaiData());
    expect((await clerk.client.get(diffPath(s.id, 1)).expect(404)).body.error.code).toBe('revision_not_found');
    expect((await clerk.client.get(diffPath(s.id, 3)).expect(404)).body.error.message).toMatch(/版/);
    expect((await clerk.client.get(diffPath(s.id, 'x')).expect(404)).body.error.code).toBe('revision_not_found');
  });

  it('is for the municipality’s staff only', async () => {
    const s = await submit(ctx, risaiData());
    await request(ctx.app)
      .get(`/api/v1/staff${diffPath(s.id, 2)}`)
      .expect(401);
  });
});
