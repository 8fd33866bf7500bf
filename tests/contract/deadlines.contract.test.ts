/** The 標準処理期間 storage contract (issue #21): every adapter behaves exactly like this. */
import type { SubmissionDeadline } from '@madoguchi/shared';
import type { ProcessingPeriodSetting } from '../../server/src/storage/deadlineTypes';
import { describeContract } from './adapters';
import { submission } from './fixtures';

const period = (over: Partial<ProcessingPeriodSetting> = {}): ProcessingPeriodSetting => ({
  municipalityCode: '082015',
  procedureId: 'test',
  days: 10,
  unit: 'business',
  updatedAt: '2027-04-01T00:00:00.000Z',
  updatedBy: 'u-1',
  ...over,
});
const deadline = (dueDate: string): SubmissionDeadline => ({ days: 3, unit: 'business', receivedOn: '2027-04-27', pausedDays: 0, dueDate });

describeContract('deadline storage contract', ({ s }) => {
  it('sets, replaces, lists per municipality and removes a procedure’s period', async () => {
    await s().deadlines.setPeriod(period());
    await s().deadlines.setPeriod(period({ days: 5, unit: 'calendar' }));
    await s().deadlines.setPeriod(period({ procedureId: 'another' }));
    await s().deadlines.setPeriod(period({ municipalityCode: '011002' }));
    expect(await s().deadlines.listPeriods('082015')).toEqual([period({ procedureId: 'another' }), period({ days: 5, unit: 'calendar' })]);
    expect(await s().deadlines.getPeriod('082015', 'test')).toEqual(period({ days: 5, unit: 'calendar' }));
    await s().deadlines.removePeriod('082015', 'test');
    expect(await s().deadlines.getPeriod('082015', 'test')).toBeNull();
    expect((await s().deadlines.listPeriods('082015')).length).toBe(1);
  });

  it('stores a new submission’s deadline with the submission itself (one write), single and in a bundle', async () => {
    const single = submission();
    await s().submissions.insert(single, undefined, { deadline: deadline('2027-05-06') });
    expect(await s().inbox.getMeta(single.id)).toMatchObject({ deadline: deadline('2027-05-06'), dueDate: '2027-05-06' });
    const [a, b] = [submission(), submission()];
    const bundle = { id: `bundle-${a.id}`, receiptNumber: 'BNDL-0000-0001', municipalityCode: '082015', submissionIds: [a.id, b.id], createdAt: a.createdAt };
    await s().submissions.insertBundle(bundle, [{ submission: a, options: { deadline: deadline('2027-05-12') } }, { submission: b }]);
    expect((await s().inbox.getMeta(a.id))!.dueDate).toBe('2027-05-12');
    expect((await s().inbox.getMeta(b.id))!.deadline).toBeUndefined();
  });

  it('stores a submission’s deadline on its inbox row; the list filters on the due date and sorts by it (soonest first, pages by cursor)', async () => {
    const late = submission();
    const soon = submission();
    const none = submission();
    const alsoSoon = submission();
    for (const x of [late, soon, none, alsoSoon]) await s().submissions.insert(x);
    await s().deadlines.setSubmissionDeadline(late.id, deadline('2027-05-20'));
    await s().deadlines.setSubmissionDeadline(soon.id, deadline('2027-05-06'));
    await s().deadlines.setSubmissionDeadline(alsoSoon.id, deadline('2027-05-06'));
    expect(await s().inbox.getMeta(late.id)).toMatchObject({ deadline: deadline('2027-05-20'), dueDate: '2027-05-20' });
    expect((await s().inbox.getMeta(none.id))!.deadline).toBeUndefined();

    const base = { municipalityCode: '082015', limit: 10 };
    const before = await s().inbox.list({ ...base, dueBefore: '2027-05-07' });
    expect(before.items.map((m) => m.id).sort()).toEqual([soon.id, alsoSoon.id].sort());
    const all = await s().inbox.list({ ...base, sort: 'due-asc' });
    const ties = [soon.id, alsoSoon.id].sort();
    expect(all.items.map((m) => m.id)).toEqual([...ties, late.id]);
    const page1 = await s().inbox.list({ ...base, sort: 'due-asc', limit: 2 });
    const page2 = await s().inbox.list({ ...base, sort: 'due-asc', limit: 2, after: page1.next! });
    expect([...page1.items, ...page2.items].map((m) => m.id)).toEqual([...ties, late.id]);
    expect(page2.next).toBeUndefined();
  });

  it('claims a once-a-day run only once', async () => {
    expect(await s().deadlines.claimRun('deadline-digest:2027-05-07:082015', '2027-05-07T00:00:00Z')).toBe(true);
    expect(await s().deadlines.claimRun('deadline-digest:2027-05-07:082015', '2027-05-07T01:00:00Z')).toBe(false);
    expect(await s().deadlines.claimRun('deadline-digest:2027-05-08:082015', '2027-05-08T00:00:00Z')).toBe(true);
    expect(await s().deadlines.hasRun('deadline-digest:2027-05-08:082015')).toBe(true);
    expect(await s().deadlines.hasRun('deadline-digest:2027-05-09:082015')).toBe(false);
  });
});
