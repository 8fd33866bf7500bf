/**
 * 和暦 (Japanese era) conversion for display. Public forms print dates as
 * 令和8年11月23日; residents think in both calendars.
 */
export interface Era {
  name: string;
  nameEn: string;
  /** First day of the era (YYYY-MM-DD). */
  start: string;
}

/** The one era table of the platform (server, PDF and the resident's date widget). Newest first. */
export const ERAS = [
  { name: '令和', nameEn: 'Reiwa', start: '2019-05-01' },
  { name: '平成', nameEn: 'Heisei', start: '1989-01-08' },
  { name: '昭和', nameEn: 'Showa', start: '1926-12-25' },
  { name: '大正', nameEn: 'Taisho', start: '1912-07-30' },
  { name: '明治', nameEn: 'Meiji', start: '1868-01-25' },
] as const satisfies readonly Era[];

export type EraName = (typeof ERAS)[number]['name'];

export interface WarekiDate {
  era: string;
  year: number;
  month: number;
  day: number;
}

/** `2026-11-23` → `{era: '令和', year: 8, month: 11, day: 23}`; undefined for invalid or pre-Meiji dates. */
export function toWareki(iso: string): WarekiDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) return undefined;
  return { era: era.name, year: Number(m[1]) - Number(era.start.slice(0, 4)) + 1, month: Number(m[2]), day: Number(m[3]) };
}

/** `{era: '令和', year: 8, month: 11, day: 23}` → `2026-11-23`; undefined when the date is not within that era. */
export function fromWareki(w: WarekiDate): string | undefined {
  const index = ERAS.findIndex((e) => e.name === w.era);
  const era = ERAS[index];
  if (!era || w.year < 1 || w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31) return undefined;
  const year = Number(era.start.slice(0, 4)) + w.year - 1;
  const iso = `${String(year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) return undefined;
  const next = ERAS[index - 1];
  if (iso < era.start || (next && iso >= next.start)) return undefined;
  return iso;
}

/** `2026-11-23` → `令和8年11月23日` (元年 for year 1). */
export function formatWareki(iso: string): string {
  const w = toWareki(iso);
  if (!w) return iso;
  return `${w.era}${w.year === 1 ? '元' : w.year}年${w.month}月${w.day}日`;
}
