/**
 * 書かない窓口 through real HTTP on a real SQLite file: a clerk opens a visit,
 * fills in three birth procedures (the card's 基本4情報 recorded as read from
 * the card), the paired tablet shows them and the visitor confirms with a
 * drawn signature, and the three applications are stored once as counter
 * applications with who served, the answers' sources and the confirmation.
 * Every step is timed by the server's clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { freshExample } from '@madoguchi/presets';
import { allPresets, buildApp } from '../helpers/buildApp';
import { MITO, SAPPORO, StaffClient, makeUser } from '../helpers/staffAuth';
import type { Storage } from '../../server/src/storage/types';
import { pdfText } from '../helpers/pdfText';
import type { Services } from '../../server/src/services';
import { runCleanup } from '../../server/src/modules/maintenance/cleanup';

const PROCEDURES = ['jidou-teate-nintei', 'hoiku-shikyu-nintei', 'hoiku-riyo-moshikomi'];
const base = `/municipalities/${MITO}/counter/sessions`;
const example = (id: string) => freshExample(structuredClone(allPresets().find((p) => p.procedure.id === id)!.example!)) as Record<string, unknown>;
/** A tiny real PNG (the fixture photo) standing in for a drawn signature. */
const SIGNATURE = `data:image/png;base64,${readFileSync(join(__dirname, '..', 'fixtures', 'photo.png')).toString('base64')}`;

describe('counter visit (書かない窓口)', () => {
  let clock = new Date('2026-12-07T00:00:00.000Z'); // 09:00 in Japan
  const tick = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
  let ctx: { app: Express; storage: Storage; close: () => Promise<void> };
  let clerk: StaffClient;
  let clerkId: string;
  let clerkEmail: string;

  beforeAll(async () => {
    ctx = await buildApp({ now: () => clock, env: { LOGIN_RATE_LIMIT: '1000' } });
    const user = await makeUser(ctx.storage, 'staff', MITO, { displayName: '窓口 一郎' });
    clerkId = user.id;
    clerkEmail = user.email;
    clerk = new StaffClient(ctx.app);
    expect((await clerk.login(user.email)).status).toBe(200);
  });
  afterAll(() => ctx.close());

  it('serves a visit from arrival to three stored counter applications, every step timed', async () => {
    const opened = await clerk.post(base).expect(201);
    expect(opened.body).toMatchObject({ ticketNumber: '001', status: 'waiting', steps: [{ kind: 'opened', at: '2026-12-07T00:00:00.000Z' }] });
    const id = opened.body.sessionId as string;
    let revision = opened.body.revision as number;
    const next = (res: request.Response) => {
      revision = res.body.revision ?? res.body.session?.revision;
      return res;
    };

    tick(6); // waited six minutes
    next(await clerk.post(`${base}/${id}/start`, { revision, desk: '1番窓口' }).expect(200));
    tick(1);
    const card = next(await clerk.post(`${base}/${id}/card`, { revision, name: '水戸　花子', address: '茨城県水戸市中央一丁目1番1号', birthdate: '1990-04-01', sex: '2' }).expect(200));
    expect(card.body.identity).toMatchObject({ familyName: '水戸', givenName: '花子', addressParts: { prefecture: '茨城県', city: '水戸市', street: '中央一丁目1番1号' }, sex: '女' });
    expect(card.body.identitySource).toBe('card');

    const answers = Object.fromEntries(PROCEDURES.map((p) => [p, example(p)]));
    const sources = { [PROCEDURES[0]!]: { '/applicant/name': 'card' }, [PROCEDURES[1]!]: { '/applicant/name': 'card' } };
    next(await clerk.send('put', `${base}/${id}/work`, { revision, procedureIds: PROCEDURES, guideId: 'shussei', shared: {}, answers: {}, sources: {} }).expect(200));
    for (const procedureId of PROCEDURES) {
      next(await clerk.post(`${base}/${id}/steps`, { revision, kind: 'procedureStarted', procedureId }).expect(200));
      tick(4);
      next(await clerk.send('put', `${base}/${id}/work`, { revision, procedureIds: PROCEDURES, guideId: 'shussei', shared: {}, answers, sources }).expect(200));
      next(await clerk.post(`${base}/${id}/steps`, { revision, kind: 'procedureFinished', procedureId }).expect(200));
    }

    // The tablet: a wrong code is refused, the right one pairs it once.
    const pairing = next(await clerk.post(`${base}/${id}/pairing`, { revision }).expect(200));
    expect(pairing.body.code).toMatch(/^\d{6}$/);
    const tablet = request.agent(ctx.app);
    const wrong = pairing.body.code === '000000' ? '000001' : '000000';
    const refused = await tablet.post('/api/v1/counter/tablet/pair').send({ municipalityCode: MITO, code: wrong }).expect(409);
    expect(refused.body.error.message).toContain('番号が違う');
    await tablet.post('/api/v1/counter/tablet/pair').send({ municipalityCode: SAPPORO, code: pairing.body.code }).expect(409);
    await tablet.post('/api/v1/counter/tablet/pair').send({ municipalityCode: MITO, code: pairing.body.code }).expect(204);
    await request(ctx.app).post('/api/v1/counter/tablet/pair').send({ municipalityCode: MITO, code: pairing.body.code }).expect(409); // used up
    const waiting = await tablet.get('/api/v1/counter/tablet').expect(200);
    expect(waiting.body).toMatchObject({ ticketNumber: '001', status: 'serving', items: [] });

    tick(1);
    const asked = next(await clerk.post(`${base}/${id}/confirmation`, { revision: (await clerk.get(`${base}/${id}`)).body.revision }).expect(200));
    expect(asked.body.status).toBe('confirming');
    const shown = await tablet.get('/api/v1/counter/tablet').expect(200);
    expect(shown.body.items.map((i: { procedureId: string }) => i.procedureId)).toEqual(PROCEDURES);
    expect(shown.body.items[0].data).toEqual(answers[PROCEDURES[0]!]);
    expect(shown.body.items[0].signature).toBe('required');
    expect(shown.body.items[0].titleEn).toMatch(/^Child allowance/); // for the tablet's English screen

    // A signature is asked for: a tap alone does not confirm, a broken image is refused.
    await tablet.post('/api/v1/counter/tablet/confirm').send({ revision: shown.body.revision }).expect(409);
    await tablet.post('/api/v1/counter/tablet/confirm').send({ revision: shown.body.revision, signatureImage: 'data:image/png;base64,AAAA' }).expect(400);
    tick(2);
    const confirmed = await tablet.post('/api/v1/counter/tablet/confirm').send({ revision: shown.body.revision, signatureImage: SIGNATURE }).expect(200);
    expect(confirmed.body.status).toBe('confirmed');

    tick(1);
    const before = await ctx.storage.submissions.count(MITO);
    const submitted = await clerk.post(`${base}/${id}/submit`).expect(200);
    expect(submitted.body.items.map((i: { procedureId: string }) => i.procedureId)).toEqual(PROCEDURES);
    expect(await ctx.storage.submissions.count(MITO)).toBe(before + 3);
    // A retry (the answer was lost) stores nothing twice and gives the same receipts.
    const again = await clerk.post(`${base}/${id}/submit`).expect(200);
    expect(again.body.items).toEqual(submitted.body.items);
    expect(await ctx.storage.submissions.count(MITO)).toBe(before + 3);

    for (const [n, item] of (submitted.body.items as Array<{ procedureId: string; receiptNumber: string }>).entries()) {
      const stored = (await ctx.storage.submissions.findByReceiptNumber(item.receiptNumber))!;
      expect(stored.data).toEqual(answers[item.procedureId]);
      expect(stored.counter).toEqual({
        sessionId: id,
        ticketNumber: '001',
        desk: '1番窓口',
        servedBy: clerkId,
        sources: n < 2 ? { '/applicant/name': 'card' } : {},
        identitySource: 'card',
        prefilled: false,
        confirmation: { method: 'tablet', at: '2026-12-07T00:22:00.000Z', signatureImage: SIGNATURE },
      });
    }
    const afterSubmit = await tablet.get('/api/v1/counter/tablet').expect(200);
    expect(afterSubmit.body.receipts.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual(submitted.body.items.map((i: { receiptNumber: string }) => i.receiptNumber));

    tick(1);
    const ended = await clerk.post(`${base}/${id}/end`, {}).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', answers: {}, identity: null, tabletPaired: false });
    await tablet.get('/api/v1/counter/tablet').expect(401);

    // The timeline is what happened, minute by minute.
    const minute = (m: number) => new Date(Date.parse('2026-12-07T00:00:00.000Z') + m * 60_000).toISOString();
    expect(ended.body.steps).toEqual([
      { kind: 'opened', at: minute(0) },
      { kind: 'serviceStarted', at: minute(6) },
      { kind: 'cardRead', at: minute(7) },
      ...PROCEDURES.flatMap((procedureId, n) => [
        { kind: 'procedureStarted', at: minute(7 + 4 * n), procedureId },
        { kind: 'procedureFinished', at: minute(11 + 4 * n), procedureId },
      ]),
      { kind: 'confirmationRequested', at: minute(20) },
      { kind: 'confirmed', at: minute(22) },
      { kind: 'submitted', at: minute(23) },
      { kind: 'ended', at: minute(24) },
    ]);
    // 窓口の分析 computes its figures from exactly these steps: 6 minutes' wait, 18 of service, 4 per procedure, 2 to confirm.
    const figures = await clerk.get(`/municipalities/${MITO}/counter/analysis?from=2026-12-07&to=2026-12-07`).expect(200);
    expect(figures.body.overall).toMatchObject({
      visits: 1,
      ended: 1,
      waiting: { count: 1, medianMinutes: 6 },
      service: { count: 1, medianMinutes: 18 },
      procedure: { count: 3, medianMinutes: 4 },
      confirmation: { count: 1, medianMinutes: 2 },
      proceduresPerVisit: 3,
      cardReadShare: 1,
      prefilledShare: 0,
      submissions: 3,
    });
    const audit = await ctx.storage.audit.list({ municipalityCode: MITO, targetId: id, limit: 20 });
    expect(audit.map((e) => e.action).sort()).toEqual(['counter.card_read', 'counter.confirmed_on_tablet', 'counter.ended', 'counter.opened']);
  });

  it('prints the 申請書 for a visitor who prefers paper, and submits it as confirmed on paper', async () => {
    const opened = await clerk.post(base).expect(201);
    const id = opened.body.sessionId;
    await clerk.post(`${base}/${id}/start`, { desk: '2番窓口' }).expect(200);
    const answers = { [PROCEDURES[0]!]: example(PROCEDURES[0]!) };
    await clerk.send('put', `${base}/${id}/work`, { procedureIds: [PROCEDURES[0]], shared: {}, answers, sources: {} }).expect(200);
    await clerk.post(`${base}/${id}/confirmation`, {}).expect(200);
    const pdf = await clerk
      .get(`${base}/${id}/paper/${PROCEDURES[0]}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body as Buffer).join('');
    expect(text).toContain('児童手当');
    expect(text).toContain(`受付番号 ${opened.body.ticketNumber}`);
    await clerk.get(`${base}/${id}/paper/kaigo-nintei-shinki`).expect(404);
    const paper = await clerk.post(`${base}/${id}/paper`, {}).expect(200);
    expect(paper.body.confirmation).toMatchObject({ method: 'paper', signed: false });
    const submitted = await clerk.post(`${base}/${id}/submit`).expect(200);
    const stored = (await ctx.storage.submissions.findByReceiptNumber(submitted.body.items[0].receiptNumber))!;
    expect(stored.counter).toMatchObject({ desk: '2番窓口', identitySource: 'typed', confirmation: { method: 'paper' } });
    expect(stored.counter?.confirmation.signatureImage).toBeUndefined();
  });

  it('refuses a write from a screen that read an older revision, and changes nothing', async () => {
    const opened = await clerk.post(base).expect(201);
    const id = opened.body.sessionId;
    await clerk.post(`${base}/${id}/start`, { revision: opened.body.revision, desk: '2番窓口' }).expect(200);
    const stale = await clerk.post(`${base}/${id}/start`, { revision: opened.body.revision, desk: '3番窓口' }).expect(409);
    expect(stale.body.error.code).toBe('stale_counter_session');
    expect((await clerk.get(`${base}/${id}`).expect(200)).body.desk).toBe('2番窓口');
  });

  it('refuses answers that are not valid for the procedure when they go to the visitor, per item', async () => {
    const opened = await clerk.post(base).expect(201);
    const id = opened.body.sessionId;
    const started = await clerk.post(`${base}/${id}/start`, { desk: '1番窓口' }).expect(200);
    await clerk.send('put', `${base}/${id}/work`, { revision: started.body.revision, procedureIds: [PROCEDURES[0]], shared: {}, answers: { [PROCEDURES[0]!]: {} }, sources: {} }).expect(200);
    const res = await clerk.post(`${base}/${id}/confirmation`, {}).expect(422);
    expect(res.body.error.fields.length).toBeGreaterThan(0);
    expect(res.body.error.fields.every((f: { pointer: string }) => f.pointer.startsWith('/items/0'))).toBe(true);
    expect((await clerk.get(`${base}/${id}`)).body.status).toBe('serving');
  });

  it('loads the answers a resident prepared online (事前入力) from the resume link, as given by the resident', async () => {
    const data = example(PROCEDURES[0]!);
    const version = (await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/${PROCEDURES[0]}`).expect(200)).body.version.version;
    const draft = await request(ctx.app)
      .post('/api/v1/drafts')
      .send({ municipalityCode: MITO, procedureId: PROCEDURES[0], formVersion: version, data, attachments: {}, uploadToken: 'abcdefghijklmnopqrstuvwx' })
      .expect(201);
    const opened = await clerk.post(base).expect(201);
    const id = opened.body.sessionId;
    await clerk.post(`${base}/${id}/start`, { desk: '1番窓口' }).expect(200);
    const bad = await clerk.post(`${base}/${id}/prefill`, { link: 'https://example.jp/resume/nothing' }).expect(400);
    expect(bad.body.error.message).toContain('再開リンク');
    const loaded = await clerk.post(`${base}/${id}/prefill`, { link: `http://localhost:3000${draft.body.resumePath}` }).expect(200);
    expect(loaded.body).toMatchObject({ prefilled: true, procedureIds: [PROCEDURES[0]] });
    expect(loaded.body.answers[PROCEDURES[0]!]).toEqual(data);
    expect(Object.values(loaded.body.sources[PROCEDURES[0]!]).every((s) => s === 'prefill')).toBe(true);
    expect(Object.keys(loaded.body.sources[PROCEDURES[0]!]).length).toBeGreaterThan(3);
  });

  it('erases the answers of a visit left open past its day, and keeps it out of the service times', async () => {
    const opened = await clerk.post(base).expect(201);
    const id = opened.body.sessionId;
    const started = await clerk.post(`${base}/${id}/start`, { desk: '3番窓口' }).expect(200);
    await clerk
      .send('put', `${base}/${id}/work`, { revision: started.body.revision, procedureIds: [PROCEDURES[0]], shared: {}, answers: { [PROCEDURES[0]!]: example(PROCEDURES[0]!) }, sources: {} })
      .expect(200);
    const services = ctx.app.locals.services as Services;
    expect(await services.counter.sessions.closeAbandoned()).toBe(0); // same day: the clerk may still be at it
    const saved = clock;
    clock = new Date(clock.getTime() + 24 * 3_600_000);
    const removed = await runCleanup(ctx.storage, 24, clock, services.counter.sessions);
    clock = saved;
    await clerk.login(clerkEmail); // the day-old staff session went with the cleanup too
    expect(removed.counterVisits).toBeGreaterThanOrEqual(1);
    const after = (await ctx.storage.counterSessions.get(id))!;
    expect(after).toMatchObject({ status: 'ended', work: { shared: {}, answers: {}, sources: {} } });
    expect(after.steps.map((s) => s.kind)).toEqual(['opened', 'serviceStarted']);
  });

  it('audits a colleague’s look at a visit being served, not the serving clerk’s own screen', async () => {
    const opened = await clerk.post(base).expect(201);
    const id = opened.body.sessionId;
    await clerk.post(`${base}/${id}/start`, { desk: '1番窓口' }).expect(200);
    await clerk.get(`${base}/${id}`).expect(200);
    const colleague = await makeUser(ctx.storage, 'staff', MITO);
    const other = new StaffClient(ctx.app);
    await other.login(colleague.email);
    await other.get(`${base}/${id}`).expect(200);
    const reads = (await ctx.storage.audit.list({ municipalityCode: MITO, targetId: id, limit: 20 })).filter((e) => e.action === 'counter.read');
    expect(reads.map((e) => e.actor)).toEqual([colleague.id]);
  });

  it('lets no one else near a visit: another municipality’s staff, a platform admin, the signed-out', async () => {
    const opened = await clerk.post(base).expect(201);
    const id = opened.body.sessionId;
    const other = new StaffClient(ctx.app);
    await other.login((await makeUser(ctx.storage, 'staff', SAPPORO)).email);
    await other.get(`${base}/${id}`).expect(403);
    await other.get(`/municipalities/${SAPPORO}/counter/sessions/${id}`).expect(404);
    const admin = new StaffClient(ctx.app);
    await admin.login((await makeUser(ctx.storage, 'platform-admin', null)).email);
    await admin.get(`${base}/${id}`).expect(403);
    await request(ctx.app).get(`/api/v1/staff${base}/${id}`).expect(401);
  });
});
