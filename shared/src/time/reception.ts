/**
 * 受付期間 (reception periods): whether a procedure takes applications at an instant, and when it
 * opens next, in Japan time. The same on server (intake refuses) and client (the procedure page says so).
 * Times are wall-clock Japan time `YYYY-MM-DDTHH:mm`; they compare as strings, to the minute
 * (08:29:59 reads 08:29, before an 08:30 opening).
 */
import type { ProcedureReception, WeeklyHours } from '../form/types';
import { isHolidayOrYearEnd, shiftDate, weekdayOf } from './businessDays';
import { japanClock } from './japanTime';
import { formatWareki } from '../form/wareki';

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

// ---- In words (ja / en) ----

type Language = 'ja' | 'en';
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `08:30` → `8:30`. */
export const clockText = (hhmm: string): string => hhmm.replace(/^0(\d)/, '$1');

/**
 * `2027-01-05T08:30` → 「令和9年1月5日 8:30」 / "5 Jan 2027 8:30"; `short` leaves out the era and year
 * (the second date of a period in the same year); `weekday` adds 「（火）」.
 */
export function japanDateTimeText(local: string, language: Language, options: { short?: boolean; weekday?: boolean } = {}): string {
  const date = local.slice(0, 10);
  const time = clockText(local.slice(11, 16));
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wd = weekdayOf(date);
  if (language === 'en') return `${options.weekday ? `${WEEKDAYS_EN[wd]} ` : ''}${d} ${MONTHS_EN[m - 1]}${options.short ? '' : ` ${y}`} ${time}`;
  const day = options.short ? `${m}月${d}日` : formatWareki(date);
  return `${day}${options.weekday ? `（${WEEKDAYS_JA[wd]}）` : ' '}${time}`;
}

/** 「令和9年1月5日 8:30 から 1月29日 17:15 まで」; null when no dates are set. */
export function receptionPeriodText(reception: ProcedureReception, language: Language): string | null {
  const { opensAt, closesAt } = reception;
  if (!opensAt && !closesAt) return null;
  const sameYear = !!opensAt && !!closesAt && opensAt.slice(0, 4) === closesAt.slice(0, 4);
  if (language === 'en') {
    const from = opensAt ? `from ${japanDateTimeText(opensAt, 'en')}` : '';
    const to = closesAt ? `until ${japanDateTimeText(closesAt, 'en')}` : '';
    const text = [from, to].filter(Boolean).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)} (Japan time)`;
  }
  const from = opensAt ? `${japanDateTimeText(opensAt, 'ja')} から` : '';
  const to = closesAt ? `${japanDateTimeText(closesAt, 'ja', { short: sameYear })} まで` : '';
  return [from, to].filter(Boolean).join(' ');
}

function daysText(days: readonly number[], language: Language): string {
  const set = [...new Set(days)].sort();
  const key = set.join('');
  if (key === '12345') return language === 'ja' ? '平日' : 'Weekdays';
  if (key === '0123456') return language === 'ja' ? '毎日' : 'Every day';
  if (key === '06') return language === 'ja' ? '土日' : 'Weekends';
  return language === 'ja' ? set.map((d) => WEEKDAYS_JA[d]).join('・') : set.map((d) => WEEKDAYS_EN[d]).join(', ');
}

const HOLIDAYS_TEXT = { ja: '祝日・年末年始を除く', en: 'except public holidays and 29 Dec–3 Jan' };

/** 「平日 8:30〜17:15（祝日・年末年始を除く）」; null when neither weekly hours nor holidays are set. */
export function receptionHoursText(reception: ProcedureReception, language: Language): string | null {
  const weekly = (reception.weekly ?? []).map((w: WeeklyHours) =>
    language === 'ja' ? `${daysText(w.days, 'ja')} ${clockText(w.from)}〜${clockText(w.to)}` : `${daysText(w.days, 'en')} ${clockText(w.from)}–${clockText(w.to)}`,
  );
  if (!weekly.length) return reception.closedOnHolidays ? (language === 'ja' ? HOLIDAYS_TEXT.ja : `Every day ${HOLIDAYS_TEXT.en}`) : null;
  const text = weekly.join(language === 'ja' ? '、' : '; ');
  if (!reception.closedOnHolidays) return text;
  return language === 'ja' ? `${text}（${HOLIDAYS_TEXT.ja}）` : `${text} (${HOLIDAYS_TEXT.en})`;
}

/**
 * What a resident reads when the procedure does not take applications now; null when it is open.
 * With `title` the procedure is named (intake's refusal, which may answer for a bundle of several).
 */
export function receptionClosedText(state: ReceptionState, language: Language, title?: string): string | null {
  const text = closedText(state, language);
  if (!text || !title) return text;
  return language === 'ja' ? text.replace('この手続', `「${title}」`) : text.replace('this procedure', `"${title}"`).replace('This procedure', `"${title}"`);
}

function closedText(state: ReceptionState, language: Language): string | null {
  const at = (t: string) => japanDateTimeText(t, language, { weekday: true });
  const ja = language === 'ja';
  switch (state.status) {
    case 'open':
      return null;
    case 'not-yet-open':
      return ja ? `この手続は現在受け付けていません。受付開始は${at(state.opensAt)}です。` : `This procedure is not open for applications yet. It opens on ${at(state.opensAt)} (Japan time).`;
    case 'outside-hours':
      if (!state.nextOpening) return ja ? 'この手続は現在受け付けていません。' : 'This procedure is not taking applications now.';
      return ja
        ? `この手続は現在受け付けていません（受付時間外）。受付開始は${at(state.nextOpening)}です。`
        : `This procedure is not taking applications now (outside reception hours). It opens again on ${at(state.nextOpening)} (Japan time).`;
    case 'closed':
      return ja ? `この手続の受付は終了しました（${at(state.closedAt)}まで）。` : `Applications for this procedure closed on ${at(state.closedAt)} (Japan time).`;
  }
}

/** The whole setting in one line (the builder, the catalog list, the diff): 「令和9年1月5日 8:30 から … ／ 平日 8:30〜17:15」 or 「常に受付」. */
export function receptionSummary(reception: ProcedureReception | undefined, language: Language = 'ja'): string {
  const parts = reception ? [receptionPeriodText(reception, language), receptionHoursText(reception, language)].filter((t): t is string => !!t) : [];
  if (!parts.length) return language === 'ja' ? '常に受付' : 'Always open';
  return parts.join(language === 'ja' ? '／' : '; ');
}
