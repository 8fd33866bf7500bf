/**
 * Preset examples as of today. Some example answers lie in the future (出産予定日,
 * 入園希望日) and would turn invalid once that day passes; others must be recent
 * (転入した日: within 14 days). So every date from a month before the examples
 * were written onwards is moved by the time elapsed since then: each keeps its
 * distance to "today", and older dates (生年月日) stay as written.
 */
import { todayInJapan } from '@madoguchi/shared';

export const EXAMPLES_WRITTEN_ON = '2026-11-23';
/** Dates this many days before EXAMPLES_WRITTEN_ON or later move with time. */
const RECENT_DAYS = 31;

export function freshExample<T>(example: T, today: string = todayInJapan()): T {
  const shiftDays = Math.max(0, (Date.parse(today) - Date.parse(EXAMPLES_WRITTEN_ON)) / 86400_000);
  if (shiftDays === 0) return structuredClone(example);
  const from = new Date(Date.parse(EXAMPLES_WRITTEN_ON) - RECENT_DAYS * 86400_000).toISOString().slice(0, 10);
  const shift = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= from) {
      return new Date(Date.parse(value) + shiftDays * 86400_000).toISOString().slice(0, 10);
    }
    if (Array.isArray(value)) return value.map(shift);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
    return value;
  };
  return shift(example) as T;
}
