/**
 * 標準処理期間 through real HTTP (issue #21): the admin sets a period per procedure (bad input refused in
 * ja/en, nothing changed), each submission gets a due date at receipt, the list sorts and filters by it,
 * a correction request stops the clock until the applicant answers, and the daily digest e-mail goes
 * through the outbox once a day.
 */
import request from 'supertest';
import { DeadlineDigest } from '../../server/src/modules/deadlines/deadlineDigest';
import { InboxLookups } from '../../server/src/modules/inbox/lookups';
import { buildInboxApp, manualClock, MITO, RISAI, risaiData, signIn, submit, type InboxApp, type Submitted } from '../helpers/inboxApp';
import { startSmtpCapture } from '../helpers/smtpCapture';
import { StaffClient } from '../helpers/staffAuth';

describe('標準処理期間 (deadlines)', () => {
  // Tuesday 27 April 2027, 09:30 in Japan: Golden Week lies ahead.
  const clock = manualClock(new Date('2027-04-27T00:30:00Z'));
  /** Moves the clock; days later the sessions have expired, so both sign in again. */
  const at = async (iso: string) => {
    clock.set(new Date(iso));
    for (const who of [admin, clerk]) {
      who.client = new StaffClient(ctx.app);
      await who.client.login(who.user.email);
    }
  };
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let ctx: InboxApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let first: Submitted;
  let second: Submitted;
  const periods = `/municipalities/${MITO}/processing-periods`;
  const inbox = (query = '') => clerk.client.get(`/municipalities/${MITO}/inbox${query}`).expect(200);
  const detail = (s: Submitted) => clerk.client.get(`/municipalities/${MITO}/submissions/${s.id}`).expect(200);

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    ctx = await buildInboxApp({ SMTP_URL: smtp.url, MAIL_FROM: '水戸市 <no-reply@city.mito.example>', PUBLIC_URL: 'http://madoguchi.example.jp' }, clock.now);
    admin = await signIn(ctx, 'municipal-admin', MITO, { email: 'kanri@city.mito.example' });
    clerk = await signIn(ctx, 'staff', MITO, { email: 'tantou@city.mito.example', displayName: '窓口 花子' });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('refuses a bad period with 422 in Japanese or English and changes nothing; staff may not set one', async () => {
    const ja = await admin.client.send('put', `${periods}/${RISAI}`, { days: 0, unit: 'business' }).expect(422);
    expect(ja.body.error.message).toContain('標準処理期間は1〜365の日数');
    const en = await admin.client.send('put', `${periods}/${RISAI}`, { days: 5, unit: 'weeks' }).set('Accept-Language', 'en').expect(422);
    expect(en.body.error.message).toContain('1–365 days and a unit');
    await admin.client.send('put', `${periods}/${RISAI}`, { days: 2.5, unit: 'calendar' }).expect(422);
    await admin.client.send('put', `${periods}/not-a-procedure`, { days: 5, unit: 'calendar' }).expect(404);
    await clerk.client.send('put', `${periods}/${RISAI}`, { days: 5, unit: 'business' }).expect(403);
    expect((await admin.client.get(periods).expect(200)).body.items).toEqual([]);
    const s = await submit(ctx);
    expect((await detail(s)).body.deadline).toBeUndefined(); // no period: no due date
  });

  it('stamps the due date at receipt, counting 開庁日 past Golden Week, shown in the list and the page', async () => {
    const set = await admin.client.send('put', `${periods}/${RISAI}`, { days: 3, unit: 'business' }).expect(200);
    expect(set.body).toMatchObject({ procedureId: RISAI, days: 3, unit: 'business' });
    first = await submit(ctx, risaiData());
    // 4/28, 4/30, 5/6 (4/29 昭和の日, 5/1–5/5 weekend and holidays).
    const item = (await inbox()).body.items.find((i: { id: string }) => i.id === first.id);
    expect(item.deadline).toMatchObject({ dueDate: '2027-05-06', days: 3, unit: 'business', overdue: false, daysCount: 3, paused: false, pausedDays: 0 });
    expect((await detail(first)).body.deadline).toMatchObject({ dueDate: '2027-05-06' });
  });

  it('keeps the period in force at receipt when the setting changes later', async () => {
    await admin.client.send('put', `${periods}/${RISAI}`, { days: 10, unit: 'calendar' }).expect(200);
    expect((await detail(first)).body.deadline).toMatchObject({ dueDate: '2027-05-06', days: 3, unit: 'business' });
    await admin.client.send('put', `${periods}/${RISAI}`, { days: 3, unit: 'business' }).expect(200);
  });

  it('marks what is overdue, sorts by due date and filters overdue / due within N days', async () => {
    await at('2027-05-07T00:30:00Z'); // Friday 5/7
    second = await submit(ctx); // due 5/10, 5/11, 5/12
    const overdue = await inbox('?due=overdue');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    expect(overdue.body.items[0].deadline).toMatchObject({ overdue: true, daysCount: 1 });
    const sorted = await inbox('?sort=due-asc');
    expect(sorted.body.items.map((i: { id: string }) => i.id)).toEqual([first.id, second.id]);
    expect((await inbox('?due=3')).body.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    expect((await inbox('?due=5&sort=due-asc')).body.items.map((i: { id: string }) => i.id)).toEqual([first.id, second.id]);
    const bad = await clerk.client.get(`/municipalities/${MITO}/inbox?due=soon`).expect(400);
    expect(bad.body.error.code).toBe('bad_query');
  });

  it('stops the clock from the correction request until the applicant answers', async () => {
    const path = `/municipalities/${MITO}/submissions/${second.id}`;
    await clerk.client.post(`${path}/status`, { to: 'in-review' }).expect(200);
    await clerk.client.post(`${path}/correction-request`, { message: '写真を追加してください。' }).expect(200);
    await at('2027-05-13T00:30:00Z'); // past the original due date, but the clock stands
    const paused = (await detail(second)).body.deadline;
    expect(paused).toMatchObject({ dueDate: '2027-05-12', paused: true, pausedSince: '2027-05-07', overdue: false });
    // The resident's status page says the same, without the desk's detail.
    const residentStatus = async () => (await request(ctx.app).get(`/api/v1/submissions/${second.receiptNumber}/status`).set('X-Receipt-Secret', second.secret).expect(200)).body;
    expect((await residentStatus()).deadline).toEqual({ dueDate: '2027-05-12', days: 3, unit: 'business', paused: true });
    expect((await inbox('?due=overdue')).body.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    await request(ctx.app).post(`/api/v1/submissions/${second.receiptNumber}/correction`).set('X-Receipt-Secret', second.secret).send({ message: '追加しました。' }).expect(200);
    // Paused 5/10, 5/11, 5/12, 5/13 (4 開庁日): 5/12 + 4 = 5/18.
    const resumed = (await detail(second)).body.deadline;
    expect(resumed).toMatchObject({ dueDate: '2027-05-18', pausedDays: 4, paused: false, pausedSince: null, overdue: false, daysCount: 3 });
    expect((await residentStatus()).deadline).toEqual({ dueDate: '2027-05-18', days: 3, unit: 'business', paused: false });
    // Decided: no date to aim for any more.
    const decided = await submit(ctx);
    const status = async () => (await request(ctx.app).get(`/api/v1/submissions/${decided.receiptNumber}/status`).set('X-Receipt-Secret', decided.secret).expect(200)).body;
    expect((await status()).deadline).toMatchObject({ unit: 'business', days: 3 });
    await clerk.client.post(`/municipalities/${MITO}/submissions/${decided.id}/status`, { to: 'rejected', reason: '対象外のため。' }).expect(200);
    expect((await status()).deadline).toBeUndefined();
  });

  it('e-mails each assignee their due and overdue submissions and each admin all of them, once a day, through the outbox', async () => {
    await clerk.client.post(`/municipalities/${MITO}/submissions/${first.id}/assign`, { assigneeId: clerk.user.id }).expect(200);
    await at('2027-05-17T22:00:00Z'); // 5/18 07:00 in Japan: before the digest hour
    const digest = ctx.services.desk.digest;
    expect(await digest.run()).toBe(0);
    await at('2027-05-17T23:30:00Z'); // 08:30
    expect(await digest.run()).toBe(2);
    await ctx.services.desk.dispatcher.drain();
    const toClerk = smtp.mails.filter((m) => m.to === 'tantou@city.mito.example');
    const toAdmin = smtp.mails.filter((m) => m.to === 'kanri@city.mito.example');
    expect(toClerk).toHaveLength(1);
    expect(toAdmin).toHaveLength(1);
    expect(toClerk[0]!.subject).toContain('処理期限のお知らせ 2027-05-18（超過1件・本日0件・明日0件）');
    expect(toClerk[0]!.body).toContain(`${first.receiptNumber}  罹災証明書の発行申請  期限 2027-05-06`);
    expect(toClerk[0]!.body).not.toContain(second.receiptNumber);
    expect(toAdmin[0]!.body).toContain(`${second.receiptNumber}  罹災証明書の発行申請  期限 2027-05-18`);
    expect(toAdmin[0]!.body).toMatch(/本日が期限/);
    // No names and no answers leave in the mail.
    const answers = risaiData();
    for (const m of [...toClerk, ...toAdmin]) {
      expect(m.body).not.toContain(answers.householder.name.familyName);
      expect(m.body).not.toContain(answers.currentContact.phone);
    }
    // A second run the same day, or a restarted process, writes nothing.
    expect(await digest.run()).toBe(0);
    expect(await new DeadlineDigest(ctx.storage, new InboxLookups(ctx.storage, clock.now), clock.now).run()).toBe(0);
    await ctx.services.desk.dispatcher.drain();
    expect(smtp.mails).toHaveLength(2);
  });
});
