/**
 * Preset examples as of today. Some example answers lie in the future (出産予定日,
 * 入園希望日) and would turn invalid once that day passes, so every future date
 * is moved by the time elapsed since the examples were written.
 */
import { todayInJapan } from '@madoguchi/shared';

export const EXAMPLES_WRITTEN_ON = '2026-11-23';

export function freshExample<T>(example: T, today: string = todayInJapan()): T {
  const shiftDays = Math.max(0, (Date.parse(today) - Date.parse(EXAMPLES_WRITTEN_ON)) / 86400_000);
  if (shiftDays === 0) return structuredClone(example);
  const shift = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > EXAMPLES_WRITTEN_ON) {
      return new Date(Date.parse(value) + shiftDays * 86400_000).toISOString().slice(0, 10);
    }
    if (Array.isArray(value)) return value.map(shift);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
    return value;
  };
  return shift(example) as T;
}
