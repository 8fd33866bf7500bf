/**
 * Calculated values around validation, shared by the server's FormValidator
 * and the browser's eval-free validator so both give the same data and errors:
 * computed before validation (a client's number never counts) and again from
 * the normalised answers after it, where a value that cannot be computed is an
 * error in the resident's language.
 */
import type { JsonSchema } from '../form/jsonSchema';
import { applyCalculations } from '../calc/formCalc';
import { pointerToProperty, type FieldError, type Language } from './messages';

/** A copy of the answers with every calculated field computed (before validation). */
export const calculatedBeforeValidation = (schema: JsonSchema, data: unknown): unknown => applyCalculations(schema, data).data;

/** The validated answers recomputed, and an error for each calculated field that cannot be computed. */
export function calculatedAfterValidation(schema: JsonSchema, data: unknown, language: Language): { data: unknown; errors: FieldError[] } {
  const after = applyCalculations(schema, data);
  const errors = after.problems.map((p) => ({
    pointer: p.pointer,
    property: pointerToProperty(p.pointer),
    label: p.label,
    keyword: 'x-calc',
    message: `「${p.label}」${language === 'en' ? ': ' : '：'}${p.message[language === 'en' ? 'en' : 'ja']}`,
  }));
  return { data: after.data, errors };
}
