import { deadlineText, deadlineViewOf, type StatusChange, type SubmissionDeadline } from '@madoguchi/shared';

const deadline: SubmissionDeadline = { days: 3, unit: 'business', receivedOn: '2027-04-27', pausedDays: 0, dueDate: '2027-05-06' };
const h = (to: StatusChange['to'], at: string): StatusChange => ({ from: null, to, at, by: 'x' });
const afterDue = new Date('2027-05-10T00:30:00Z');

describe('a deadline as the desk reads it', () => {
  it('keeps running after 受理 until the decision (処理完了・却下)', () => {
    const v = deadlineViewOf(deadline, 'accepted', [], afterDue);
    expect(v).toMatchObject({ overdue: true, closed: false, daysCount: 4 });
    expect(deadlineText(v, 'ja')).toBe('4日超過');
  });

  it('stops while a correction is pending and says since when; a closed one is no longer late', () => {
    const paused = deadlineViewOf(deadline, 'correction-requested', [h('received', '2027-04-27T00:30:00Z'), h('correction-requested', '2027-04-28T02:00:00Z')], afterDue);
    expect(paused).toMatchObject({ paused: true, pausedSince: '2027-04-28', overdue: false });
    expect(deadlineText(paused, 'ja')).toBe('補正中（期間停止）');
    expect(deadlineViewOf(deadline, 'completed', [], afterDue)).toMatchObject({ closed: true, overdue: false });
  });

  it('words days left in the period’s unit', () => {
    const v = deadlineViewOf(deadline, 'in-review', [], new Date('2027-04-28T00:30:00Z'));
    expect(deadlineText(v, 'ja')).toBe('あと2開庁日'); // 4/30, 5/6
    expect(deadlineText(v, 'en')).toBe('2 business days left');
  });
});
