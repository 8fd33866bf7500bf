/**
 * The triage queue and the damage survey of a disaster (issue #20) through
 * real HTTP on a real SQLite file: 罹災証明書 applications grouped by 町字 and
 * sorted by what residents report; survey teams; the team's list (CSV sorted
 * by address, PDF); results recorded one by one or from the list brought back
 * (a bad row refuses the whole file, by line); four-eyes approval.
 */
import request from 'supertest';
import Encoding from 'encoding-japanese';
import type { Express } from 'express';
import { buildApp } from '../helpers/buildApp';
import { MITO, StaffClient, makeUser } from '../helpers/staffAuth';
import { presetApplication } from '../helpers/presetApplication';
import type { Storage } from '../../server/src/storage/types';

const RISAI = 'risai-shomeisho';
const declaration = {
  name: '令和8年12月茨城県北部の地震',
  occurredOn: '2026-12-01',
  kind: '地震',
  area: { towns: ['笠原町'], postalCodes: [] },
  reliefAct: { applied: true, appliedOn: '2026-12-01' },
};

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const at =
  (street: string, postalCode = '310-8610') =>
  (d: Data) => {
    d.householder.address = { ...d.householder.address, postalCode, street };
  };
const earthquake = (d: Data) => {
  d.damage.causes = ['地震'];
  delete d.damage.flooding;
};

describe('triage queue and damage survey (被災者支援)', () => {
  let clock = new Date('2026-12-05T01:00:00.000Z');
  let ctx: { app: Express; storage: Storage; close: () => Promise<void> };
  let admin: StaffClient;
  let staff: StaffClient;
  let staffId: string;
  let adminId: string;
  let disasterId: string;
  const receipt: Record<string, string> = {};
  const submission: Record<string, string> = {};
  const path = (rest: string) => `/municipalities/${MITO}/disasters/${disasterId}${rest}`;

  async function submit(key: string, ...edits: ((d: Data) => void)[]) {
    const application = await presetApplication(ctx.app, MITO, RISAI, (d) => edits.forEach((e) => e(d)));
    const res = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
      .set('X-Upload-Token', application.uploadToken)
      .send({ data: application.data, attachments: application.attachments, uploadToken: application.uploadToken });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    receipt[key] = res.body.receiptNumber;
    submission[key] = (await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber))!.id;
    clock = new Date(clock.getTime() + 60_000);
  }

  beforeAll(async () => {
    ctx = await buildApp({ now: () => clock, env: { LOGIN_RATE_LIMIT: '1000' } });
    const adminUser = await makeUser(ctx.storage, 'municipal-admin', MITO);
    const staffUser = await makeUser(ctx.storage, 'staff', MITO);
    [adminId, staffId] = [adminUser.id, staffUser.id];
    admin = new StaffClient(ctx.app);
    expect((await admin.login(adminUser.email)).status).toBe(200);
    staff = new StaffClient(ctx.app);
    expect((await staff.login(staffUser.email)).status).toBe(200);
    disasterId = (await admin.post(`/municipalities/${MITO}/disasters`, declaration).expect(201)).body.id;

    // Arrival order: below-floor flooding, above-floor flooding, a photo-judged collapse, a self-assessment, a shed, one outside the area.
    await submit('below', at('笠原町978-6'), (d) => (d.damage.flooding = { level: '床下浸水' }));
    await submit('above', at('笠原町12'));
    await submit('collapse', at('笠原町5'), earthquake, (d) => (d.damage.photoJudgement = '地震による全壊（倒壊・大きな傾きなどが外観の写真で分かる）'));
    await submit('self', at('笠原町100'), earthquake, (d) => {
      d.damage.selfAssessment = true;
      delete d.damage.photoJudgement;
      d.damage.selfAssessmentAgreement = true;
    });
    await submit('shed', at('笠原町7'), earthquake, (d) => {
      d.damagedProperty.propertyType = 'その他';
      d.damagedProperty.propertyTypeOther = '物置';
      d.damage.photoJudgement = '地震による全壊（倒壊・大きな傾きなどが外観の写真で分かる）';
    });
    await submit('outside', at('八幡町3', '310-0065'));
  });
  afterAll(() => ctx.close());

  it('groups the applications by 町字, flags the declared area, and sorts homes and the worst damage first', async () => {
    const queue = (await staff.get(path('/triage')).expect(200)).body;
    expect(queue.total).toBe(6);
    expect(queue.groups.map((g: { area: string; count: number; inDeclaredArea: boolean }) => [g.area, g.count, g.inDeclaredArea])).toEqual([
      ['笠原町', 5, true],
      ['八幡町', 1, false],
    ]);
    const kasahara = queue.groups[0].rows;
    expect(kasahara.map((r: { receiptNumber: string }) => r.receiptNumber)).toEqual(['collapse', 'above', 'below', 'self', 'shed'].map((k) => receipt[k]));
    expect(kasahara[0]).toMatchObject({ reportedDamage: '写真判定：地震による全壊', residential: true, status: 'received', survey: null });
    expect(kasahara[3]).toMatchObject({ selfAssessment: true, noSiteSurvey: true });
    expect(kasahara[3].photoCount).toBeGreaterThan(0);

    const self = (await staff.get(path('/triage?selfAssessment=yes')).expect(200)).body;
    expect(self.groups.flatMap((g: { rows: { receiptNumber: string }[] }) => g.rows.map((r) => r.receiptNumber))).toEqual([receipt.self]);
    const area = (await staff.get(path(`/triage?area=${encodeURIComponent('八幡町')}`)).expect(200)).body;
    expect(area.total).toBe(1);

    // Staff limited to other procedures do not see 罹災証明書 applications here either.
    const limitedUser = await makeUser(ctx.storage, 'staff', MITO, { procedureIds: ['jidou-teate'] });
    const limited = new StaffClient(ctx.app);
    expect((await limited.login(limitedUser.email)).status).toBe(200);
    expect((await limited.get(path('/triage')).expect(403)).body.error.message).toBe('罹災証明書の申請を扱う権限がありません。');
  });

  let teamId: string;
  it('forms, changes and lists survey teams of the municipality’s staff (audited), refusing bad teams in the user’s language', async () => {
    const bad = await staff
      .post(path('/teams'), { name: '', date: '12/4', memberIds: ['someone-else'], areas: [] })
      .set('Accept-Language', 'en')
      .expect(422);
    expect(bad.body.error.fields.map((f: { pointer: string }) => f.pointer)).toEqual(['/name', '/date', '/memberIds', '/areas']);
    expect(bad.body.error.fields[2].message).toMatch(/municipality’s staff/);
    const team = (await staff.post(path('/teams'), { name: '第1班', date: '2026-12-04', memberIds: [staffId], areas: ['八幡町'] }).expect(201)).body;
    teamId = team.id;
    const changed = (await staff.send('put', path(`/teams/${teamId}`), { name: '第1班', date: '2026-12-04', memberIds: [staffId, adminId], areas: ['笠原町'] }).expect(200)).body;
    expect(changed.areas).toEqual(['笠原町']);
    const list = (await staff.get(path('/teams')).expect(200)).body;
    expect(list.items.map((t: { id: string }) => t.id)).toEqual([teamId]);
    expect(list.staff.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([adminId, staffId]));
    const audit = await ctx.storage.audit.list({ targetId: teamId, limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['survey.team.created', 'survey.team.updated']);
    const doomed = (await staff.post(path('/teams'), { name: '予備', date: '2026-12-05', memberIds: [staffId], areas: ['八幡町'] }).expect(201)).body;
    await staff.send('delete', path(`/teams/${doomed.id}`)).expect(204);
    await staff.get(path(`/teams/${doomed.id}/survey-list/csv`)).expect(404);
  });

  it('gives the team its list sorted by address with empty result columns, as CSV and PDF, and audits who took it', async () => {
    const res = await staff
      .get(path(`/teams/${teamId}/survey-list/csv`))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('到達番号,住所,世帯主氏名,電話番号,申告された被害,写真,自己判定,被害の程度,調査日,調査員');
    // 笠原町5, 7, 12, 100, 978-6: numbers in the address sort as numbers.
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['collapse', 'shed', 'above', 'self', 'below'].map((k) => receipt[k]));
    expect(lines[1]).toBe(`${receipt.collapse},茨城県水戸市笠原町5,水戸 太郎,029-224-1111,写真判定：地震による全壊,${lines[1]!.split(',')[5]},,,,`);
    expect(lines[4]).toContain(',現地調査不要（自己判定）,,,');

    const pdf = await staff
      .get(path(`/teams/${teamId}/survey-list/pdf`))
      .expect(200)
      .expect('Content-Type', 'application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await ctx.storage.audit.list({ targetId: teamId, limit: 10 });
    const exported = audit.filter((e) => e.action === 'survey.list.exported');
    expect(exported.map((e) => [e.actor, e.details.format]).sort()).toEqual([
      [staffId, 'csv'],
      [staffId, 'pdf'],
    ]);
    expect(exported[0]!.details.receiptNumbers).toHaveLength(5);
  });

  const upload = (client: StaffClient, content: Buffer) =>
    client.agent
      .post(`/api/v1/staff${path(`/teams/${teamId}/survey-list/results`)}`)
      .set('X-CSRF-Token', client.csrf)
      .attach('file', content, 'list.csv');
  const csvOf = (rows: string[][]) => ['到達番号,住所,世帯主氏名,電話番号,申告された被害,写真,自己判定,被害の程度,調査日,調査員', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';

  it('refuses a filled-in list with bad rows by line and reason, applying none of it; then applies a good one', async () => {
    const bad = csvOf([
      [receipt.collapse!, '', '', '', '', '', '', '全壊', '2026/12/4', '水戸 一郎'],
      [receipt.above!, '', '', '', '', '', '', 'ぜんかい', '2026-12-04', '水戸 一郎'],
      [receipt.below!, '', '', '', '', '', '', '', '', ''],
      ['XXXX-0000', '', '', '', '', '', '', '半壊', '2026-12-04', '水戸 一郎'],
      [receipt.self!, '', '', '', '', '', '', '準半壊', '2026-11-30', ''],
    ]);
    const ja = await upload(staff, Buffer.from(bad, 'utf8')).expect(422);
    expect(ja.body.error.message).toBe('3行に誤りがあるため、どの結果も登録していません。');
    expect(ja.body.error.fields.map((f: { label: string }) => f.label)).toEqual(['3行目', '5行目', '6行目', '6行目']);
    expect(ja.body.error.fields[0].message).toContain('被害の程度は');
    const en = await upload(staff, Buffer.from(bad, 'utf8')).set('Accept-Language', 'en').expect(422);
    expect(en.body.error.fields[1].message).toMatch(/not a certificate application of this disaster/);
    expect((await ctx.storage.disasters.getCase(submission.collapse!))!.survey).toBeNull();

    const good = csvOf([
      [receipt.collapse!, '', '', '', '', '', '', '全壊', '2026/12/4', '水戸 一郎'],
      [receipt.above!, '', '', '', '', '', '', '半壊', '2026-12-04', '水戸 一郎・笠間 次郎'],
    ]);
    expect((await upload(staff, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good, 'utf8')])).expect(200)).body).toEqual({ applied: 2 });
    expect((await ctx.storage.disasters.getCase(submission.collapse!))!.survey).toMatchObject({
      level: '全壊',
      surveyedOn: '2026-12-04',
      surveyor: '水戸 一郎',
      method: 'survey',
      teamId,
      recordedBy: staffId,
      approvedBy: null,
    });
    const audit = await ctx.storage.audit.list({ targetId: teamId, limit: 20 });
    expect(audit.filter((e) => e.action === 'survey.imported')).toHaveLength(1);
  });

  it('reads a list saved as Shift_JIS', async () => {
    const text = csvOf([[receipt.below!, '', '', '', '', '', '', '準半壊', '2026-12-04', '笠間 次郎']]);
    const sjis = Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
    expect((await upload(staff, sjis).expect(200)).body).toEqual({ applied: 1 });
    expect((await ctx.storage.disasters.getCase(submission.below!))!.survey).toMatchObject({ level: '準半壊', surveyor: '笠間 次郎' });
  });

  it('records one result, refuses approval by the one who recorded it, approves by another, and a new result clears the approval', async () => {
    const one = path(`/cases/${submission.self}/survey`);
    const wrong = await staff.send('put', one, { level: '半壊', surveyedOn: '2026-12-04', surveyor: '水戸 一郎', method: 'self' }).expect(422);
    expect(wrong.body.error.fields.map((f: { pointer: string }) => f.pointer)).toEqual(['/method']);
    const recorded = (await staff.send('put', one, { level: '準半壊に至らない（一部損壊）', surveyedOn: '2026-12-04', surveyor: '水戸 一郎', method: 'self' }).expect(200)).body;
    expect(recorded.survey).toMatchObject({ method: 'self', recordedBy: staffId, approvedBy: null });

    const same = await staff.post(`${one}/approve`).expect(403);
    expect(same.body.error.message).toContain('別の職員');
    expect((await ctx.storage.disasters.getCase(submission.self!))!.survey!.approvedBy).toBeNull();
    const approved = (await admin.post(`${one}/approve`).expect(200)).body;
    expect(approved.survey).toMatchObject({ approvedBy: adminId, approvedAt: clock.toISOString() });

    await admin.send('put', one, { level: '準半壊に至らない（一部損壊）', surveyedOn: '2026-12-05', surveyor: '笠間 次郎', method: 'self' }).expect(200);
    expect((await ctx.storage.disasters.getCase(submission.self!))!.survey).toMatchObject({ recordedBy: adminId, approvedBy: null });
    const actions = (await ctx.storage.audit.list({ targetId: submission.self!, limit: 20 })).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('survey.')).sort()).toEqual(['survey.approved', 'survey.recorded', 'survey.recorded']);

    // Only this disaster's 罹災証明書 applications have results.
    await staff.send('put', path(`/cases/unknown/survey`), { level: '全壊', surveyedOn: '2026-12-04', surveyor: 'x', method: 'survey' }).expect(404);
    const queue = (await staff.get(path('/triage?surveyed=no')).expect(200)).body;
    expect(queue.groups.flatMap((g: { rows: { receiptNumber: string }[] }) => g.rows.map((r) => r.receiptNumber)).sort()).toEqual([receipt.outside, receipt.shed].sort());
  });
});
