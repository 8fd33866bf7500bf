/**
 * Condition tree ↔ JSON Schema `if`. A condition is compiled for the object it
 * is placed in (`holderPath`: '' for the form, a section's path, or a
 * repeating group's path for its rows): leaves become nested `properties` /
 * `required` tests, the shape presets use (`{"properties": {"kind": {"const":
 * "その他"}}, "required": ["kind"]}`), joined by `allOf` / `anyOf`; date
 * comparisons use the `x-date-compare` keyword. `parseCondition` reads such
 * shapes back; any other shape gives undefined (a custom condition).
 */
import type { JsonSchema } from '../form/jsonSchema';
import type { ConditionValue, FieldPath } from '../catalog/types';
import { DATE_COMPARE_KEYWORD, type DateCompareRule } from './dateCompare';
import { isLeaf, type Condition, type ConditionLeaf } from './types';

/** The schema of the field at a path (to tell a multi-choice or a text), or undefined. */
export type NodeAt = (path: FieldPath) => JsonSchema | undefined;

const DATE_OP_KEYWORDS: Record<string, DateCompareRule['op']> = { dateBefore: 'before', dateAfter: 'after', dateOnOrBefore: 'onOrBefore', dateOnOrAfter: 'onOrAfter' };

/** A path relative to the object at `holderPath`. */
export function relativePath(holderPath: FieldPath, path: FieldPath): string {
  if (holderPath === '') return path;
  if (!path.startsWith(`${holderPath}.`)) throw new Error(`${path} is outside ${holderPath}`);
  return path.slice(holderPath.length + 1);
}

const absolute = (holderPath: FieldPath, rel: string) => (holderPath ? `${holderPath}.${rel}` : rel);

function wrap(segments: string[], test: JsonSchema): JsonSchema {
  return segments.reduceRight<JsonSchema>((inner, key) => ({ properties: { [key]: inner }, required: [key] }), test);
}

function filledTest(node: JsonSchema | undefined): JsonSchema {
  if (node?.type === 'string') return { minLength: 1 };
  if (node?.type === 'array') return { minItems: 1 };
  return {};
}

function compileLeaf(leaf: ConditionLeaf, holderPath: FieldPath, nodeAt: NodeAt): JsonSchema {
  const rel = relativePath(holderPath, leaf.field);
  const node = nodeAt(leaf.field);
  const multi = node?.type === 'array';
  const choice = (t: JsonSchema) => (multi ? { contains: t } : t);
  const segments = rel.split('.');
  switch (leaf.op) {
    case 'equals':
      return wrap(segments, choice({ const: leaf.value }));
    case 'oneOf':
      return wrap(segments, choice((leaf.values ?? []).length === 1 ? { const: leaf.values![0] } : { enum: leaf.values ?? [] }));
    case 'gte':
      return wrap(segments, { minimum: leaf.value });
    case 'lte':
      return wrap(segments, { maximum: leaf.value });
    case 'between':
      return wrap(segments, { minimum: leaf.min, maximum: leaf.max });
    case 'filled':
      return wrap(segments, filledTest(node));
    case 'empty':
      return { not: wrap(segments, filledTest(node)) };
    default: {
      const rule: DateCompareRule = { field: rel, op: DATE_OP_KEYWORDS[leaf.op]! };
      if (leaf.otherDate) rule.other = relativePath(holderPath, leaf.otherDate);
      return { [DATE_COMPARE_KEYWORD]: rule };
    }
  }
}

/** The `if` clause of a condition placed in the object at `holderPath`. */
export function compileCondition(condition: Condition, holderPath: FieldPath, nodeAt: NodeAt): JsonSchema {
  if (isLeaf(condition)) return compileLeaf(condition, holderPath, nodeAt);
  const list = 'all' in condition ? condition.all : condition.any;
  if (list.length === 1) return compileCondition(list[0]!, holderPath, nodeAt);
  const parts = list.map((c) => compileCondition(c, holderPath, nodeAt));
  return 'all' in condition ? { allOf: parts } : { anyOf: parts };
}

const keysOf = (s: JsonSchema) => Object.keys(s);
const only = (s: JsonSchema, ...allowed: string[]) => keysOf(s).every((k) => allowed.includes(k));
const isValue = (v: unknown): v is ConditionValue => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Reads a test on one value (what sits at the end of the `properties` chain). */
function parseTest(test: JsonSchema, field: FieldPath): ConditionLeaf | undefined {
  if (!test || typeof test !== 'object' || Array.isArray(test)) return undefined;
  if (keysOf(test).length === 0) return { field, op: 'filled' };
  const inner = only(test, 'contains') && test.contains && typeof test.contains === 'object' ? (test.contains as JsonSchema) : test;
  if (only(inner, 'const') && isValue(inner.const)) return { field, op: 'equals', value: inner.const };
  if (only(inner, 'enum') && Array.isArray(inner.enum) && inner.enum.length > 0 && inner.enum.every(isValue)) return { field, op: 'oneOf', values: inner.enum as ConditionValue[] };
  if (inner !== test) return undefined;
  if (only(test, 'minimum', 'maximum') && [test.minimum, test.maximum].every((n) => n === undefined || typeof n === 'number')) {
    if (test.minimum !== undefined && test.maximum !== undefined) return { field, op: 'between', min: test.minimum, max: test.maximum };
    return test.minimum !== undefined ? { field, op: 'gte', value: test.minimum } : { field, op: 'lte', value: test.maximum };
  }
  if ((only(test, 'minLength') && test.minLength === 1) || (only(test, 'minItems') && test.minItems === 1)) return { field, op: 'filled' };
  return undefined;
}

/** Reads a `properties` chain down to one answer's test. */
function parseChain(s: JsonSchema, holderPath: FieldPath, prefix: string[]): ConditionLeaf | undefined {
  if (!only(s, 'properties', 'required')) return undefined;
  const props = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>);
  const required = (s.required ?? []) as unknown[];
  if (props.length !== 1 || !Array.isArray(required)) return undefined;
  const [key, inner] = props[0]!;
  if (required.some((r) => r !== key)) return undefined;
  if (!inner || typeof inner !== 'object') return undefined;
  const segments = [...prefix, key];
  if ('properties' in inner) return parseChain(inner, holderPath, segments);
  return parseTest(inner, absolute(holderPath, segments.join('.')));
}

const REVERSE_DATE_OPS = Object.fromEntries(Object.entries(DATE_OP_KEYWORDS).map(([k, v]) => [v, k])) as Record<string, ConditionLeaf['op']>;

/** Reads an `if` clause placed in the object at `holderPath` back as a condition; undefined for other shapes. */
export function parseCondition(s: JsonSchema | undefined, holderPath: FieldPath): Condition | undefined {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return undefined;
  for (const keyword of ['allOf', 'anyOf'] as const) {
    if (only(s, keyword) && Array.isArray(s[keyword]) && s[keyword].length > 0) {
      const parts = (s[keyword] as JsonSchema[]).map((p) => parseCondition(p, holderPath));
      if (parts.some((p) => !p)) return undefined;
      return keyword === 'allOf' ? { all: parts as Condition[] } : { any: parts as Condition[] };
    }
  }
  if (only(s, 'not') && s.not && typeof s.not === 'object') {
    const inner = parseChain(s.not as JsonSchema, holderPath, []);
    return inner?.op === 'filled' ? { field: inner.field, op: 'empty' } : undefined;
  }
  if (only(s, DATE_COMPARE_KEYWORD)) {
    const rule = s[DATE_COMPARE_KEYWORD] as DateCompareRule;
    const op = REVERSE_DATE_OPS[rule?.op];
    if (!op || typeof rule.field !== 'string') return undefined;
    return { field: absolute(holderPath, rule.field), op, ...(typeof rule.other === 'string' ? { otherDate: absolute(holderPath, rule.other) } : {}) };
  }
  return parseChain(s, holderPath, []);
}
