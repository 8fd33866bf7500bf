import { addPeriodDays, countDaysBetween, deadlineOf, dueStanding, isClosedDay, type StatusChange } from '@madoguchi/shared';

describe('標準処理期間: 開庁日 and calendar days', () => {
  it('closes weekends, national holidays and the year-end closure 12/29–1/3', () => {
    expect(isClosedDay('2026-12-28')).toBe(false); // Monday
    for (const d of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) expect(isClosedDay(d)).toBe(true);
    expect(isClosedDay('2027-01-04')).toBe(false);
    expect(isClosedDay('2027-01-11')).toBe(true); // 成人の日 (from the holiday table, not typed here)
    expect(isClosedDay('2027-05-03')).toBe(true); // 憲法記念日
    expect(isClosedDay('2027-05-06')).toBe(false);
  });

  it('counts business days across the year-end closure', () => {
    // Received Friday 2026-12-25: 28 Dec is the 1st 開庁日, then 4, 5, 6 Jan (the 7th is the 5th).
    expect(addPeriodDays('2026-12-25', 1, 'business')).toBe('2026-12-28');
    expect(addPeriodDays('2026-12-25', 2, 'business')).toBe('2027-01-04');
    expect(addPeriodDays('2026-12-25', 5, 'business')).toBe('2027-01-07');
    expect(countDaysBetween('2026-12-25', '2027-01-07', 'business')).toBe(5);
  });

  it('counts business days across Golden Week 2027', () => {
    // 4/29 (木) 昭和の日, 5/1–2 weekend, 5/3–5 holidays: received 4/28, 3 開庁日 → 4/30, 5/6, 5/7.
    expect(addPeriodDays('2027-04-28', 3, 'business')).toBe('2027-05-07');
    expect(addPeriodDays('2027-04-28', 10, 'business')).toBe('2027-05-18');
  });

  it('counts calendar days, a last day on a closed day moving to the next 開庁日', () => {
    expect(addPeriodDays('2027-04-28', 3, 'calendar')).toBe('2027-05-06'); // 5/1 is a Saturday → past GW
    expect(addPeriodDays('2027-04-28', 9, 'calendar')).toBe('2027-05-07');
    expect(addPeriodDays('2026-12-20', 10, 'calendar')).toBe('2027-01-04'); // 12/30 → after the closure
    expect(countDaysBetween('2027-04-28', '2027-05-07', 'calendar')).toBe(9);
  });

  it('adds the days spent in 補正依頼中 to the due date, closed pauses only', () => {
    const h = (to: StatusChange['to'], at: string): StatusChange => ({ from: null, to, at, by: 'x' });
    const history = [h('received', '2027-04-20T01:00:00Z'), h('in-review', '2027-04-21T01:00:00Z'), h('correction-requested', '2027-04-22T01:00:00Z')];
    const open = deadlineOf('2027-04-20T01:00:00Z', { days: 10, unit: 'business' }, history, new Date('2027-05-10T01:00:00Z'));
    expect(open).toEqual({ days: 10, unit: 'business', receivedOn: '2027-04-20', pausedDays: 0, dueDate: '2027-05-10' });
    // Resubmitted 5/7: paused 4/23, 4/26, 4/27, 4/28, 4/30, 5/6, 5/7 = 7 開庁日.
    const done = deadlineOf('2027-04-20T01:00:00Z', { days: 10, unit: 'business' }, [...history, h('resubmitted', '2027-05-07T01:00:00Z')], new Date('2027-05-10T01:00:00Z'));
    expect(done.pausedDays).toBe(7);
    expect(done.dueDate).toBe(addPeriodDays('2027-05-10', 7, 'business'));
    expect(done.dueDate).toBe('2027-05-19');
  });

  it('tells days left and days overdue', () => {
    expect(dueStanding('2027-05-07', '2027-04-30', 'business')).toEqual({ overdue: false, days: 2 });
    expect(dueStanding('2027-05-07', '2027-05-07', 'business')).toEqual({ overdue: false, days: 0 });
    expect(dueStanding('2027-05-07', '2027-05-09', 'business')).toEqual({ overdue: true, days: 2 });
  });
});
