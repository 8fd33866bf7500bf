/**
 * 受付期間 through real HTTP (issue #22) with a controlled clock: a municipality sets a reception period
 * (dates and weekday hours, closed on holidays) on its 罹災証明書 and publishes; the public page data
 * says where it stands; intake refuses before, outside the hours and after it with 409 reception_closed
 * in Japanese and English and stores nothing; drafts are still saved; a counter entry is bound by the
 * dates but not by the weekday hours.
 */
import request from 'supertest';
import type { EditOp } from '@madoguchi/shared';
import { buildInboxApp, manualClock, MITO, RISAI, risaiData, signIn, type InboxApp } from '../helpers/inboxApp';
import { counterOrigin, submitAtCounter } from '../helpers/counterApplication';

const cat = `/municipalities/${MITO}/catalog`;
const RECEPTION = {
  opensAt: '2027-01-05T08:30',
  closesAt: '2027-01-29T17:15',
  weekly: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:15' }],
  closedOnHolidays: true,
};
let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `r${++n}`, ...o }) as unknown as EditOp;

describe('受付期間 (reception periods) at intake', () => {
  // Monday 4 January 2027, 10:00 in Japan: before the period.
  const clock = manualClock(new Date('2027-01-04T01:00:00Z'));
  let ctx: InboxApp;
  let title: string;
  const detail = () => request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/${RISAI}`).expect(200);
  const apply = (language?: 'en', key?: string) => {
    const req = request(ctx.app).post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`);
    if (language) req.set('Accept-Language', language);
    if (key) req.set('Idempotency-Key', key);
    return req.send({ data: risaiData() });
  };
  const stored = () => ctx.storage.submissions.count(MITO);
  /** The resident catalog's row of the procedure (its badge reads receptionState). */
  const listed = async () => {
    const items = (await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures`).expect(200)).body.items as Array<{ id: string; receptionState?: unknown }>;
    return { row: items.find((i) => i.id === RISAI), others: items.filter((i) => i.id !== RISAI) };
  };

  beforeAll(async () => {
    ctx = await buildInboxApp({}, clock.now);
    const admin = await signIn(ctx, 'municipal-admin', MITO);
    const view = (await admin.client.post(`${cat}/adoptions`, { presetId: RISAI }).expect(201)).body;
    title = view.document.procedure.title;
    // A start after the end is refused in words, and nothing is saved.
    const bad = await admin.client.send('put', `${cat}/adoptions/${RISAI}/edits`, {
      ops: [op({ type: 'setReception', reception: { ...RECEPTION, opensAt: '2027-02-01T08:30' } })],
      revision: view.layer.revision,
    });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(bad.body)).toContain('受付終了の日時は受付開始より後にしてください。');
    const saved = await admin.client.send('put', `${cat}/adoptions/${RISAI}/edits`, { ops: [op({ type: 'setReception', reception: RECEPTION })], revision: view.layer.revision }).expect(200);
    expect(saved.body.document.procedure.reception).toEqual(RECEPTION);
    await admin.client.post(`${cat}/adoptions/${RISAI}/publish`).expect(201);
  });
  afterAll(() => ctx.close());

  it('before the period: the page data says when it opens; intake refuses in Japanese and English and stores nothing', async () => {
    clock.set(new Date('2027-01-04T23:29:59Z')); // Tuesday 5 January 08:29:59 JST
    const page = await detail();
    expect(page.body.procedure.reception).toEqual(RECEPTION);
    expect(page.body.receptionState).toEqual({ status: 'not-yet-open', opensAt: '2027-01-05T08:30' });
    // The catalog list says the same (受付開始前 with the date); procedures without a period carry no state.
    const { row, others } = await listed();
    expect(row?.receptionState).toEqual({ status: 'not-yet-open', opensAt: '2027-01-05T08:30' });
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((o) => o.receptionState === undefined)).toBe(true);
    const ja = await apply(undefined, 'reception-before-1').expect(409);
    expect(ja.body.error).toMatchObject({ code: 'reception_closed', message: `「${title}」は現在受け付けていません。受付開始は令和9年1月5日（火）8:30です。` });
    const en = await apply('en').expect(409);
    expect(en.body.error.code).toBe('reception_closed');
    expect(en.body.error.message).toContain('is not open for applications yet. It opens on Tue 5 Jan 2027 8:30 (Japan time).');
    expect(await stored()).toBe(0);
    expect(await ctx.storage.submissions.findByIdempotencyKey(MITO, 'reception-before-1')).toBeNull();
  });

  it('still saves a draft outside the period', async () => {
    const { version } = (await detail()).body;
    const draft = await request(ctx.app).post('/api/v1/drafts').send({ municipalityCode: MITO, procedureId: RISAI, formVersion: version.version, data: {}, uploadToken: 'reception-upload-token-1' });
    expect(draft.status).toBe(201);
  });

  it('opens at 08:30:00 JST', async () => {
    clock.set(new Date('2027-01-04T23:30:00Z'));
    expect((await detail()).body.receptionState).toEqual({ status: 'open', until: '2027-01-05T17:15' });
    expect((await listed()).row?.receptionState).toEqual({ status: 'open', until: '2027-01-05T17:15' });
    await apply().expect(201);
    expect(await stored()).toBe(1);
  });

  it('outside the weekday hours (Saturday; Monday 1/11 is 成人の日): refused with the next opening; the counter is not bound by hours', async () => {
    clock.set(new Date('2027-01-09T01:00:00Z')); // Saturday 9 January 10:00 JST
    expect((await detail()).body.receptionState).toEqual({ status: 'outside-hours', nextOpening: '2027-01-12T08:30' });
    const ja = await apply().expect(409);
    expect(ja.body.error.message).toBe(`「${title}」は現在受け付けていません（受付時間外）。受付開始は令和9年1月12日（火）8:30です。`);
    expect(await stored()).toBe(1);
    await submitAtCounter(ctx, counterOrigin('counter-staff'), risaiData(), MITO);
    expect(await stored()).toBe(2);
  });

  it('after the period: closed for residents and the counter alike', async () => {
    clock.set(new Date('2027-01-29T08:15:00Z')); // Friday 29 January 17:15:00 JST
    expect((await detail()).body.receptionState).toEqual({ status: 'closed', closedAt: '2027-01-29T17:15' });
    expect((await listed()).row?.receptionState).toEqual({ status: 'closed', closedAt: '2027-01-29T17:15' });
    const en = await apply('en').expect(409);
    expect(en.body.error.message).toContain('closed on Fri 29 Jan 2027 17:15 (Japan time).');
    await expect(submitAtCounter(ctx, counterOrigin('counter-staff'), risaiData(), MITO)).rejects.toMatchObject({ code: 'reception_closed' });
    const bundle = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/bundles`)
      .send({ items: [{ procedureId: RISAI, data: risaiData() }] });
    expect(bundle.status).toBe(409);
    expect(bundle.body.error.code).toBe('reception_closed');
    expect(await stored()).toBe(2);
  });
});
