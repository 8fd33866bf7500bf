/**
 * The one ajv set-up used by the server (intake), the client (as residents type)
 * and the preset loader. Everything that decides whether data is valid is here.
 */
import Ajv, { type KeywordCxt } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../form/jsonSchema';
import { JAPANESE_FORMATS, NORMALIZED_FORMATS, normalizeForFormat } from './japaneseFormats';
import { SENSITIVE_KEYWORD } from '../form/sensitive';
import { linearRegExp } from './linearRegExp';
import { LEGAL_KEYWORD } from '../form/legal';
import {
  FISCAL_AGE_KEYWORD,
  FISCAL_AGE_META_SCHEMA,
  MESSAGES_KEYWORD,
  MESSAGES_META_SCHEMA,
  WITHIN_DAYS_KEYWORD,
  WITHIN_DAYS_META_SCHEMA,
  meetsFiscalAge,
  withinDays,
  type FiscalAgeRule,
} from './dateRules';
import { DATE_COMPARE_KEYWORD, DATE_COMPARE_META_SCHEMA, NOTE_KEYWORD, NOTE_META_SCHEMA, meetsDateCompare, type DateCompareRule } from '../logic/dateCompare';
import { PREGNANCY_MONTHS_KEYWORD, pregnancyMonthsFromWeeks } from './derivedAnswers';
import { CAPACITY_KEYWORD, CAPACITY_META_SCHEMA } from '../form/capacity';
import { CALC_KEYWORD, LOOKUP_TABLES_KEYWORD, UNIT_KEYWORD } from '../calc/keywords';
import { CALC_LIMITS } from '../calc/limits';

/** Marks a string whose format has a normal form; the keyword rewrites the data in place. */
export const NORMALIZE_KEYWORD = 'x-normalize';

export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true, // keeps parentSchema on errors, which holds the field titles for messages
    strict: false, // form schemas carry RJSF/annotation keywords ajv does not know
    discriminator: false,
    // `pattern` and `patternProperties` run on RE2 (linear time), never on the backtracking RegExp.
    code: { regExp: linearRegExp },
  });
  addFormats(ajv);
  for (const [name, check] of Object.entries(JAPANESE_FORMATS)) ajv.addFormat(name, { type: 'string', validate: check });
  ajv.addKeyword({
    keyword: NORMALIZE_KEYWORD,
    type: 'string',
    modifying: true,
    schemaType: 'string',
    validate: (format: string, data: string, _schema?: unknown, cxt?: { parentData: Record<string, unknown> | unknown[]; parentDataProperty: string | number }) => {
      if (cxt && cxt.parentData && typeof data === 'string') {
        (cxt.parentData as Record<string | number, unknown>)[cxt.parentDataProperty] = normalizeForFormat(format, data);
      }
      return true;
    },
  });
  // Annotation only (who may read the answer, never whether it is valid); its
  // meta-schema makes a non-boolean value a compile error, so a typo cannot
  // silently leave a field unmasked.
  ajv.addKeyword({ keyword: SENSITIVE_KEYWORD, schemaType: 'boolean', metaSchema: { type: 'boolean' } });
  // Annotation only: the provision that requires the field (form/legal.ts); an
  // empty or non-string value is a compile error, so a lock always names its law.
  ajv.addKeyword({ keyword: LEGAL_KEYWORD, schemaType: 'string', metaSchema: { type: 'string', minLength: 1 } });
  // Date windows measured from today in Japan (dateRules.ts); the browser's eval-free validator applies the same functions.
  ajv.addKeyword({
    keyword: FISCAL_AGE_KEYWORD,
    type: 'string',
    schemaType: 'object',
    metaSchema: FISCAL_AGE_META_SCHEMA,
    validate: (rule: FiscalAgeRule, data: string) => meetsFiscalAge(rule, data),
  });
  ajv.addKeyword({ keyword: WITHIN_DAYS_KEYWORD, type: 'string', schemaType: 'number', metaSchema: WITHIN_DAYS_META_SCHEMA, validate: (days: number, data: string) => withinDays(days, data) });
  // Derived answers (derivedAnswers.ts): writes the sibling the keyword names.
  ajv.addKeyword({
    keyword: PREGNANCY_MONTHS_KEYWORD,
    type: 'integer',
    modifying: true,
    schemaType: 'string',
    validate: (target: string, weeks: number, _schema?: unknown, cxt?: { parentData: Record<string, unknown> | unknown[] }) => {
      if (cxt && cxt.parentData && !Array.isArray(cxt.parentData)) cxt.parentData[target] = pregnancyMonthsFromWeeks(weeks);
      return true;
    },
  });
  // Conditions comparing a date answer with today (JST) or another date answer (logic/dateCompare.ts).
  ajv.addKeyword({
    keyword: DATE_COMPARE_KEYWORD,
    type: 'object',
    schemaType: 'object',
    metaSchema: DATE_COMPARE_META_SCHEMA,
    validate: (rule: DateCompareRule, data: Record<string, unknown>) => meetsDateCompare(rule, data),
  });
  // Annotation: a note a condition shows the resident; it never makes an answer invalid.
  ajv.addKeyword({ keyword: NOTE_KEYWORD, schemaType: 'object', metaSchema: NOTE_META_SCHEMA });
  // Calculated values (calc/): annotations for the validator; intake computes them (applyCalculations)
  // before and after validation, so the stored number is the server's. The meta-schemas make a wrong shape a compile error.
  ajv.addKeyword({ keyword: CALC_KEYWORD, schemaType: 'string', metaSchema: { type: 'string', minLength: 1, maxLength: CALC_LIMITS.maxLength } });
  ajv.addKeyword({ keyword: UNIT_KEYWORD, schemaType: 'string', metaSchema: { type: 'string', maxLength: 20 } });
  ajv.addKeyword({
    keyword: LOOKUP_TABLES_KEYWORD,
    schemaType: 'object',
    metaSchema: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['rows'],
        properties: {
          title: { type: 'string' },
          keyTitle: { type: 'string' },
          valueTitle: { type: 'string' },
          rows: { type: 'array', maxItems: 1000, items: { type: 'object', required: ['key', 'value'], properties: { key: { type: 'string' }, value: { type: 'number' } } } },
        },
      },
    },
  });
  // Annotation: a procedure's own words for an error (messages.ts).
  ajv.addKeyword({ keyword: MESSAGES_KEYWORD, schemaType: 'object', metaSchema: MESSAGES_META_SCHEMA });
  // Annotation: the places an option has (form/capacity.ts). Whether one is left is the store's answer at intake, never the validator's.
  ajv.addKeyword({ keyword: CAPACITY_KEYWORD, schemaType: 'object', metaSchema: CAPACITY_META_SCHEMA });
  return ajv;
}
// KeywordCxt is re-exported for adapters that add keywords of their own.
export type { KeywordCxt };

/** Adds the normalising keyword next to every format that has a normal form (a deep copy). */
export function withNormalization(schema: JsonSchema): JsonSchema {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = visit(value);
    if (typeof out.format === 'string' && NORMALIZED_FORMATS.has(out.format)) out[NORMALIZE_KEYWORD] = out.format;
    return out;
  };
  return visit(schema) as JsonSchema;
}
