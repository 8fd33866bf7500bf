/**
 * Retention per procedure: a municipal admin says how long closed submissions
 * are kept; the job strips them (record kept, answers and files gone) or
 * deletes them, and audits each removal. Open submissions are never touched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInboxApp, manualClock, MITO, RISAI, risaiData, signIn, submit, upload, uploadToken, type InboxApp } from '../helpers/inboxApp';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));

describe('retention', () => {
  const clock = manualClock(new Date('2026-01-10T00:00:00Z'));
  let ctx: InboxApp;
  const base = `/municipalities/${MITO}`;

  beforeAll(async () => {
    ctx = await buildInboxApp({}, clock.now);
  });
  afterAll(() => ctx.close());

  it('is set per procedure by a municipal admin only', async () => {
    const admin = await signIn(ctx, 'municipal-admin', MITO);
    const clerk = await signIn(ctx, 'staff', MITO);
    await clerk.client.send('put', `${base}/retention/${RISAI}`, { days: 30, mode: 'strip' }).expect(403);
    await admin.client.send('put', `${base}/retention/${RISAI}`, { days: 0, mode: 'strip' }).expect(400);
    await admin.client.send('put', `${base}/retention/${RISAI}`, { days: 30, mode: 'shred' }).expect(400);
    const set = await admin.client.send('put', `${base}/retention/${RISAI}`, { days: 30, mode: 'strip' }).expect(200);
    expect(set.body).toMatchObject({ municipalityCode: MITO, procedureId: RISAI, days: 30, mode: 'strip', updatedBy: admin.user.id });
    expect((await admin.client.get(`${base}/retention`).expect(200)).body.items).toHaveLength(1);
  });

  it('strips closed submissions past the period, with their files, and leaves open ones alone', async () => {
    const token = uploadToken();
    const fileId = await upload(ctx.app, token, fixture('photo.png'), '写真.png');
    const closed = await submit(
      ctx,
      risaiData((d) => ((d.damage.selfAssessment = true), (d.damage.selfAssessmentAgreement = true))),
      MITO,
      { attachments: { damagePhotos: [fileId] }, uploadToken: token },
    );
    const open = await submit(ctx);
    const clerk = await signIn(ctx, 'staff', MITO);
    await clerk.client.post(`${base}/submissions/${closed.id}/status`, { to: 'rejected', publicNote: '対象外の災害のため却下します。', reason: '対象外の災害のため。' }).expect(200);
    await clerk.client.post(`${base}/submissions/${closed.id}/notes`, { body: '電話で説明済み' }).expect(201);

    clock.advance(29 * 86_400_000);
    expect(await ctx.services.desk.retention.run()).toEqual({ deleted: 0, stripped: 0 });
    clock.advance(2 * 86_400_000);
    expect(await ctx.services.desk.retention.run()).toEqual({ deleted: 0, stripped: 1 });

    const later = await signIn(ctx, 'staff', MITO);
    const view = await later.client.get(`${base}/submissions/${closed.id}`).expect(200);
    expect(view.body).toMatchObject({ receiptNumber: closed.receiptNumber, status: 'rejected', answers: [], attachments: [], notes: [], applicantName: null, strippedAt: clock.now().toISOString() });
    expect(view.body.history.map((h: { publicNote?: string }) => h.publicNote)).toEqual([undefined, undefined]);
    expect(await ctx.storage.files.getMeta(fileId)).toBeNull();
    expect((await later.client.get(`${base}/submissions/${open.id}`).expect(200)).body.answers.length).toBeGreaterThan(10);
    const audit = await ctx.storage.audit.list({ targetId: closed.id, limit: 10 });
    expect(audit.find((e) => e.action.startsWith('submission.retention'))).toMatchObject({
      action: 'submission.retention.stripped',
      actor: 'system',
      details: { receiptNumber: closed.receiptNumber, days: 30 },
    });
    expect(await ctx.services.desk.retention.run()).toEqual({ deleted: 0, stripped: 0 });
  });

  it('deletes them when the mode is delete', async () => {
    const admin = await signIn(ctx, 'municipal-admin', MITO);
    await admin.client.send('put', `${base}/retention/${RISAI}`, { days: 7, mode: 'delete' }).expect(200);
    const s = await submit(ctx);
    await admin.client.post(`${base}/submissions/${s.id}/status`, { to: 'withdrawn' }).expect(200);
    clock.advance(8 * 86_400_000);
    expect(await ctx.services.desk.retention.run()).toEqual({ deleted: 1, stripped: 0 });
    expect(await ctx.storage.submissions.findById(s.id)).toBeNull();
    const again = await signIn(ctx, 'municipal-admin', MITO);
    await again.client.send('delete', `${base}/retention/${RISAI}`).expect(204);
    expect((await again.client.get(`${base}/retention`).expect(200)).body.items).toEqual([]);
  });
});
