/**
 * 受付期間 (reception periods): whether a procedure takes applications at an instant, and when it
 * opens next, in Japan time. The same on server (intake refuses) and client (the procedure page says so).
 * Times are wall-clock Japan time `YYYY-MM-DDTHH:mm`; they compare as strings, to the minute
 * (08:29:59 reads 08:29, before an 08:30 opening).
 */
import type { ProcedureReception } from '../form/types';
import { isHolidayOrYearEnd, shiftDate, weekdayOf } from './businessDays';
import { japanClock } from './japanTime';

export type { ProcedureReception, WeeklyHours } from '../form/types';

export type ReceptionState =
  /** Open now; `until`: when this opening ends (end of today's hours or the period), if it ends. */
  | { status: 'open'; until?: string }
  /** The period has not begun; `opensAt`: the first opening. */
  | { status: 'not-yet-open'; opensAt: string }
  /** The period is over. */
  | { status: 'closed'; closedAt: string }
  /** Within the period but outside its hours (or a holiday); `nextOpening` null when none is left. */
  | { status: 'outside-hours'; nextOpening: string | null };

export interface ReceptionOptions {
  /**
   * Counter (書かない窓口) entries: staff enter them while the desk is open, so weekly hours and
   * holidays do not apply; only the dated period (opensAt/closesAt) does.
   */
  datesOnly?: boolean;
}

/** How far ahead the next opening is looked for (a little over a year of days). */
const SEARCH_DAYS = 400;

const localNow = (now: Date): string => {
  const c = japanClock(now);
  return `${c.date}T${c.time}`;
};

/** The windows [from, to) of a day (the whole day when there are no weekly hours), none on a closed holiday. */
function windowsOf(reception: ProcedureReception, date: string, datesOnly: boolean): Array<{ from: string; to: string }> {
  if (datesOnly) return [{ from: '00:00', to: '24:00' }];
  if (reception.closedOnHolidays && isHolidayOrYearEnd(date)) return [];
  if (!reception.weekly?.length) return [{ from: '00:00', to: '24:00' }];
  const weekday = weekdayOf(date);
  return reception.weekly.filter((w) => w.days.includes(weekday)).map((w) => ({ from: w.from, to: w.to }));
}

/** The window holding a local minute, if the procedure is open then. */
function windowAt(reception: ProcedureReception, local: string, datesOnly: boolean): { from: string; to: string } | undefined {
  if (reception.opensAt && local < reception.opensAt) return undefined;
  if (reception.closesAt && local >= reception.closesAt) return undefined;
  const time = local.slice(11);
  return windowsOf(reception, local.slice(0, 10), datesOnly).find((w) => w.from <= time && time < w.to);
}

/** The first local minute at or after `from` when the procedure is open (null: none within the search range or the period). */
export function nextReceptionOpening(reception: ProcedureReception, from: string, options: ReceptionOptions = {}): string | null {
  const datesOnly = !!options.datesOnly;
  const start = reception.opensAt && reception.opensAt > from ? reception.opensAt : from;
  for (let i = 0, date = start.slice(0, 10); i < SEARCH_DAYS; i++, date = shiftDate(date, 1)) {
    if (reception.closesAt && `${date}T00:00` >= reception.closesAt) return null;
    const candidates = [start, ...windowsOf(reception, date, datesOnly).map((w) => `${date}T${w.from}`)].filter((c) => c.slice(0, 10) === date && c >= start).sort();
    const open = candidates.find((c) => windowAt(reception, c, datesOnly));
    if (open) return open;
  }
  return null;
}

/** Where a procedure's reception stands at `now`. No reception set: always open. */
export function receptionState(reception: ProcedureReception | undefined, now: Date, options: ReceptionOptions = {}): ReceptionState {
  if (!reception) return { status: 'open' };
  const datesOnly = !!options.datesOnly;
  const local = localNow(now);
  if (reception.closesAt && local >= reception.closesAt) return { status: 'closed', closedAt: reception.closesAt };
  if (reception.opensAt && local < reception.opensAt) {
    return { status: 'not-yet-open', opensAt: nextReceptionOpening(reception, reception.opensAt, options) ?? reception.opensAt };
  }
  const window = windowAt(reception, local, datesOnly);
  if (!window) return { status: 'outside-hours', nextOpening: nextReceptionOpening(reception, local, options) };
  const windowEnd = window.to === '24:00' ? undefined : `${local.slice(0, 10)}T${window.to}`;
  const until = [windowEnd, reception.closesAt].filter((t): t is string => !!t).sort()[0];
  return until ? { status: 'open', until } : { status: 'open' };
}

/** Whether applications are taken at `now`. */
export const receptionOpen = (reception: ProcedureReception | undefined, now: Date, options: ReceptionOptions = {}): boolean => receptionState(reception, now, options).status === 'open';
