/**
 * The 和暦 date input's state (calendar, year as typed, month, day) and its
 * mapping to the stored value. Incomplete dates are kept as `YYYY-MM-` style
 * strings so nothing typed is lost on reload; the validator flags them.
 */
import { ERAS, eraYear, gregorianYear, parseIsoDate, toWareki, type Calendar, type EraName } from '../../../common/wareki';

export interface DateInputState {
  calendar: Calendar;
  /** As typed: 「8」「元」 in an era, 「2026」 in 西暦. */
  year: string;
  month: string;
  day: string;
}

const PARTIAL = /^([0-9]{4})?-([0-9]{1,2})?-([0-9]{1,2})?$/;

/** The typed year in the Gregorian calendar, or undefined when it is not a usable number. */
export function gregorianYearOf(state: DateInputState): number | undefined {
  const typed = state.year.normalize('NFKC').trim();
  const n = typed === '元' ? 1 : /^[0-9]+$/.test(typed) ? Number(typed) : NaN;
  if (!Number.isInteger(n) || n < 1) return undefined;
  if (state.calendar === '西暦') return n >= 1000 && n <= 9999 ? n : undefined;
  return gregorianYear(state.calendar, n);
}

const two = (s: string) => (s === '' ? '' : s.padStart(2, '0'));

/** State → stored value: ISO when complete, a partial string while incomplete, undefined when empty. */
export function valueFromState(state: DateInputState): string | undefined {
  if (state.year.trim() === '' && state.month === '' && state.day === '') return undefined;
  const year = gregorianYearOf(state);
  return `${year === undefined ? '' : String(year).padStart(4, '0')}-${two(state.month)}-${two(state.day)}`;
}

/** Stored value → state, shown in `preferred` calendar when the date can be written in it (else in its own era). */
export function stateFromValue(value: unknown, preferred: Calendar): DateInputState {
  const m = typeof value === 'string' ? PARTIAL.exec(value) : null;
  if (!m) return { calendar: preferred, year: '', month: '', day: '' };
  const [gy, month, day] = [m[1] ? Number(m[1]) : undefined, m[2] ? String(Number(m[2])) : '', m[3] ? String(Number(m[3])) : ''];
  if (gy === undefined) return { calendar: preferred, year: '', month, day };
  if (preferred === '西暦') return { calendar: '西暦', year: String(gy), month, day };
  const iso = parseIsoDate(value as string) ? (value as string) : `${m[1]}-${(month || '1').padStart(2, '0')}-${(day || '1').padStart(2, '0')}`;
  const era = toWareki(iso);
  if (!era) return { calendar: '西暦', year: String(gy), month, day };
  return { calendar: era.era, year: String(era.year), month, day };
}

/** Switching calendars keeps the same date: the typed year is re-counted in the new calendar. */
export function switchCalendar(state: DateInputState, calendar: Calendar): DateInputState {
  const gy = gregorianYearOf(state);
  if (gy === undefined) return { ...state, calendar };
  if (calendar === '西暦') return { ...state, calendar, year: String(gy) };
  const y = eraYear(calendar as EraName, gy);
  return { ...state, calendar, year: y >= 1 ? String(y) : '' };
}

export const CALENDARS: Calendar[] = [...ERAS.map((e) => e.name), '西暦'];
