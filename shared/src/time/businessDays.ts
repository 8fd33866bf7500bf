/**
 * 標準処理期間 arithmetic on Japan-time dates (YYYY-MM-DD), the same on server and client.
 * A 開庁日 (business day) is any day but Saturday, Sunday, a national holiday
 * (from @holiday-jp/holiday_jp, a maintained table shipped with the package: nothing is
 * downloaded at run time) and the year-end closure 12/29–1/3.
 */
import holidays from '@holiday-jp/holiday_jp/lib/holidays';
import { japanClock } from './japanTime';
import { shiftDate, weekdayOf } from './calendarDates';

export { shiftDate, weekdayOf } from './calendarDates';
import type { StatusChange } from '../submission/types';

export const PERIOD_UNITS = ['business', 'calendar'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** A procedure's 標準処理期間 as the municipality sets it. */
export interface ProcessingPeriod {
  days: number;
  unit: PeriodUnit;
}

export const MAX_PERIOD_DAYS = 365;

const holidayTable = holidays as Record<string, unknown>;

/** A national holiday or the year-end closure (12/29–1/3), whatever the day of the week. */
export function isHolidayOrYearEnd(date: string): boolean {
  const monthDay = date.slice(5);
  if (monthDay >= '12-29' || monthDay <= '01-03') return true;
  return date in holidayTable;
}

/** Saturday, Sunday, a national holiday or the year-end closure (12/29–1/3). */
export function isClosedDay(date: string): boolean {
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return true;
  return isHolidayOrYearEnd(date);
}

/** Whether a day counts under the unit (every day for calendar days). */
const counts = (date: string, unit: PeriodUnit) => unit === 'calendar' || !isClosedDay(date);

/**
 * The date `days` counted days after `start`. The start day itself is not counted (初日不算入).
 * For calendar days a last day on a closed day moves to the next 開庁日 (民法 142 条).
 */
export function addPeriodDays(start: string, days: number, unit: PeriodUnit): string {
  let date = start;
  for (let left = days; left > 0;) {
    date = shiftDate(date, 1);
    if (counts(date, unit)) left--;
  }
  while (unit === 'calendar' && days > 0 && isClosedDay(date)) date = shiftDate(date, 1);
  return date;
}

/** Counted days d with from < d ≤ to; negative when `to` is before `from`. */
export function countDaysBetween(from: string, to: string, unit: PeriodUnit): number {
  if (to < from) return -countDaysBetween(to, from, unit);
  let n = 0;
  for (let date = shiftDate(from, 1); date <= to; date = shiftDate(date, 1)) if (counts(date, unit)) n++;
  return n;
}

/** Paused spans of a history: each stay in 補正依頼中, from the request to the next move (or `now` while still in it). */
export function correctionPauses(history: readonly StatusChange[], now: Date): Array<{ from: string; to: string; open: boolean }> {
  const spans: Array<{ from: string; to: string; open: boolean }> = [];
  let since: string | undefined;
  for (const change of history) {
    if (change.to === 'correction-requested') since ??= change.at;
    else if (since) {
      spans.push({ from: japanClock(since).date, to: japanClock(change.at).date, open: false });
      since = undefined;
    }
  }
  if (since) spans.push({ from: japanClock(since).date, to: japanClock(now).date, open: true });
  return spans;
}

/** A submission's deadline: what it was received under, how long the clock stood still, and the due date that follows. */
export interface SubmissionDeadline extends ProcessingPeriod {
  /** Japan date of receipt. */
  receivedOn: string;
  /** Days (in the period's unit) the clock stood still for corrections, closed pauses only. */
  pausedDays: number;
  /** receivedOn + days + pausedDays. */
  dueDate: string;
}

/** The deadline of a submission received at `receivedAt` under `period`, with its history's finished correction pauses. */
export function deadlineOf(receivedAt: string, period: ProcessingPeriod, history: readonly StatusChange[], now: Date): SubmissionDeadline {
  const receivedOn = japanClock(receivedAt).date;
  const pausedDays = correctionPauses(history, now)
    .filter((p) => !p.open)
    .reduce((sum, p) => sum + countDaysBetween(p.from, p.to, period.unit), 0);
  return { ...period, receivedOn, pausedDays, dueDate: addPeriodDays(receivedOn, period.days + pausedDays, period.unit) };
}

/**
 * Where a due date stands today: days left in the period's unit (0: due today), or, once past it,
 * calendar days overdue (a clerk reads 「2日超過」 the same whatever the unit).
 */
export function dueStanding(dueDate: string, today: string, unit: PeriodUnit): { overdue: boolean; days: number } {
  if (today > dueDate) return { overdue: true, days: countDaysBetween(dueDate, today, 'calendar') };
  return { overdue: false, days: countDaysBetween(today, dueDate, unit) };
}
