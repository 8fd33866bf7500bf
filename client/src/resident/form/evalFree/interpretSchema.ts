/**
 * A JSON Schema (draft-07) interpreter for browsers whose Content Security
 * Policy forbids `eval` (ajv compiles schemas to code with `new Function`).
 * It reports ajv-shaped errors, so the shared `localizeErrors` turns them
 * into exactly the messages the server sends, and it applies the same
 * normalisation and the same Japanese format checks from `@madoguchi/shared`.
 * `tests/client/evalFreeValidator.test.ts` checks it against ajv on every preset.
 */
import type { ErrorObject } from 'ajv';
import {
  JAPANESE_FORMATS,
  NORMALIZED_FORMATS,
  effectiveMaxLength,
  meetsDateCompare,
  meetsFiscalAge,
  normalizeForFormat,
  patternInputTooLong,
  pregnancyMonthsFromWeeks,
  withinDays,
  type DateCompareRule,
  type FiscalAgeRule,
  type JsonSchema,
} from '@madoguchi/shared';

type Data = unknown;
type Errors = ErrorObject[];

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
/** The formats ajv-formats gives the shared ajv that presets use, with ajv-formats' own rules. */
const STANDARD_FORMATS: Record<string, (s: string) => boolean> = {
  date: (s) => {
    const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && isLeap(y) ? 29 : DAYS[mo]!);
  },
  email: (s) => /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(s),
};

function typeOf(value: Data): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: Data, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'integer') return actual === 'number' && Number.isInteger(value);
  if (type === 'number') return actual === 'number' && Number.isFinite(value as number);
  return actual === type;
}

export function deepEqual(a: Data, b: Data): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, Data>)[k], (b as Record<string, Data>)[k]));
}

const escapePointer = (s: string | number) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

/** Resolves `#/definitions/x` (or any local JSON pointer) in the root schema. */
function resolveRef(ref: string, root: JsonSchema): JsonSchema | boolean | undefined {
  if (!ref.startsWith('#')) return undefined;
  return ref
    .slice(1)
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root) as JsonSchema | undefined;
}

interface Ctx {
  root: JsonSchema;
}

/** Where the value sits, so normalisation can write back like ajv's modifying keyword. */
interface Slot {
  parent?: Record<string, Data> | Data[];
  key?: string | number;
}

function err(errors: Errors, instancePath: string, keyword: string, params: Record<string, unknown>, parentSchema: JsonSchema): void {
  errors.push({ instancePath, keyword, params, schemaPath: '', parentSchema, message: keyword } as ErrorObject);
}

/**
 * Validates `data` against `schema`, appending ajv-shaped errors; returns whether it is valid.
 * Keywords not checked below are annotations and ignored, as the shared ajv does:
 * titles, RJSF keys, `x-legal`, `x-sensitive`, `x-messages`, `x-note` (who may read an answer, never whether it is valid),
 * `x-capacity` (whether a place is left is the store's answer at intake).
 */
function check(schema: JsonSchema | boolean | undefined, data: Data, path: string, ctx: Ctx, errors: Errors, slot: Slot): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) {
    err(errors, path, 'false schema', {}, {});
    return false;
  }
  const before = errors.length;
  let value = data;
  // Same order as the shared ajv: values of normalised formats are rewritten first (x-normalize).
  if (typeof value === 'string' && typeof schema.format === 'string' && NORMALIZED_FORMATS.has(schema.format)) {
    value = normalizeForFormat(schema.format, value);
    if (slot.parent !== undefined && slot.key !== undefined) (slot.parent as Record<string | number, Data>)[slot.key] = value;
  }
  // Derived answers, as the shared ajv's modifying keyword (derivedAnswers.ts).
  if (typeof schema['x-pregnancy-months'] === 'string' && typeof value === 'number' && Number.isInteger(value) && slot.parent && !Array.isArray(slot.parent)) {
    (slot.parent as Record<string, Data>)[schema['x-pregnancy-months']] = pregnancyMonthsFromWeeks(value);
  }
  if (typeof schema.$ref === 'string') check(resolveRef(schema.$ref, ctx.root), value, path, ctx, errors, slot);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t))) err(errors, path, 'type', { type: types.join(',') }, schema);
  }
  if ('const' in schema && !deepEqual(value, schema.const)) err(errors, path, 'const', { allowedValue: schema.const }, schema);
  if (Array.isArray(schema.enum) && !schema.enum.some((e: Data) => deepEqual(e, value))) err(errors, path, 'enum', { allowedValues: schema.enum }, schema);
  if (typeof value === 'string') checkString(schema, value, path, errors);
  if (typeof value === 'number') checkNumber(schema, value, path, errors);
  if (typeOf(value) === 'object') checkObject(schema, value as Record<string, Data>, path, ctx, errors);
  if (Array.isArray(value)) checkArray(schema, value, path, ctx, errors);
  for (const sub of (schema.allOf ?? []) as JsonSchema[]) check(sub, value, path, ctx, errors, slot);
  for (const [keyword, needed] of [
    ['anyOf', 'some'],
    ['oneOf', 'one'],
  ] as const) {
    const branches = schema[keyword] as JsonSchema[] | undefined;
    if (!branches) continue;
    const branchErrors: Errors = [];
    const passing = branches.filter((b) => check(b, value, path, ctx, branchErrors, {})).length;
    if (needed === 'some' ? passing === 0 : passing !== 1) {
      errors.push(...(passing === 0 ? branchErrors : []));
      err(errors, path, keyword, {}, schema);
    }
  }
  if (schema.not !== undefined && check(schema.not, value, path, ctx, [], {})) err(errors, path, 'not', {}, schema);
  if (schema.if !== undefined && (schema.then !== undefined || schema.else !== undefined)) {
    const branch = check(schema.if, value, path, ctx, [], {}) ? schema.then : schema.else;
    if (branch !== undefined && !check(branch, value, path, ctx, errors, slot)) err(errors, path, 'if', { failingKeyword: branch === schema.then ? 'then' : 'else' }, schema);
  }
  return errors.length === before;
}

function checkString(schema: JsonSchema, value: string, path: string, errors: Errors): void {
  const length = [...value].length; // ajv counts code points
  if (typeof schema.minLength === 'number' && length < schema.minLength) err(errors, path, 'minLength', { limit: schema.minLength }, schema);
  // As the shared ajv: a string with a pattern is capped (patternLimits.ts), and an over-long one fails the pattern unread.
  const maxLength = effectiveMaxLength(schema);
  if (maxLength !== undefined && length > maxLength) err(errors, path, 'maxLength', { limit: maxLength }, schema);
  if (typeof schema.pattern === 'string' && (patternInputTooLong(value) || !new RegExp(schema.pattern, 'u').test(value))) err(errors, path, 'pattern', { pattern: schema.pattern }, schema);
  if (typeof schema.format === 'string') {
    const test = JAPANESE_FORMATS[schema.format] ?? STANDARD_FORMATS[schema.format];
    if (test && !test(value)) err(errors, path, 'format', { format: schema.format }, schema);
  }
  // The shared date windows (dateRules.ts), as the shared ajv's keywords.
  if (schema['x-fiscal-age'] && !meetsFiscalAge(schema['x-fiscal-age'] as FiscalAgeRule, value)) err(errors, path, 'x-fiscal-age', {}, schema);
  if (typeof schema['x-within-days'] === 'number' && !withinDays(schema['x-within-days'], value)) err(errors, path, 'x-within-days', {}, schema);
}

function checkNumber(schema: JsonSchema, value: number, path: string, errors: Errors): void {
  const limits: Array<[string, (limit: number) => boolean, string]> = [
    ['minimum', (l) => value < l, '>='],
    ['maximum', (l) => value > l, '<='],
    ['exclusiveMinimum', (l) => value <= l, '>'],
    ['exclusiveMaximum', (l) => value >= l, '<'],
  ];
  for (const [keyword, fails, comparison] of limits) {
    if (typeof schema[keyword] === 'number' && fails(schema[keyword] as number)) err(errors, path, keyword, { comparison, limit: schema[keyword] }, schema);
  }
  if (typeof schema.multipleOf === 'number' && Math.abs(value / schema.multipleOf - Math.round(value / schema.multipleOf)) > 1e-8) {
    err(errors, path, 'multipleOf', { multipleOf: schema.multipleOf }, schema);
  }
}

function checkObject(schema: JsonSchema, value: Record<string, Data>, path: string, ctx: Ctx, errors: Errors): void {
  // A condition on dates, as the shared ajv's keyword (logic/dateCompare.ts).
  if (schema['x-date-compare'] && !meetsDateCompare(schema['x-date-compare'] as DateCompareRule, value)) err(errors, path, 'x-date-compare', {}, schema);
  for (const name of (schema.required ?? []) as string[]) if (value[name] === undefined) err(errors, path, 'required', { missingProperty: name }, schema);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, sub] of Object.entries(properties)) {
    if (value[name] !== undefined) check(sub, value[name], `${path}/${escapePointer(name)}`, ctx, errors, { parent: value, key: name });
  }
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
    for (const name of Object.keys(value)) {
      if (name in properties) continue;
      if (schema.additionalProperties === false) err(errors, path, 'additionalProperties', { additionalProperty: name }, schema);
      else check(schema.additionalProperties as JsonSchema, value[name], `${path}/${escapePointer(name)}`, ctx, errors, { parent: value, key: name });
    }
  }
}

function checkArray(schema: JsonSchema, value: Data[], path: string, ctx: Ctx, errors: Errors): void {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) err(errors, path, 'minItems', { limit: schema.minItems }, schema);
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) err(errors, path, 'maxItems', { limit: schema.maxItems }, schema);
  const items = schema.items as JsonSchema | JsonSchema[] | undefined;
  value.forEach((item, i) => {
    const sub = Array.isArray(items) ? items[i] : items;
    if (sub !== undefined) check(sub, item, `${path}/${i}`, ctx, errors, { parent: value, key: i });
  });
  if (schema.uniqueItems === true) {
    outer: for (let i = value.length - 1; i > 0; i--) {
      for (let j = i - 1; j >= 0; j--) {
        if (deepEqual(value[i], value[j])) {
          err(errors, path, 'uniqueItems', { i, j }, schema);
          break outer;
        }
      }
    }
  }
  if (schema.contains !== undefined && !value.some((item) => check(schema.contains as JsonSchema, item, path, ctx, [], {}))) {
    err(errors, path, 'contains', { minContains: 1 }, schema);
  }
}

export interface InterpretedResult {
  valid: boolean;
  /** A normalised copy of the data (as ajv's modifying keyword leaves it). */
  data: Data;
  errors: ErrorObject[];
}

/** Validates a deep copy of `data` against `schema` (sub-schemas resolve `$ref` in `root`). */
export function interpretSchema(schema: JsonSchema, data: Data, root: JsonSchema = schema): InterpretedResult {
  const holder = { value: data === undefined ? undefined : (JSON.parse(JSON.stringify(data)) as Data) };
  const errors: Errors = [];
  const valid = check(schema, holder.value, '', { root }, errors, { parent: holder as unknown as Record<string, Data>, key: 'value' });
  return { valid, data: holder.value, errors };
}
