/**
 * The staff inbox through real HTTP (supertest) on a real SQLite file with
 * the real presets and the real sign-in: listing and filters, the submission
 * view with the labels of its own form version, legal and illegal status
 * moves, assignment, notes, attachments, PDF, figures, and access refused
 * across municipalities.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { PRESET_OWNER } from '@madoguchi/shared';
import { buildInboxApp, MITO, RISAI, SAPPORO, risaiData, setHouseholder, signIn, submit, upload, uploadToken, type InboxApp } from '../helpers/inboxApp';
import { pdfText } from '../helpers/pdfText';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));
const inbox = `/municipalities/${MITO}/inbox`;
const sub = (id: string, rest = '') => `/municipalities/${MITO}/submissions/${id}${rest}`;

describe('staff inbox API', () => {
  let ctx: InboxApp;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let colleague: Awaited<ReturnType<typeof signIn>>;
  const subs: Array<Awaited<ReturnType<typeof submit>>> = [];

  beforeAll(async () => {
    ctx = await buildInboxApp();
    clerk = await signIn(ctx, 'staff', MITO, { displayName: '窓口 花子' });
    colleague = await signIn(ctx, 'staff', MITO, { displayName: '審査 次郎' });
    const people: Array<[string, string, string, string]> = [
      ['水戸', '太郎', 'ミト', 'タロウ'],
      ['日立', '一郎', 'ヒタチ', 'イチロウ'],
      ['水戸', '花子', 'ミト', 'ハナコ'],
    ];
    for (const p of people)
      subs.push(
        await submit(
          ctx,
          risaiData((d) => setHouseholder(d, ...p)),
        ),
      );
  });
  afterAll(() => ctx.close());

  it('lists the municipality’s submissions newest first, unread, with names, counts and keyset pages', async () => {
    const res = await clerk.client.get(`${inbox}?limit=2`).expect(200);
    expect(res.body.items.map((i: { receiptNumber: string }) => i.receiptNumber)).toEqual([subs[2]!.receiptNumber, subs[1]!.receiptNumber]);
    expect(res.body.items[0]).toMatchObject({
      applicantName: '水戸花子',
      applicantKana: 'ミトハナコ',
      status: 'received',
      statusLabel: '到達',
      unread: true,
      procedureTitle: '罹災証明書の発行申請',
      assignee: null,
    });
    expect(res.body.counts).toEqual({ received: 3 });
    const next = await clerk.client.get(`${inbox}?limit=2&after=${encodeURIComponent(res.body.next)}`).expect(200);
    expect(next.body.items.map((i: { receiptNumber: string }) => i.receiptNumber)).toEqual([subs[0]!.receiptNumber]);
    expect(next.body.next).toBeNull();
    const audit = await ctx.storage.audit.list({ municipalityCode: MITO, limit: 5 });
    expect(audit.find((e) => e.action === 'inbox.list' && e.actor === clerk.user.id)!.details.shown).toEqual([subs[0]!.receiptNumber]);
  });

  it('searches by receipt number (as typed), by reading and by name prefix', async () => {
    const typed = subs[1]!.receiptNumber.toLowerCase().replace(/-/g, ' ');
    expect((await clerk.client.get(`${inbox}?q=${encodeURIComponent(typed)}`).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([subs[1]!.id]);
    const kana = await clerk.client.get(`${inbox}?q=${encodeURIComponent('みと')}`).expect(200);
    expect(kana.body.items.map((i: { id: string }) => i.id)).toEqual([subs[2]!.id, subs[0]!.id]);
    const name = await clerk.client.get(`${inbox}?q=${encodeURIComponent('水戸 太')}`).expect(200);
    expect(name.body.items.map((i: { id: string }) => i.id)).toEqual([subs[0]!.id]);
    await clerk.client.get(`${inbox}?status=nonsense`).expect(400);
    await clerk.client.get(`${inbox}?after=garbage`).expect(400);
  });

  it('shows a submission with the labels of the version it was submitted on, and marks it read (audited)', async () => {
    // The preset gets a new version with other wording: the old submission keeps its own labels.
    const v1 = (await ctx.storage.procedures.getPublished(PRESET_OWNER, RISAI))!;
    const schema = structuredClone(v1.schema);
    schema.properties.householder.title = '世帯主（新しい文言）';
    const draft = await ctx.storage.procedures.createDraft({ procedure: v1.procedure, schema, uiSchema: v1.uiSchema, contentHash: 'v2' }, new Date());
    await ctx.storage.procedures.publishDraft(PRESET_OWNER, RISAI, draft.version, new Date());

    const view = await clerk.client.get(sub(subs[0]!.id)).expect(200);
    expect(view.body).toMatchObject({
      receiptNumber: subs[0]!.receiptNumber,
      formVersion: v1.version,
      status: 'received',
      revision: 1,
      signature: { policy: v1.procedure.signaturePolicy, status: 'none' },
    });
    const labels = view.body.answers.map((a: { label: string }) => a.label);
    expect(labels).toContain('世帯主');
    expect(labels).not.toContain('世帯主（新しい文言）');
    expect(view.body.answers).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/householder/name/familyName', label: '氏（姓）', value: '水戸' })]));
    expect(view.body.transitions.map((t: { to: string }) => t.to)).toEqual(['in-review', 'rejected', 'withdrawn']);
    expect(view.body.history).toEqual([expect.objectContaining({ from: null, to: 'received', byName: '申請者' })]);
    const list = await clerk.client.get(inbox).expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === subs[0]!.id).unread).toBe(false);
    expect((await colleague.client.get(inbox).expect(200)).body.items.find((i: { id: string }) => i.id === subs[0]!.id).unread).toBe(true);
    const events = await ctx.storage.audit.list({ targetId: subs[0]!.id, limit: 10 });
    expect(events.find((e) => e.action === 'submission.read')).toMatchObject({ actor: clerk.user.id, municipalityCode: MITO, details: { receiptNumber: subs[0]!.receiptNumber } });
    // A submission made now uses the new wording.
    const fresh = await submit(ctx);
    expect((await clerk.client.get(sub(fresh.id)).expect(200)).body.answers.map((a: { label: string }) => a.label)).toContain('世帯主（新しい文言）');
  });

  it('moves statuses only as the transitions table allows', async () => {
    const id = subs[1]!.id;
    const illegal = await clerk.client.post(sub(id, '/status'), { to: 'accepted' }).expect(409);
    expect(illegal.body.error).toMatchObject({ code: 'illegal_transition', message: '「到達」から「受理」には変更できません。' });
    await clerk.client.post(sub(id, '/status'), { to: 'resubmitted' }).expect(400);
    await clerk.client.post(sub(id, '/status'), { to: 'correction-requested' }).expect(400);
    await clerk.client.post(sub(id, '/status'), { to: 'bogus' }).expect(400);
    const moved = await clerk.client.post(sub(id, '/status'), { to: 'in-review', expected: 'received' }).expect(200);
    expect(moved.body.status).toBe('in-review');
    const stale = await colleague.client.post(sub(id, '/status'), { to: 'rejected', expected: 'received', reason: '対象外のため。' }).expect(409);
    expect(stale.body.error.code).toBe('stale_status');
    await clerk.client.post(sub(id, '/status'), { to: 'accepted', publicNote: '受理しました。証明書を郵送します。' }).expect(200);
    await clerk.client.post(sub(id, '/status'), { to: 'completed' }).expect(200);
    await clerk.client.post(sub(id, '/status'), { to: 'in-review' }).expect(409);
    const status = await request(ctx.app).get(`/api/v1/submissions/${subs[1]!.receiptNumber}/status`).set('X-Receipt-Secret', subs[1]!.secret).expect(200);
    expect(status.body).toMatchObject({ status: 'completed', statusLabel: '処理完了', messages: [expect.objectContaining({ text: '受理しました。証明書を郵送します。' })] });
    const view = await clerk.client.get(sub(id)).expect(200);
    expect(view.body.history.map((h: { to: string }) => h.to)).toEqual(['received', 'in-review', 'accepted', 'completed']);
    expect(view.body.transitions).toEqual([]);
  });

  it('assigns to colleagues of the same municipality only, and filters by assignee', async () => {
    const id = subs[2]!.id;
    const assignees = await clerk.client.get(`${inbox}/assignees`).expect(200);
    expect(assignees.body.items.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['窓口 花子', '審査 次郎']));
    await clerk.client.post(sub(id, '/assign'), { assigneeId: colleague.user.id }).expect(200);
    const outsider = await signIn(ctx, 'staff', SAPPORO);
    await clerk.client.post(sub(id, '/assign'), { assigneeId: outsider.user.id }).expect(400);
    await clerk.client.post(sub(id, '/assign'), {}).expect(400);
    const mine = await colleague.client.get(`${inbox}?assignee=me`).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(mine.body.items[0].assignee).toEqual({ id: colleague.user.id, name: '審査 次郎' });
    const none = await clerk.client.get(`${inbox}?assignee=none`).expect(200);
    expect(none.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    await clerk.client.post(sub(id, '/assign'), { assigneeId: null }).expect(200);
  });

  it('keeps internal notes, never shown to the applicant', async () => {
    const id = subs[2]!.id;
    await clerk.client.post(sub(id, '/notes'), { body: '電話で被害状況を確認済み' }).expect(201);
    await clerk.client.post(sub(id, '/notes'), { body: '   ' }).expect(400);
    const view = await colleague.client.get(sub(id)).expect(200);
    expect(view.body.notes).toEqual([expect.objectContaining({ body: '電話で被害状況を確認済み', authorName: '窓口 花子' })]);
    const status = await request(ctx.app).get(`/api/v1/submissions/${subs[2]!.receiptNumber}/status`).set('X-Receipt-Secret', subs[2]!.secret).expect(200);
    expect(JSON.stringify(status.body)).not.toContain('電話で被害状況');
  });

  it('serves attachments with a safe Content-Disposition, previews images inline, and refuses other submissions’ files', async () => {
    const token = uploadToken();
    const fileId = await upload(ctx.app, token, fixture('photo.png'), '被害写真 "南側";.png');
    const withPhoto = await submit(
      ctx,
      risaiData((d) => ((d.damage.selfAssessment = true), (d.damage.selfAssessmentAgreement = true))),
      MITO,
      { attachments: { damagePhotos: [fileId] }, uploadToken: token },
    );
    const view = await clerk.client.get(sub(withPhoto.id)).expect(200);
    expect(view.body.attachments).toEqual([{ specId: 'damagePhotos', label: '被害状況の写真', files: [expect.objectContaining({ id: fileId, mediaType: 'image/png', previewable: true })] }]);
    const download = await clerk.client.get(sub(withPhoto.id, `/files/${fileId}`)).expect(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="____ _____.png"; filename*=UTF-8''${encodeURIComponent('被害写真 "南側";.png')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(download.body as Buffer, fixture('photo.png'))).toBe(0);
    const inline = await clerk.client.get(sub(withPhoto.id, `/files/${fileId}?disposition=inline`)).expect(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    await clerk.client.get(sub(subs[0]!.id, `/files/${fileId}`)).expect(404);
    const audit = await ctx.storage.audit.list({ targetId: withPhoto.id, limit: 10 });
    expect(audit.filter((e) => e.action === 'submission.file.read')).toHaveLength(2);
  });

  it('prints one application as a Japanese PDF laid out like the paper form', async () => {
    const res = await clerk.client
      .get(sub(subs[0]!.id, '/pdf'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`申請書_${subs[0]!.receiptNumber}.pdf`));
    const text = pdfText(pdf).join('\n');
    expect(text).toContain('罹災証明書の発行申請');
    expect(text).toContain(subs[0]!.receiptNumber);
    expect(text).toContain('水戸市長');
    expect(text).toContain('世帯主の氏名');
  });

  it('gives processing-time figures per procedure and status', async () => {
    const res = await clerk.client.get(`${inbox}/stats`).expect(200);
    const risai = res.body.procedures.find((p: { procedureId: string }) => p.procedureId === RISAI);
    expect(risai.submissions).toBeGreaterThanOrEqual(4);
    expect(risai.leadTime.count).toBe(1);
    const inReview = risai.statuses.find((s: { status: string }) => s.status === 'in-review');
    expect(inReview).toMatchObject({ label: '審査中', count: 1 });
    expect(typeof inReview.medianHours).toBe('number');
  });

  it('refuses access across municipalities and to platform admins', async () => {
    const sapporo = await signIn(ctx, 'staff', SAPPORO);
    expect((await sapporo.client.get(sub(subs[0]!.id)).expect(403)).body.error.code).toBe('forbidden');
    await sapporo.client.get(inbox).expect(403);
    await sapporo.client.post(sub(subs[0]!.id, '/status'), { to: 'in-review' }).expect(403);
    // Its own municipality in the path does not reach another's submission.
    await sapporo.client.get(`/municipalities/${SAPPORO}/submissions/${subs[0]!.id}`).expect(404);
    await sapporo.client.post(`/municipalities/${SAPPORO}/submissions/${subs[0]!.id}/status`, { to: 'in-review' }).expect(404);
    const admin = await signIn(ctx, 'platform-admin', null);
    await admin.client.get(sub(subs[0]!.id)).expect(403);
    await request(ctx.app)
      .get(`/api/v1/staff${sub(subs[0]!.id)}`)
      .expect(401);
    // Staff bound to other procedures do not see this one.
    const bound = await signIn(ctx, 'staff', MITO, { procedureIds: ['jidou-teate-nintei'] });
    await bound.client.get(sub(subs[0]!.id)).expect(403);
    expect((await bound.client.get(inbox).expect(200)).body.items).toEqual([]);
  });

  it('writes need the CSRF token', async () => {
    const res = await clerk.client.agent.post(`/api/v1/staff${sub(subs[0]!.id, '/notes')}`).send({ body: 'x' });
    expect(res.status).toBe(403);
  });
});
