/**
 * "Show when…" conditions ↔ JSON Schema `if` clauses. The builder writes
 * `{"if": {"properties": {"kind": {"const": "粗大ごみ"}}, "required": ["kind"]}}`
 * (with `contains` for multi-choice fields) — the shape presets use — and reads
 * back any `if` of that shape. Other shapes stay as they are, shown as a custom
 * condition.
 */
import type { JsonSchema } from '../form/jsonSchema';
import type { ConditionValue, ShowWhen } from './types';

/** The `if` clause for a condition on a sibling field (`sibling` is that field's schema). */
export function buildIf(showWhen: ShowWhen, sibling: JsonSchema | undefined): JsonSchema {
  const values = showWhen.in ?? (showWhen.equals !== undefined ? [showWhen.equals] : []);
  const test: JsonSchema = values.length === 1 ? { const: values[0] } : { enum: values };
  const isArray = sibling?.type === 'array';
  return { properties: { [showWhen.field]: isArray ? { contains: test } : test }, required: [showWhen.field] };
}

/** Reads an `if` clause back as a condition; undefined when it has another shape. */
export function parseIf(ifSchema: JsonSchema | undefined): ShowWhen | undefined {
  if (!ifSchema || typeof ifSchema !== 'object') return undefined;
  const props = Object.entries((ifSchema.properties ?? {}) as Record<string, JsonSchema>);
  if (props.length !== 1) return undefined;
  const extraKeys = Object.keys(ifSchema).filter((k) => k !== 'properties' && k !== 'required');
  if (extraKeys.length > 0) return undefined;
  const [field, test] = props[0]!;
  const inner = test.contains ?? test;
  if ('const' in inner && Object.keys(inner).length === 1) return { field, equals: inner.const as ConditionValue };
  if (Array.isArray(inner.enum) && Object.keys(inner).length === 1) return { field, in: inner.enum as ConditionValue[] };
  return undefined;
}

/** The values a condition compares with. */
export const conditionValues = (showWhen: ShowWhen): ConditionValue[] => showWhen.in ?? (showWhen.equals !== undefined ? [showWhen.equals] : []);

const show = (v: ConditionValue) => (v === true ? 'はい' : v === false ? 'いいえ' : String(v));

/** A condition in Japanese, e.g. 「収集の方法」が「戸別収集」のとき. */
export function describeShowWhen(showWhen: ShowWhen, siblingLabel: string): string {
  const values = conditionValues(showWhen);
  return values.length === 1 ? `「${siblingLabel}」が「${show(values[0]!)}」のとき` : `「${siblingLabel}」が${values.map((v) => `「${show(v)}」`).join('・')}のいずれかのとき`;
}

/** Whether two `if` clauses are the same condition (branches with equal conditions are merged). */
export const sameIf = (a: JsonSchema | undefined, b: JsonSchema | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);
