/**
 * 罹災証明書 (issue #20) through real HTTP on a real SQLite file: staff issue
 * the certificate once the survey result is approved (not before; twice
 * gives the same one; audited; the application is completed), the PDF says
 * what the unified form says, the resident downloads it with the receipt
 * secret, anyone verifies it by number and code (an unknown number and a
 * wrong code get the same answer), staff withdraw it with a reason, and the
 * follow-up procedures' forms take its damage level.
 */
import request from 'supertest';
import type { Express } from 'express';
import { buildApp } from '../helpers/buildApp';
import { MITO, StaffClient, makeUser } from '../helpers/staffAuth';
import { presetApplication } from '../helpers/presetApplication';
import { pdfText } from '../helpers/pdfText';
import type { Storage } from '../../server/src/storage/types';
import type { DamageSurvey } from '../../server/src/storage/disasterTypes';

const RISAI = 'risai-shomeisho';
const SHURI = 'oukyu-shuri';
const declaration = {
  name: '令和8年12月茨城県北部の地震',
  occurredOn: '2026-12-01',
  kind: '地震',
  area: { towns: ['笠原町'], postalCodes: ['310-8610'] },
  reliefAct: { applied: true, appliedOn: '2026-12-01' },
};
const survey = (level: DamageSurvey['level'], approved: boolean): DamageSurvey => ({
  level,
  surveyedOn: '2026-12-03',
  surveyor: '水戸 一郎',
  method: 'survey',
  teamId: null,
  recordedBy: 'u-staff',
  recordedAt: '2026-12-03T08:00:00.000Z',
  approvedBy: approved ? 'u-admin' : null,
  approvedAt: approved ? '2026-12-04T00:00:00.000Z' : null,
});

describe('罹災証明書 (certificates)', () => {
  const clock = new Date('2026-12-05T01:00:00.000Z');
  let ctx: { app: Express; storage: Storage; close: () => Promise<void> };
  let admin: StaffClient;
  let staff: StaffClient;
  let disasterId: string;

  beforeAll(async () => {
    ctx = await buildApp({ now: () => clock, env: { LOGIN_RATE_LIMIT: '1000', RATE_LIMIT_LOOKUP_PER_MIN: '0', RATE_LIMIT_RECEIPT_PER_MIN: '0' } });
    const login = async (role: 'municipal-admin' | 'staff') => {
      const client = new StaffClient(ctx.app);
      expect((await client.login((await makeUser(ctx.storage, role, MITO)).email)).status).toBe(200);
      return client;
    };
    admin = await login('municipal-admin');
    staff = await login('staff');
    disasterId = (await admin.post(`/municipalities/${MITO}/disasters`, declaration).expect(201)).body.id;
  });
  afterAll(() => ctx.close());

  async function apply(procedureId: string, change: (data: Record<string, unknown>) => Record<string, unknown> = (d) => d) {
    const application = await presetApplication(ctx.app, MITO, procedureId);
    return request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${procedureId}/submissions`)
      .send({ data: change(application.data), attachments: application.attachments, uploadToken: application.uploadToken });
  }

  async function risai() {
    const res = await apply(RISAI);
    expect(res.status).toBe(201);
    const stored = (await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber))!;
    return { receipt: res.body.receiptNumber as string, secret: res.body.secret as string, id: stored.id, path: `/municipalities/${MITO}/disasters/${disasterId}/cases/${stored.id}/certificate` };
  }

  const verify = (number: string, code: string) => request(ctx.app).get('/api/v1/certificates/verify').query({ number, code }).expect(200);

  it('issues only an approved result, once, audited, completing the application; the PDF states the unified form’s items', async () => {
    const a = await risai();
    expect((await staff.get(a.path).expect(200)).body).toEqual({ certificate: null });
    expect((await staff.post(a.path).expect(409)).body.error.code).toBe('survey_not_approved');
    await ctx.storage.disasters.setSurveys(disasterId, [{ submissionId: a.id, survey: survey('半壊', false) }]);
    expect((await staff.post(a.path).expect(409)).body.error.code).toBe('survey_not_approved');
    await ctx.storage.disasters.setSurveys(disasterId, [{ submissionId: a.id, survey: survey('半壊', true) }]);

    const issued = (await staff.post(a.path).expect(201)).body;
    expect(issued).toMatchObject({
      number: '令和8年 第000001号',
      damageLevel: '半壊',
      byPost: true,
      withdrawnAt: null,
      facts: {
        householderName: '水戸 太郎',
        householderAddress: '茨城県水戸市笠原町978-6',
        propertyAddress: '茨城県水戸市笠原町978-6',
        disasterName: declaration.name,
        disasterDate: '2026-12-01',
        municipalityName: '水戸市',
        headTitle: '水戸市長',
      },
    });
    expect(issued.verificationCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect((await staff.post(a.path).expect(200)).body).toEqual(issued);
    const audit = await ctx.storage.audit.list({ targetId: a.id, limit: 20 });
    expect(audit.filter((e) => e.action === 'certificate.issued')).toHaveLength(1);
    expect((await ctx.storage.submissions.findById(a.id))!.status).toBe('completed');
    // Only its code is kept, as a keyed hash.
    const stored = (await ctx.storage.certificates.latestFor(a.id))!;
    expect(JSON.stringify(stored)).not.toContain(issued.verificationCode);

    const pdf = await staff
      .get(`${a.path}/pdf`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body as Buffer).join('\n');
    for (const item of [
      '罹 災 証 明 書',
      '証明書番号　令和8年 第000001号',
      '世帯主住所',
      '茨城県水戸市笠原町978-6',
      '世帯主氏名',
      '水戸 太郎',
      '罹災原因',
      '令和8年12月1日の令和8年12月茨城県北部の地震',
      '被害の程度',
      '住家',
      '被災住家の所在地',
      '証明日　令和8年12月5日',
      '水戸市長',
      `照合番号：${issued.verificationCode}`,
      '認定した被害の程度：半壊',
    ]) {
      expect(text).toContain(item);
    }
    expect(text).toMatch(/確認ページ：http:\/\/localhost:\d+\/verify\n/);
  });

  it('lets the resident see and download it with the receipt secret only', async () => {
    const a = await risai();
    const anon = request(ctx.app);
    expect((await anon.get(`/api/v1/submissions/${a.receipt}/certificate`).set('X-Receipt-Secret', a.secret).expect(200)).body).toEqual({ state: 'none' });
    await anon.get(`/api/v1/submissions/${a.receipt}/certificate/pdf`).set('X-Receipt-Secret', a.secret).expect(404);
    await ctx.storage.disasters.setSurveys(disasterId, [{ submissionId: a.id, survey: survey('全壊', true) }]);
    const issued = (await staff.post(a.path).expect(201)).body;
    expect((await anon.get(`/api/v1/submissions/${a.receipt}/certificate`).set('X-Receipt-Secret', a.secret).expect(200)).body).toEqual({
      state: 'issued',
      number: issued.number,
      issuedOn: '2026-12-05',
      byPost: true,
    });
    await anon.get(`/api/v1/submissions/${a.receipt}/certificate`).expect(404);
    await anon.get(`/api/v1/submissions/${a.receipt}/certificate/pdf`).set('X-Receipt-Secret', 'wrong').expect(404);
    const pdf = await anon.get(`/api/v1/submissions/${a.receipt}/certificate/pdf`).set('X-Receipt-Secret', a.secret).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('verifies by number and code: valid, no match (unknown number and wrong code alike), withdrawn after staff withdraw it with a reason', async () => {
    const a = await risai();
    await ctx.storage.disasters.setSurveys(disasterId, [{ submissionId: a.id, survey: survey('大規模半壊', true) }]);
    const issued = (await staff.post(a.path).expect(201)).body;
    const typed = issued.number.replace(' ', '').replace(/0+(?=[1-9])/u, ''); // 「令和8年第3号」 as typed
    expect((await verify(typed, issued.verificationCode.toLowerCase().replace(/-/gu, ''))).body).toEqual({
      result: 'valid',
      number: issued.number,
      municipalityName: '水戸市',
      disasterName: declaration.name,
      disasterDate: '2026-12-01',
      damageLevel: '大規模半壊',
      issuedOn: '2026-12-05',
    });
    const wrongCode = (await verify(issued.number, 'AAAA-AAAA-AAAA')).body;
    const unknownNumber = (await verify('令和8年 第999999号', issued.verificationCode)).body;
    expect(wrongCode).toEqual({ result: 'mismatch' });
    expect(unknownNumber).toEqual(wrongCode);
    expect((await verify('nonsense', '')).body).toEqual(wrongCode);

    // A changed result needs the certificate withdrawn first.
    await ctx.storage.disasters.setSurveys(disasterId, [{ submissionId: a.id, survey: survey('全壊', true) }]);
    expect((await staff.post(a.path).expect(409)).body.error.code).toBe('certificate_outdated');
    expect((await staff.post(`${a.path}/withdraw`, { reason: '  ' }).expect(400)).body.error.code).toBe('reason_required');
    const withdrawn = (await staff.post(`${a.path}/withdraw`, { reason: '再調査により被害の程度を変更' }).expect(200)).body;
    expect(withdrawn).toMatchObject({ withdrawnAt: clock.toISOString(), withdrawnReason: '再調査により被害の程度を変更' });
    await staff.post(`${a.path}/withdraw`, { reason: 'again' }).expect(404);
    expect((await ctx.storage.audit.list({ targetId: a.id, limit: 20 })).map((e) => e.action)).toContain('certificate.withdrawn');
    expect((await verify(issued.number, issued.verificationCode)).body).toEqual({ result: 'withdrawn', number: issued.number, withdrawnOn: '2026-12-05' });
    const resident = await request(ctx.app).get(`/api/v1/submissions/${a.receipt}/certificate`).set('X-Receipt-Secret', a.secret).expect(200);
    expect(resident.body).toEqual({ state: 'withdrawn', number: issued.number, withdrawnOn: '2026-12-05' });
    await staff.get(`${a.path}/pdf`).expect(404);

    const reissued = (await staff.post(a.path).expect(201)).body;
    expect(reissued.damageLevel).toBe('全壊');
    expect(reissued.number).not.toBe(issued.number);
  });

  it('gives the follow-up forms the damage level, and intake checks a number of ours against it', async () => {
    const a = await risai();
    await ctx.storage.disasters.setSurveys(disasterId, [{ submissionId: a.id, survey: survey('中規模半壊', true) }]);
    const issued = (await staff.post(a.path).expect(201)).body;
    const ref = await request(ctx.app).get('/api/v1/certificates/reference').query({ number: issued.number, code: issued.verificationCode }).expect(200);
    expect(ref.body).toEqual({ number: issued.number, damageLevel: '中規模半壊', disasterId, municipalityCode: MITO });
    await request(ctx.app).get('/api/v1/certificates/reference').query({ number: issued.number, code: 'AAAA-AAAA-AAAA' }).expect(404);

    const withLevel = (number: string, damageLevel: string) => (d: Record<string, unknown>) => ({ ...d, risaiCertificate: { number, damageLevel } });
    const mismatch = await apply(SHURI, withLevel(issued.number, '全壊'));
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.fields).toEqual([expect.objectContaining({ pointer: '/risaiCertificate/damageLevel', message: '罹災証明書の被害の程度と一致しません（証明書：中規模半壊）。' })]);
    expect((await apply(SHURI, withLevel(issued.number, '中規模半壊'))).status).toBe(201);
    // Another issuer's number is taken as typed.
    expect((await apply(SHURI, withLevel('第2026-0042号', '全壊'))).status).toBe(201);
  });

  it('limits verification look-ups per address', async () => {
    const limited = await buildApp({ env: { RATE_LIMIT_LOOKUP_PER_MIN: '3' } });
    try {
      for (let i = 0; i < 3; i++) await request(limited.app).get('/api/v1/certificates/verify').query({ number: '令和8年 第000001号', code: 'AAAA' }).expect(200);
      const refused = await request(limited.app).get('/api/v1/certificates/verify').query({ number: '令和8年 第000001号', code: 'AAAA' }).expect(429);
      expect(refused.body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
