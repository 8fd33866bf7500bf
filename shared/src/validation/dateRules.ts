/**
 * Date rules that depend on today's date in Japan, as schema keywords both the
 * server's ajv and the browser's eval-free validator apply (same pure code):
 *
 * - `"x-fiscal-age": { "max": 18 }` on a birth date: the person is still within
 *   the 3月31日 after the day they reach 18 (児童手当の「高校生年代」);
 *   `{ "min": 18, "max": 22 }`: past the first and within the second (「大学生年代」).
 *   A person reaches an age the day before the birthday (年齢計算ニ関スル法律).
 * - `"x-within-days": 14` on a past date: no more than 14 days before today
 *   (e.g. 介護保険法第36条: within 14 days of moving in).
 *
 * A field may carry `"x-messages": { "<keyword>": { "ja": "…", "en": "…" } }`
 * to say, in the procedure's words, what to do instead (messages.ts).
 */
import { todayInJapan } from '../time/japanTime';

export const FISCAL_AGE_KEYWORD = 'x-fiscal-age';
export const WITHIN_DAYS_KEYWORD = 'x-within-days';
export const MESSAGES_KEYWORD = 'x-messages';

export interface FiscalAgeRule {
  min?: number;
  max?: number;
}

const ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function parse(value: string): Date | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? d : undefined;
}

/** The first 3月31日 on or after the day someone born on `birthDate` reaches `age` (YYYY-MM-DD). */
export function fiscalYearEndAfterAge(birthDate: string, age: number): string | undefined {
  const born = parse(birthDate);
  if (!born) return undefined;
  // The birthday `age` years on (29 Feb rolls to 1 Mar), minus one day: the day the age is reached.
  const reached = new Date(Date.UTC(born.getUTCFullYear() + age, born.getUTCMonth(), born.getUTCDate()) - 86_400_000);
  const year = reached.getUTCMonth() < 3 ? reached.getUTCFullYear() : reached.getUTCFullYear() + 1;
  return `${year}-03-31`;
}

/** Whether a birth date meets the rule on `today` (JST). Unparseable dates pass: the format check reports them. */
export function meetsFiscalAge(rule: FiscalAgeRule, birthDate: string, today: string = todayInJapan()): boolean {
  if (!parse(birthDate)) return true;
  if (typeof rule.max === 'number' && today > fiscalYearEndAfterAge(birthDate, rule.max)!) return false;
  if (typeof rule.min === 'number' && today <= fiscalYearEndAfterAge(birthDate, rule.min)!) return false;
  return true;
}

/** Whether a date lies no more than `days` days before today (JST); future dates and bad dates pass (other rules say so). */
export function withinDays(days: number, value: string, today: string = todayInJapan()): boolean {
  const date = parse(value);
  const now = parse(today)!;
  if (!date) return true;
  return (now.getTime() - date.getTime()) / 86_400_000 <= days;
}

export const FISCAL_AGE_META_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { min: { type: 'integer', minimum: 0, maximum: 120 }, max: { type: 'integer', minimum: 0, maximum: 120 } },
};
export const WITHIN_DAYS_META_SCHEMA = { type: 'integer', minimum: 0 };
export const MESSAGES_META_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'object', required: ['ja', 'en'], additionalProperties: false, properties: { ja: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } } },
};
