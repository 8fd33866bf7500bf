/**
 * 被災者支援 (issue #20) through real HTTP on a real SQLite file: a municipal
 * admin declares a disaster; the municipality's pages get its banner; a
 * 罹災証明書 application takes the declared disaster whatever the resident
 * typed, and is stored with its triage row; closing ends the banner and keeps
 * the link. Staff may read but not declare; another municipality sees nothing.
 */
import request from 'supertest';
import type { Express } from 'express';
import { buildApp } from '../helpers/buildApp';
import { MITO, SAPPORO, StaffClient, makeUser } from '../helpers/staffAuth';
import { presetApplication } from '../helpers/presetApplication';
import type { Storage } from '../../server/src/storage/types';

const RISAI = 'risai-shomeisho';
const declaration = {
  name: '令和8年12月茨城県北部の地震',
  occurredOn: '2026-12-01',
  kind: '地震',
  area: { towns: ['笠原町', ' 中央一丁目 ', '笠原町'], postalCodes: ['310-8610', '３１００８５１'] },
  reliefAct: { applied: true, appliedOn: '2026-12-01' },
};

describe('disasters (被災者支援)', () => {
  const clock = new Date('2026-12-05T01:00:00.000Z');
  let ctx: { app: Express; storage: Storage; close: () => Promise<void> };
  let admin: StaffClient;
  let staff: StaffClient;
  let otherAdmin: StaffClient;

  beforeAll(async () => {
    ctx = await buildApp({ now: () => clock, env: { LOGIN_RATE_LIMIT: '1000' } });
    const login = async (role: 'municipal-admin' | 'staff', code: string) => {
      const client = new StaffClient(ctx.app);
      expect((await client.login((await makeUser(ctx.storage, role, code)).email)).status).toBe(200);
      return client;
    };
    admin = await login('municipal-admin', MITO);
    staff = await login('staff', MITO);
    otherAdmin = await login('municipal-admin', SAPPORO);
  });
  afterAll(() => ctx.close());

  const banners = async (code = MITO) => (await request(ctx.app).get(`/api/v1/municipalities/${code}/disasters`).expect(200)).body.items as { id: string; banner: string }[];

  async function submitRisai(typedDisaster: Record<string, unknown>) {
    const application = await presetApplication(ctx.app, MITO, RISAI);
    const res = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
      .set('X-Upload-Token', application.uploadToken)
      .send({ data: { ...application.data, disaster: typedDisaster }, attachments: application.attachments, uploadToken: application.uploadToken });
    return res;
  }

  it('refuses a bad declaration with every problem named, in the admin’s language, and stores nothing', async () => {
    const bad = { ...declaration, name: '', occurredOn: '2026-12-31', area: { towns: [], postalCodes: ['12-34'] }, reliefAct: { applied: true, appliedOn: null } };
    const ja = await admin.post(`/municipalities/${MITO}/disasters`, bad);
    expect([ja.status, ja.body.error.message]).toEqual([422, '入力内容に4件の誤りがあります。']);
    expect(ja.body.error.fields.map((f: { pointer: string }) => f.pointer).sort()).toEqual(['/area/postalCodes/0', '/name', '/occurredOn', '/reliefAct/appliedOn']);
    expect(ja.body.error.fields.find((f: { pointer: string }) => f.pointer === '/area/postalCodes/0').message).toContain('7桁');
    const en = await admin.post(`/municipalities/${MITO}/disasters`, bad).set('Accept-Language', 'en').expect(422);
    expect(en.body.error.fields.find((f: { pointer: string }) => f.pointer === '/occurredOn').message).toMatch(/today or earlier/);
    expect((await admin.get(`/municipalities/${MITO}/disasters`).expect(200)).body.items).toEqual([]);
    expect(await banners()).toEqual([]);
  });

  it('lets only the municipality’s admin declare; staff read; another municipality neither', async () => {
    await staff.post(`/municipalities/${MITO}/disasters`, declaration).expect(403);
    await otherAdmin.post(`/municipalities/${MITO}/disasters`, declaration).expect(403);
    await otherAdmin.get(`/municipalities/${MITO}/disasters`).expect(403);
    expect((await staff.get(`/municipalities/${MITO}/disasters`).expect(200)).body.items).toEqual([]);
  });

  it('declares, shows the banner, sets the disaster in a 罹災証明書 application with its triage row, and closes', async () => {
    const declared = (await admin.post(`/municipalities/${MITO}/disasters`, declaration).expect(201)).body;
    expect(declared).toMatchObject({ status: 'open', area: { towns: ['笠原町', '中央一丁目'], postalCodes: ['3108610', '3100851'] }, reliefAct: { applied: true, appliedOn: '2026-12-01' } });
    expect(await banners()).toEqual([expect.objectContaining({ id: declared.id, banner: '令和8年12月1日の令和8年12月茨城県北部の地震による被害を受けた方へ' })]);
    expect(await banners(SAPPORO)).toEqual([]);

    // Whatever the resident typed, the application is for the declared disaster.
    const res = await submitRisai({ name: '自分で書いた名前', date: '2026-11-30' });
    expect(res.status).toBe(201);
    const stored = await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber);
    expect(stored!.data.disaster).toEqual({ id: declared.id, name: declaration.name, date: '2026-12-01' });
    const row = await ctx.storage.disasters.getCase(stored!.id);
    expect(row).toMatchObject({
      disasterId: declared.id,
      procedureId: RISAI,
      area: '笠原町',
      postalCode: '3108610',
      residential: true,
      reportedDamage: '床上浸水（25cm）',
      selfAssessment: false,
      survey: null,
    });

    const audit = await ctx.storage.audit.list({ targetId: declared.id, limit: 10 });
    expect(audit.map((e) => e.action)).toEqual(['disaster.declared']);

    const closed = (await admin.post(`/municipalities/${MITO}/disasters/${declared.id}/close`).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', closedAt: clock.toISOString() });
    expect(await banners()).toEqual([]);
    // The application keeps its disaster; new ones are taken as typed again.
    expect((await ctx.storage.disasters.listCases(declared.id)).map((c) => c.submissionId)).toEqual([stored!.id]);
    const after = await submitRisai({ name: '自分で書いた名前', date: '2026-11-30' });
    expect(after.status).toBe(201);
    const typed = await ctx.storage.submissions.findByReceiptNumber(after.body.receiptNumber);
    expect(typed!.data.disaster).toEqual({ name: '自分で書いた名前', date: '2026-11-30' });
    expect(await ctx.storage.disasters.getCase(typed!.id)).toBeNull();
    await admin.send('put', `/municipalities/${MITO}/disasters/${declared.id}`, declaration).expect(409);
  });
});
