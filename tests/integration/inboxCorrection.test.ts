/**
 * The 補正依頼 round trip through real HTTP: a clerk asks for corrections,
 * the resident reads the request with the receipt secret, answers with a
 * message, corrected answers and a new file; the answer is validated against
 * the submission's own version and becomes revision 2, earlier answers stay readable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildInboxApp, MITO, risaiData, signIn, submit, upload, uploadToken, type InboxApp } from '../helpers/inboxApp';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));

describe('correction request (補正依頼) round trip', () => {
  let ctx: InboxApp;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let s: Awaited<ReturnType<typeof submit>>;
  const staffPath = (rest = '') => `/municipalities/${MITO}/submissions/${s.id}${rest}`;
  const resident = () => request(ctx.app);

  beforeAll(async () => {
    ctx = await buildInboxApp();
    clerk = await signIn(ctx, 'staff', MITO, { displayName: '窓口 花子' });
    s = await submit(
      ctx,
      risaiData((d) => (d.currentContact.email = 'taro@example.jp')),
    );
  });
  afterAll(() => ctx.close());

  it('cannot be answered before it is requested', async () => {
    const res = await resident().post(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', s.secret).send({ message: 'こんにちは' }).expect(409);
    expect(res.body.error.code).toBe('no_open_correction');
    const view = await resident().get(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', s.secret).expect(200);
    expect(view.body).toMatchObject({ status: 'received', request: null, revision: 1 });
  });

  it('is sent by the clerk with the answers to correct, and shown on the status page', async () => {
    await clerk.client.post(staffPath('/status'), { to: 'in-review' }).expect(200);
    await clerk.client.post(staffPath('/correction-request'), { message: '' }).expect(400);
    await clerk.client.post(staffPath('/correction-request'), { message: 'x', fields: ['not a pointer'] }).expect(400);
    const res = await clerk.client
      .post(staffPath('/correction-request'), {
        message: '世帯主の名前と電話番号をご確認ください。写真も追加してください。',
        fields: ['/householder/name/givenName', '/currentContact/phone'],
        expected: 'in-review',
      })
      .expect(200);
    expect(res.body.status).toBe('correction-requested');
    const status = await resident().get(`/api/v1/submissions/${s.receiptNumber}/status`).set('X-Receipt-Secret', s.secret).expect(200);
    expect(status.body).toMatchObject({
      status: 'correction-requested',
      statusLabel: '補正依頼中',
      messages: [expect.objectContaining({ text: '世帯主の名前と電話番号をご確認ください。写真も追加してください。' })],
    });
  });

  it('is read by the resident with the receipt secret only, with labels and current values', async () => {
    await resident().get(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', 'wrong').expect(404);
    await resident().get(`/api/v1/submissions/${s.receiptNumber}/correction`).expect(404);
    const view = await resident().get(`/api/v1/submissions/${s.receiptNumber.toLowerCase()}/correction`).set('X-Receipt-Secret', s.secret).expect(200);
    expect(view.body.request).toMatchObject({
      message: '世帯主の名前と電話番号をご確認ください。写真も追加してください。',
      fields: [
        { pointer: '/householder/name/givenName', group: '世帯主 › 世帯主の氏名', label: '名', input: 'text', value: '太郎', maxLength: 30 },
        { pointer: '/currentContact/phone', group: '現在の連絡先', label: '日中に連絡がつく電話番号', input: 'tel', value: '029-224-1111' },
      ],
    });
    expect(view.body.attachments.find((a: { id: string }) => a.id === 'damagePhotos')).toMatchObject({ label: '被害状況の写真', files: [] });
    const audit = await ctx.storage.audit.list({ targetId: s.id, limit: 20 });
    expect(audit.some((e) => e.action === 'submission.read' && e.actor === `applicant:${s.receiptNumber}`)).toBe(true);
  });

  it('refuses changes to answers that were not asked about, and invalid answers (per field, in Japanese)', async () => {
    const answer = (body: object) => resident().post(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', s.secret).send(body);
    expect((await answer({ changes: { '/householder/name/familyName': '日立' } }).expect(400)).body.error.code).toBe('field_not_requested');
    expect((await answer({}).expect(400)).body.error.code).toBe('empty_answer');
    const invalid = await answer({ changes: { '/currentContact/phone': 'abc' } }).expect(422);
    expect(invalid.body.error.fields).toEqual([expect.objectContaining({ pointer: '/currentContact/phone' })]);
    await answer({ message: 'x', revision: 5 }).expect(409);
    expect((await ctx.storage.inbox.getMeta(s.id))!.revision).toBe(1);
  });

  it('stores the answer as revision 2, binds the new file, and tells the clerk', async () => {
    const token = uploadToken();
    const fileId = await upload(ctx.app, token, fixture('photo.png'), '追加の写真.png');
    const res = await resident()
      .post(`/api/v1/submissions/${s.receiptNumber}/correction`)
      .set('X-Receipt-Secret', s.secret)
      .send({
        message: '名前を直しました。写真を追加します。',
        changes: { '/householder/name/givenName': '太朗', '/currentContact/phone': '029-224-2222' },
        attachments: { damagePhotos: [fileId] },
        uploadToken: token,
        revision: 1,
      })
      .expect(200);
    expect(res.body).toEqual({ revision: 2, status: 'resubmitted' });

    const list = await clerk.client.get(`/municipalities/${MITO}/inbox?q=${encodeURIComponent('水戸太朗')}`).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: s.id, status: 'resubmitted', revision: 2, unread: true, applicantName: '水戸太朗' })]);
    const view = await clerk.client.get(staffPath()).expect(200);
    expect(view.body).toMatchObject({ revision: 2, status: 'resubmitted', revisions: [{ revision: 1 }] });
    expect(view.body.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/householder/name/givenName', value: '太朗' }),
        expect.objectContaining({ pointer: '/currentContact/phone', value: '029-224-2222' }),
      ]),
    );
    expect(view.body.attachments[0].files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    expect(view.body.messages.map((m: { kind: string; body: string; authorName: string }) => [m.kind, m.authorName, m.body])).toEqual([
      ['correction-request', '窓口 花子', '世帯主の名前と電話番号をご確認ください。写真も追加してください。'],
      ['correction-answer', '申請者', '名前を直しました。写真を追加します。'],
    ]);
    expect(view.body.history.map((h: { to: string; byName: string }) => [h.to, h.byName])).toEqual([
      ['received', '申請者'],
      ['in-review', '窓口 花子'],
      ['correction-requested', '窓口 花子'],
      ['resubmitted', '申請者'],
    ]);
    // The attachment is the submission's now: the clerk can download it.
    await clerk.client.get(staffPath(`/files/${fileId}`)).expect(200);
  });

  it('keeps the earlier revision readable for both sides', async () => {
    const staffRev = await clerk.client.get(staffPath('/revisions/1')).expect(200);
    expect(staffRev.body.answers).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/householder/name/givenName', value: '太郎' })]));
    await clerk.client.get(staffPath('/revisions/2')).expect(404);
    const residentRev = await resident().get(`/api/v1/submissions/${s.receiptNumber}/revisions/1`).set('X-Receipt-Secret', s.secret).expect(200);
    expect(residentRev.body.answers).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/currentContact/phone', value: '029-224-1111' })]));
    await resident().get(`/api/v1/submissions/${s.receiptNumber}/revisions/1`).set('X-Receipt-Secret', 'nope').expect(404);
    const view = await resident().get(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', s.secret).expect(200);
    expect(view.body).toMatchObject({ status: 'resubmitted', request: null, revision: 2, revisions: [{ revision: 1 }] });
    expect(view.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['correction-request', 'correction-answer']);
  });

  it('cannot be answered twice; the clerk may ask again and then complete', async () => {
    await resident().post(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', s.secret).send({ message: 'もう一度' }).expect(409);
    await clerk.client.post(staffPath('/correction-request'), { message: '住所も確認させてください。', fields: ['/householder/address'] }).expect(200);
    const view = await resident().get(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', s.secret).expect(200);
    expect(view.body.request.fields.map((f: { pointer: string }) => f.pointer)).toEqual([
      '/householder/address/postalCode',
      '/householder/address/prefecture',
      '/householder/address/city',
      '/householder/address/street',
    ]);
    await resident().post(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', s.secret).send({ message: '住所は正しいです。' }).expect(200);
    await clerk.client.post(staffPath('/status'), { to: 'accepted' }).expect(200);
    await clerk.client.post(staffPath('/status'), { to: 'completed' }).expect(200);
    expect((await ctx.storage.inbox.listRevisions(s.id)).map((r) => r.revision)).toEqual([1, 2]);
  });
});
