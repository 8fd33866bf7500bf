/**
 * How a calculated number reads: yen when the field's title says 円 (or its
 * `x-unit` is 円), otherwise the number with its `x-unit`. The resident's form,
 * the review step and the staff's answer list use the same words.
 */
import type { JsonSchema } from '../form/jsonSchema';
import { CALC_KEYWORD, UNIT_KEYWORD } from './keywords';

export function unitOf(schema: JsonSchema): string | undefined {
  const unit = (schema as Record<string, unknown>)[UNIT_KEYWORD];
  if (typeof unit === 'string' && unit) return unit;
  return typeof schema.title === 'string' && /円/.test(schema.title) ? '円' : undefined;
}

export function formatAmount(schema: JsonSchema, value: number, language: 'ja' | 'en' = 'ja'): string {
  const unit = unitOf(schema);
  const n = value.toLocaleString(language === 'en' ? 'en-US' : 'ja-JP');
  if (unit === '円') return language === 'en' ? `¥${n}` : `${n}円`;
  return unit ? `${n}${language === 'en' ? ' ' : ''}${unit}` : n;
}

/** Whether a field is calculated or carries a unit (its number is shown with formatAmount). */
export const isCalculated = (schema: JsonSchema): boolean =>
  typeof (schema as Record<string, unknown>)[CALC_KEYWORD] === 'string' || typeof (schema as Record<string, unknown>)[UNIT_KEYWORD] === 'string';
