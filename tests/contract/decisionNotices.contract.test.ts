/** The decision-notice storage contract (issue #21): every adapter writes a notice with its status move, or neither, and keeps templates alike. */
import { randomUUID } from 'node:crypto';
import type { StatusChange } from '@madoguchi/shared';
import type { DecisionNoticeWrite } from '../../server/src/storage/decisionNoticeTypes';
import { defaultTemplate } from '../../server/src/modules/notices/noticeTemplate';
import { describeContract } from './adapters';
import { submission } from './fixtures';

const AT = new Date('2026-12-06T01:00:00.000Z');

const write = (submissionId: string, over: Partial<DecisionNoticeWrite['draft']> = {}): DecisionNoticeWrite => ({
  draft: {
    id: randomUUID(),
    municipalityCode: '082015',
    year: 2026,
    submissionId,
    receiptNumber: 'R-1',
    procedureId: 'test',
    kind: 'rejected',
    texts: { title: '却下通知書', body: '却下します。', appeal: '（教示）…3か月以内…6か月以内…', head: '水戸市長', section: '', procedureTitle: '手続', applicantName: '水戸太郎', reason: '期限切れ' },
    decidedOn: '2026-12-06',
    issuedAt: AT.toISOString(),
    issuedBy: 'u-staff',
    ...over,
  },
  numberFor: (serial) => `水戸市指令 第${String(serial).padStart(6, '0')}号`,
});

const change = (from: StatusChange['from'], to: StatusChange['to']): StatusChange => ({ from, to, at: AT.toISOString(), by: 'u-staff' });

describeContract('decision notice storage contract', ({ s }) => {
  it('numbers the notice in the status move, per municipality and year, sealed texts read back', async () => {
    const subs = [submission(), submission(), submission({ municipalityCode: '011002' })];
    for (const sub of subs) await s().submissions.insert(sub);
    await s().submissions.changeStatus(subs[0]!.id, 'received', change('received', 'rejected'), AT, { decisionNotice: write(subs[0]!.id) });
    await s().submissions.changeStatus(subs[1]!.id, 'received', change('received', 'rejected'), AT, { decisionNotice: write(subs[1]!.id, { kind: 'completed' }) });
    await s().submissions.changeStatus(subs[2]!.id, 'received', change('received', 'rejected'), AT, { decisionNotice: write(subs[2]!.id, { municipalityCode: '011002' }) });
    const [a, b, c] = await Promise.all(subs.map((x) => s().decisionNotices.forSubmission(x.id)));
    expect(a).toMatchObject({ serial: 1, number: '水戸市指令 第000001号', kind: 'rejected', texts: { reason: '期限切れ', head: '水戸市長' }, decidedOn: '2026-12-06' });
    expect(b).toMatchObject({ serial: 2, kind: 'completed' });
    expect(c).toMatchObject({ serial: 1, municipalityCode: '011002' });
    expect(await s().decisionNotices.forSubmission('missing')).toBeNull();
  });

  it('writes neither when the move loses (stale status), and never a second notice for a submission', async () => {
    const sub = submission();
    await s().submissions.insert(sub);
    await expect(s().submissions.changeStatus(sub.id, 'in-review', change('in-review', 'rejected'), AT, { decisionNotice: write(sub.id) })).rejects.toThrow();
    expect(await s().decisionNotices.forSubmission(sub.id)).toBeNull();
    await s().submissions.changeStatus(sub.id, 'received', change('received', 'rejected'), AT, { decisionNotice: write(sub.id) });
    const first = await s().decisionNotices.forSubmission(sub.id);
    await expect(s().submissions.changeStatus(sub.id, 'rejected', change('rejected', 'completed'), AT, { decisionNotice: write(sub.id, { kind: 'completed' }) })).rejects.toThrow();
    expect((await s().submissions.findById(sub.id))!.status).toBe('rejected');
    expect(await s().decisionNotices.forSubmission(sub.id)).toEqual(first);
  });

  it('keeps one template per municipality and procedure, the last saved', async () => {
    expect(await s().decisionNotices.template('082015', 'test')).toBeNull();
    const t = { ...defaultTemplate('水戸市長'), headName: '高橋 靖' };
    await s().decisionNotices.saveTemplate({ municipalityCode: '082015', procedureId: 'test', template: t, updatedAt: AT.toISOString(), updatedBy: 'u1' });
    await s().decisionNotices.saveTemplate({ municipalityCode: '082015', procedureId: 'test', template: { ...t, section: '市民課' }, updatedAt: '2026-12-07T00:00:00.000Z', updatedBy: 'u2' });
    await s().decisionNotices.saveTemplate({ municipalityCode: '011002', procedureId: 'test', template: t, updatedAt: AT.toISOString(), updatedBy: 'u3' });
    expect(await s().decisionNotices.template('082015', 'test')).toEqual({
      municipalityCode: '082015',
      procedureId: 'test',
      template: { ...t, section: '市民課' },
      updatedAt: '2026-12-07T00:00:00.000Z',
      updatedBy: 'u2',
    });
    expect((await s().decisionNotices.template('011002', 'test'))!.updatedBy).toBe('u3');
  });
});
