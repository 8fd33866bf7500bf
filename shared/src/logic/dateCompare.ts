/**
 * `"x-date-compare": { "field": "moveIn", "op": "before", "other": "moveOut" }`
 * on an object: whether the date answer at `field` (a dot path inside the
 * object) is before / after / on-or-before / on-or-after the date at `other`,
 * or today in Japan when `other` is absent. A missing or malformed date makes
 * the comparison false. Used inside conditions (`if`), so it never blocks by
 * itself; the server's ajv and the browser's interpreter apply this function.
 */
import { todayInJapan } from '../time/japanTime';

export const DATE_COMPARE_KEYWORD = 'x-date-compare';

export interface DateCompareRule {
  field: string;
  op: 'before' | 'after' | 'onOrBefore' | 'onOrAfter';
  other?: string;
}

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function dateAt(data: unknown, path: string): string | undefined {
  let node = data;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' && ISO_DATE.test(node) ? node : undefined;
}

/** Whether the object `data` meets the rule on `today` (YYYY-MM-DD, JST). */
export function meetsDateCompare(rule: DateCompareRule, data: unknown, today: string = todayInJapan()): boolean {
  const a = dateAt(data, rule.field);
  const b = rule.other ? dateAt(data, rule.other) : today;
  if (!a || !b) return false;
  switch (rule.op) {
    case 'before':
      return a < b;
    case 'after':
      return a > b;
    case 'onOrBefore':
      return a <= b;
    case 'onOrAfter':
      return a >= b;
  }
}

const dotPath = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$', maxLength: 300 };
export const DATE_COMPARE_META_SCHEMA = {
  type: 'object',
  required: ['field', 'op'],
  additionalProperties: false,
  properties: { field: dotPath, op: { enum: ['before', 'after', 'onOrBefore', 'onOrAfter'] }, other: dotPath },
};

/** A note shown to the resident under a field (`then.properties.<key>["x-note"]`); an annotation, never an error. */
export const NOTE_KEYWORD = 'x-note';
export const NOTE_META_SCHEMA = {
  type: 'object',
  required: ['level', 'ja'],
  additionalProperties: false,
  properties: { level: { enum: ['info', 'warning'] }, ja: { type: 'string', minLength: 1, maxLength: 1000 }, en: { type: 'string', maxLength: 1000 } },
};
