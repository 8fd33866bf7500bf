/**
 * 定員 through real HTTP (issue #22): a clerk publishes an event with a session of 30 places; 200
 * applicants send at once to one server and exactly 30 get in, the 170 others get 409 capacity_full
 * naming the option, nothing of theirs stored; the public count and the store agree. 取下げ and 却下
 * free a place, a raised capacity lets the next applicant in, never lowered below what is taken.
 */
import type { Server } from 'node:http';
import request from 'supertest';
import type { FormDocument } from '@madoguchi/shared';
import { buildAuthApp, makeUser, MITO, StaffClient, type AuthApp } from '../helpers/staffAuth';

const cat = `/municipalities/${MITO}/catalog`;
const PROC = 'koza-moushikomi';
const MORNING = '6月1日（月）午前';
const AFTERNOON = '6月1日（月）午後';
const EVENING = '6月2日（火）夜';

describe('capacity (定員) of a session', () => {
  let ctx: AuthApp;
  let server: Server;
  let admin: StaffClient;
  let base: FormDocument;
  let baseHash: string;
  const sessionSchema = (limits: Record<string, number>) => ({
    type: 'string',
    title: '参加する回',
    enum: [MORNING, AFTERNOON, EVENING],
    'x-capacity': { limits, countOf: 'participants' },
  });
  const doc = (limits: Record<string, number>): FormDocument => ({
    ...base,
    schema: {
      ...base.schema,
      required: ['name', 'session', 'participants'],
      properties: {
        name: { type: 'string', title: '代表者氏名', maxLength: 50 },
        session: sessionSchema(limits),
        participants: { type: 'array', title: '参加者', minItems: 1, maxItems: 5, items: { type: 'object', properties: { who: { type: 'string', title: '氏名', maxLength: 50 } } } },
      },
    },
  });
  const apply = (session: string, people = 1, name = '水戸 太郎') =>
    request(server)
      .post(`/api/v1/municipalities/${MITO}/procedures/${PROC}/submissions`)
      .send({ data: { name, session, participants: Array.from({ length: people }, (_, i) => ({ who: `参加者${i + 1}` })) } });
  const left = async () => (await request(server).get(`/api/v1/municipalities/${MITO}/procedures/${PROC}/capacity`).expect(200)).body.fields[0].options;
  const stored = async (option: string) => (await ctx.storage.capacity.list(MITO, PROC)).find((s) => s.option === option);
  const receipt = async (receiptNumber: string) => (await ctx.storage.submissions.findByReceiptNumber(receiptNumber))!;

  beforeAll(async () => {
    ctx = await buildAuthApp({
      LOGIN_RATE_LIMIT: '1000',
      RATE_LIMIT_INTAKE_PER_MIN: '0',
      RATE_LIMIT_LOOKUP_PER_MIN: '0',
      ADMISSION_SUBMISSIONS_IN_FLIGHT: '256',
      ADMISSION_QUEUE: '1000',
      ADMISSION_MAX_WAIT_MS: '600000',
    });
    server = ctx.app.listen(0, '127.0.0.1');
    admin = new StaffClient(ctx.app);
    expect((await admin.login((await makeUser(ctx.storage, 'municipal-admin', MITO)).email)).status).toBe(200);
    const created = (await admin.post(`${cat}/procedures`, { id: PROC, title: '講座の申込' }).expect(201)).body;
    base = created.document;
    baseHash = created.latest.contentHash;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await ctx.close();
  });

  /** Saves the draft (the builder keeps a draft with problems) and publishes it: the publish checks decide. */
  const saveAndPublish = async (document: FormDocument, status: number) => {
    const saved = (await admin.send('put', `${cat}/procedures/${PROC}/draft`, { document, baseHash }).expect(200)).body;
    baseHash = saved.latest.contentHash;
    return admin.post(`${cat}/procedures/${PROC}/publish`).expect(status);
  };

  it('refuses to publish a capacity on an option that does not exist, not a positive integer, or inside a repeating group, naming the field', async () => {
    const missing = await saveAndPublish(doc({ '6月3日': 30 }), 422);
    expect(JSON.stringify(missing.body.error)).toContain('「参加する回」の定員が、ない選択肢「6月3日」に設定されています。');
    const zero = await saveAndPublish(doc({ [MORNING]: 0 }), 422);
    expect(JSON.stringify(zero.body.error)).toContain('1〜1000000の整数');
    const grouped = structuredClone(doc({}));
    const participants = grouped.schema.properties!.participants as { items: { properties: Record<string, unknown> } };
    participants.items.properties.slot = sessionSchema({ [MORNING]: 3 });
    const inGroup = await saveAndPublish(grouped, 422);
    expect(JSON.stringify(inGroup.body.error)).toContain('繰り返し項目の中の項目には設定できません');
    expect(await ctx.storage.procedures.getPublished(MITO, PROC)).toBeNull();
  });

  it('publishes 30 places; of 200 applicants sending at once exactly 30 get in, 170 are refused with capacity_full', async () => {
    await saveAndPublish(doc({ [MORNING]: 30, [AFTERNOON]: 2 }), 201);
    expect(await left()).toEqual([
      { option: MORNING, capacity: 30, taken: 0, remaining: 30 },
      { option: AFTERNOON, capacity: 2, taken: 0, remaining: 2 },
      { option: EVENING, capacity: null, taken: 0, remaining: null },
    ]);

    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => apply(MORNING, 1, `申込者 ${i}`)));
    const accepted = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status === 409);
    expect(accepted.length).toBe(30);
    expect(refused.length).toBe(170);
    for (const r of refused) expect(r.body.error.code).toBe('capacity_full');
    expect(refused[0]!.body.error.message).toBe(`「参加する回」の「${MORNING}」は定員に達したため、申し込めません。ほかの選択肢を選んでください。`);
    expect(refused[0]!.body.error.fields).toEqual([expect.objectContaining({ pointer: '/session', keyword: 'capacity_full' })]);

    expect(await stored(MORNING)).toMatchObject({ capacity: 30, taken: 30 });
    expect((await ctx.storage.capacity.holds(MITO, PROC)).length).toBe(30);
    const page = await ctx.storage.submissions.list({ municipalityCode: MITO, procedureId: PROC, limit: 500 });
    expect(page.items.length).toBe(30); // nothing of the refused ones was stored
    expect((await left())[0]).toEqual({ option: MORNING, capacity: 30, taken: 30, remaining: 0 });
  });

  it('says which option is full in English too, and counts the rows of countOf as places', async () => {
    const en = await apply(MORNING).set('Accept-Language', 'en').expect(409);
    expect(en.body.error.message).toBe(`"${MORNING}" of "参加する回" is full. Please choose another option.`);
    await apply(AFTERNOON, 3).expect(409); // three people for two places
    await apply(AFTERNOON, 2).expect(201);
    expect(await stored(AFTERNOON)).toMatchObject({ taken: 2 });
    await apply(EVENING, 5).expect(201); // no limit
  });

  it('an idempotent retry of an accepted application takes no second place', async () => {
    const body = { data: { name: '再送 花子', session: EVENING, participants: [{ who: 'a' }] } };
    await ctx.storage.capacity.setCapacity({ municipalityCode: MITO, procedureId: PROC, fieldPath: 'session', option: AFTERNOON }, 3, 2, new Date().toISOString());
    const send = () =>
      request(server)
        .post(`/api/v1/municipalities/${MITO}/procedures/${PROC}/submissions`)
        .set('Idempotency-Key', 'capacity-retry-0001')
        .send({ ...body, data: { ...body.data, session: AFTERNOON } });
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.headers['idempotent-replayed']).toBeDefined();
    expect(again.body.receiptNumber).toBe(first.body.receiptNumber);
    expect(await stored(AFTERNOON)).toMatchObject({ capacity: 3, taken: 3 });
  });

  it('frees a place on 取下げ and on 却下, once; the freed place lets the next applicant in', async () => {
    const holders = (await ctx.storage.capacity.holds(MITO, PROC)).filter((h) => h.option === MORNING && !h.releasedAt);
    const [a, b] = holders;
    await admin.post(`/municipalities/${MITO}/submissions/${a!.submissionId}/status`, { to: 'withdrawn', expected: 'received' }).expect(200);
    expect(await stored(MORNING)).toMatchObject({ taken: 29 });
    await apply(MORNING).expect(201);
    await apply(MORNING).expect(409);
    await admin.post(`/municipalities/${MITO}/submissions/${b!.submissionId}/status`, { to: 'rejected', expected: 'received', reason: '対象外のため。' }).expect(200);
    expect(await stored(MORNING)).toMatchObject({ taken: 29 });
    // A retried 却下 (the answer was lost) frees nothing more.
    await admin.post(`/municipalities/${MITO}/submissions/${b!.submissionId}/status`, { to: 'rejected', reason: '対象外のため。' });
    expect(await stored(MORNING)).toMatchObject({ taken: 29 });
    // Moves that do not close keep the place.
    const c = holders[2]!;
    await admin.post(`/municipalities/${MITO}/submissions/${c.submissionId}/status`, { to: 'in-review', expected: 'received' }).expect(200);
    expect(await stored(MORNING)).toMatchObject({ taken: 29 });
    expect((await receipt((await ctx.storage.submissions.findById(a!.submissionId))!.receiptNumber)).status).toBe('withdrawn');
  });

  it('staff see the bookings per option and raise a capacity (never below taken, audited); the raise lets the next applicant in', async () => {
    await apply(MORNING).expect(201);
    await apply(MORNING).expect(409);
    const capacity = `/municipalities/${MITO}/procedures/${PROC}/capacity`;
    const view = (await admin.get(capacity).expect(200)).body;
    const morning = view.fields[0].options[0];
    expect(morning).toMatchObject({ option: MORNING, capacity: 30, taken: 30, remaining: 0 });
    expect(morning.bookings.length).toBe(30);
    expect(morning.bookings[0]).toEqual(expect.objectContaining({ receiptNumber: expect.any(String), places: 1 }));

    const low = await admin.send('put', capacity, { field: 'session', option: MORNING, capacity: 10 }).expect(409);
    expect(low.body.error).toMatchObject({ code: 'capacity_below_taken', message: '定員は、予約済みの数（30）より少なくできません。' });
    const bad = await admin.send('put', capacity, { field: 'session', option: MORNING, capacity: 2.5 }).set('Accept-Language', 'en').expect(400);
    expect(bad.body.error.message).toContain('whole number');
    await admin.send('put', capacity, { field: 'session', option: EVENING, capacity: 5 }).expect(404); // no limit there

    expect((await admin.send('put', capacity, { field: 'session', option: MORNING, capacity: 31 }).expect(200)).body).toEqual({ option: MORNING, capacity: 31, taken: 30, remaining: 1 });
    await apply(MORNING).expect(201);
    await apply(MORNING).expect(409);
    const audit = (await ctx.storage.audit.list({ municipalityCode: MITO, targetId: PROC, limit: 50 })).filter((e) => e.action === 'capacity.set');
    expect(audit.length).toBe(1);
    expect(audit[0]).toMatchObject({ action: 'capacity.set', targetId: PROC, details: { field: 'session', option: MORNING, from: 30, to: 31 } });
  });

  it('a correction that chooses another session moves the places; into a full one it is refused, naming it, nothing changed', async () => {
    const sent = await apply(EVENING, 2).expect(201);
    const id = (await receipt(sent.body.receiptNumber)).id;
    await admin.post(`/municipalities/${MITO}/submissions/${id}/status`, { to: 'in-review', expected: 'received' }).expect(200);
    await admin.post(`/municipalities/${MITO}/submissions/${id}/correction-request`, { message: '参加する回を選び直してください。', fields: ['/session'] }).expect(200);
    const answer = (session: string) =>
      request(server)
        .post(`/api/v1/submissions/${sent.body.receiptNumber}/correction`)
        .set('X-Receipt-Secret', sent.body.secret)
        .send({ changes: { '/session': session } });
    const full = await answer(MORNING).expect(409); // 31 of 31 taken
    expect(full.body.error).toMatchObject({ code: 'capacity_full', fields: [expect.objectContaining({ pointer: '/session' })] });
    expect((await receipt(sent.body.receiptNumber)).status).toBe('correction-requested');
    const afternoon = (await stored(AFTERNOON))!.taken;
    await ctx.storage.capacity.setCapacity({ municipalityCode: MITO, procedureId: PROC, fieldPath: 'session', option: AFTERNOON }, afternoon + 2, 2, new Date().toISOString());
    await answer(AFTERNOON).expect(200);
    expect(await stored(AFTERNOON)).toMatchObject({ taken: afternoon + 2 }); // the two participants' places
    expect((await ctx.storage.capacity.holds(MITO, PROC)).filter((h) => h.submissionId === id && !h.releasedAt)).toEqual([expect.objectContaining({ option: AFTERNOON, places: 2 })]);
  });

  it('in a one-stop bundle a full option is refused with 409 capacity_full naming its field under /items/<n>, nothing stored', async () => {
    expect(await stored(MORNING)).toMatchObject({ capacity: 31, taken: 31 });
    const before = await ctx.storage.submissions.count(MITO);
    const res = await request(server)
      .post(`/api/v1/municipalities/${MITO}/bundles`)
      .send({ items: [{ procedureId: PROC, data: { name: '一括 花子', session: MORNING, participants: [{ who: 'a' }] } }] })
      .expect(409);
    expect(res.body.error).toMatchObject({
      code: 'capacity_full',
      message: `「参加する回」の「${MORNING}」は定員に達したため、申し込めません。ほかの選択肢を選んでください。`,
      fields: [expect.objectContaining({ pointer: '/items/0/session', property: '.items.0.session', keyword: 'capacity_full', label: '参加する回' })],
    });
    expect(await ctx.storage.submissions.count(MITO)).toBe(before);
    expect(await stored(MORNING)).toMatchObject({ taken: 31 });
  });

  it('only staff of the municipality see the bookings or change a capacity; the public count names nobody', async () => {
    const other = new StaffClient(ctx.app);
    await other.login((await makeUser(ctx.storage, 'municipal-admin', '011002')).email);
    await other.get(`/municipalities/${MITO}/procedures/${PROC}/capacity`).expect(403);
    await other.send('put', `/municipalities/${MITO}/procedures/${PROC}/capacity`, { field: 'session', option: MORNING, capacity: 99 }).expect(403);
    await request(server).get(`/api/v1/staff/municipalities/${MITO}/procedures/${PROC}/capacity`).expect(401);
    const publicView = await request(server).get(`/api/v1/municipalities/${MITO}/procedures/${PROC}/capacity`).expect(200);
    expect(JSON.stringify(publicView.body)).not.toMatch(/receipt|submission|水戸/);
  });
});
