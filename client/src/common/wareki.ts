/**
 * 和暦 ⇄ 西暦. Residents read dates on Japanese forms in the era calendar
 * (令和8年11月23日); the data is always stored as ISO `YYYY-MM-DD`.
 */

import { ERAS as ALL_ERAS, type EraName as AnyEraName } from '@madoguchi/shared';

/** The eras a resident may pick (from the platform's one era table). Dates before 大正 are entered in 西暦. */
export const ERAS = ALL_ERAS.filter((e) => e.name !== '明治');

export type EraName = Exclude<AnyEraName, '明治'>;
/** What the calendar select offers: an era or the Gregorian calendar. */
export type Calendar = EraName | '西暦';

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export interface WarekiDate extends DateParts {
  era: EraName;
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an ISO date; null when it is not a real calendar date. */
export function parseIsoDate(iso: string | undefined | null): DateParts | null {
  const m = ISO_DATE.exec(iso ?? '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `{2026, 11, 23}` → `2026-11-23`. */
export const toIsoDate = ({ year, month, day }: DateParts) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

const eraByName = (name: EraName) => ERAS.find((e) => e.name === name)!;
const eraStartYear = (name: EraName) => Number(eraByName(name).start.slice(0, 4));

/** The era in force on an ISO date, with the year counted in it; null before 大正. */
export function toWareki(iso: string): WarekiDate | null {
  const parts = parseIsoDate(iso);
  if (!parts) return null;
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) return null;
  return { era: era.name, year: parts.year - eraStartYear(era.name) + 1, month: parts.month, day: parts.day };
}

/** Gregorian year of a year counted in an era (令和8 → 2026). */
export const gregorianYear = (era: EraName, year: number) => eraStartYear(era) + year - 1;

/** Year counted in an era from a Gregorian year (2026 in 令和 → 8); may be < 1 or past the era's end. */
export const eraYear = (era: EraName, gregorian: number) => gregorian - eraStartYear(era) + 1;

export interface WarekiConversion {
  iso: string;
  /** True when the date lies outside the era (e.g. 平成31年5月1日, which is 令和元年5月1日). */
  outsideEra: boolean;
}

/** 和暦 → ISO. Null when the date does not exist (e.g. 2月30日) or the year is not positive. */
export function fromWareki(era: EraName, year: number, month: number, day: number): WarekiConversion | null {
  if (!Number.isInteger(year) || year < 1) return null;
  const parts = { year: gregorianYear(era, year), month, day };
  const iso = toIsoDate(parts);
  if (!parseIsoDate(iso)) return null;
  return { iso, outsideEra: toWareki(iso)?.era !== era };
}

const eraYearLabel = (year: number) => (year === 1 ? '元' : String(year));

/** ISO → 「令和8年11月23日」 (first year as 元年); falls back to 西暦 before 大正. */
export function formatWareki(iso: string): string {
  const w = toWareki(iso);
  if (!w) return formatSeireki(iso);
  return `${w.era}${eraYearLabel(w.year)}年${w.month}月${w.day}日`;
}

/** ISO → 「2026年11月23日」. */
export function formatSeireki(iso: string): string {
  const p = parseIsoDate(iso);
  return p ? `${p.year}年${p.month}月${p.day}日` : iso;
}

/** ISO → 「令和8年（2026年）11月23日」: both calendars, as Japanese forms print them. */
export function formatBothCalendars(iso: string): string {
  const w = toWareki(iso);
  const p = parseIsoDate(iso);
  if (!p) return iso;
  if (!w) return formatSeireki(iso);
  return `${w.era}${eraYearLabel(w.year)}年（${p.year}年）${p.month}月${p.day}日`;
}

/** ISO → "23 November 2026 (Reiwa 8)" for the English interface. */
export function formatDateEnglish(iso: string): string {
  const p = parseIsoDate(iso);
  if (!p) return iso;
  const month = new Date(Date.UTC(2000, p.month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  const w = toWareki(iso);
  const era = w ? ` (${ERAS.find((e) => e.name === w.era)!.nameEn} ${w.year})` : '';
  return `${p.day} ${month} ${p.year}${era}`;
}
