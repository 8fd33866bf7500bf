/**
 * 受付期間 in words (ja / en): the period, the weekly hours and why a procedure is closed now. Kept apart
 * from reception.ts so the resident pages, which get the state from the server, carry no holiday table.
 */
import type { ProcedureReception, WeeklyHours } from '../form/types';
import type { ReceptionState } from './reception';
import { weekdayOf } from './calendarDates';
import { formatWareki } from '../form/wareki';

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
