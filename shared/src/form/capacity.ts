/**
 * Capacity (定員) of a single-choice field's options (issue #22):
 *   "x-capacity": { "limits": { "<option value>": 30 }, "countOf": "participants" }
 * Each submission takes one place of the chosen option, or as many as the rows
 * of the repeating group `countOf` names (a dot path from the form root).
 * Options not in `limits` have no limit. The schema's numbers are the initial
 * capacity; the store holds the live one (staff may raise it).
 */
import type { JsonSchema } from './jsonSchema';
import { resolveSchemaRef, schemaProperties } from './schemaWalk';

export const CAPACITY_KEYWORD = 'x-capacity';

export interface CapacityRule {
  limits: Record<string, number>;
  countOf?: string;
}

/** Makes a malformed rule a compile error of the shared ajv (createAjv.ts); the publish checks say what is wrong in words. */
export const CAPACITY_META_SCHEMA = {
  type: 'object',
  required: ['limits'],
  additionalProperties: false,
  properties: {
    limits: { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } },
    countOf: { type: 'string', minLength: 1 },
  },
};

/** A field of the form that carries a capacity rule. */
export interface CapacityField {
  /** Dot path from the form root (`session`, `event.session`). */
  path: string;
  title: string;
  /** The field's options in form order. */
  options: string[];
  rule: CapacityRule;
  /** True when the field sits inside a repeating group's row (not allowed: one submission, one choice). */
  inArray: boolean;
}

/** The places one submission takes of one option. */
export interface CapacityTake {
  fieldPath: string;
  option: string;
  places: number;
  /** The schema's number: the initial capacity when the store has none yet. */
  schemaLimit: number;
}

/** The live state of one option: capacity null means no limit. */
export interface CapacityOptionState {
  option: string;
  capacity: number | null;
  taken: number;
  remaining: number | null;
}

/** Public answer: the remaining places per option of every field with a capacity. */
export interface CapacityAvailability {
  procedureId: string;
  fields: Array<{ path: string; title: string; options: CapacityOptionState[] }>;
}

const isRule = (value: unknown): value is CapacityRule => typeof value === 'object' && value !== null && typeof (value as CapacityRule).limits === 'object' && (value as CapacityRule).limits !== null;

function optionsOfChoice(node: JsonSchema): string[] {
  if (Array.isArray(node.enum)) return node.enum.map(String);
  if (Array.isArray(node.oneOf)) return (node.oneOf as JsonSchema[]).filter((o) => o && o.const !== undefined).map((o) => String(o.const));
  return [];
}

/** Every field with `x-capacity`, including those of conditional branches and repeating groups (flagged). */
export function capacityFields(root: JsonSchema): CapacityField[] {
  const found: CapacityField[] = [];
  const walk = (node: JsonSchema, path: string, inArray: boolean) => {
    const r = resolveSchemaRef(node, root);
    if (path && isRule(r[CAPACITY_KEYWORD])) {
      found.push({ path, title: typeof r.title === 'string' && r.title ? r.title : path, options: optionsOfChoice(r), rule: r[CAPACITY_KEYWORD] as CapacityRule, inArray });
    }
    if (r.type === 'array' && r.items && typeof r.items === 'object') walk(r.items as JsonSchema, path, true);
    for (const [key, child] of schemaProperties(r, root)) walk(child, path ? `${path}.${key}` : key, inArray);
  };
  walk(root, '', false);
  return found;
}

const valueAt = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined), data);

/** The arrays a path may name (repeating groups), to check `countOf`. */
function isRepeatingGroup(root: JsonSchema, path: string): boolean {
  let node: JsonSchema | undefined = root;
  for (const key of path.split('.')) {
    if (!node) return false;
    node = schemaProperties(resolveSchemaRef(node, root), root).find(([k]) => k === key)?.[1];
  }
  return !!node && resolveSchemaRef(node, root).type === 'array';
}

/**
 * The fields outside repeating groups that carry a capacity, found once per schema object: every submission asks,
 * and walking the whole schema for it showed in the intake profile (a published version's schema is cached and
 * never changed; a changed schema is a new object).
 */
const limitedFields = new WeakMap<JsonSchema, CapacityField[]>();
function limitedFieldsOf(root: JsonSchema): CapacityField[] {
  let fields = limitedFields.get(root);
  if (!fields) {
    fields = capacityFields(root).filter((f) => !f.inArray);
    limitedFields.set(root, fields);
  }
  return fields;
}

/** The places a submission's (validated) answers take: one entry per limited option chosen. */
export function capacityTakes(root: JsonSchema, data: unknown): CapacityTake[] {
  const takes: CapacityTake[] = [];
  for (const field of limitedFieldsOf(root)) {
    const chosen = valueAt(data, field.path);
    if (typeof chosen !== 'string') continue;
    const limit = field.rule.limits[chosen];
    if (typeof limit !== 'number') continue;
    const rows = field.rule.countOf ? valueAt(data, field.rule.countOf) : undefined;
    const places = field.rule.countOf ? (Array.isArray(rows) ? rows.length : 0) : 1;
    if (places > 0) takes.push({ fieldPath: field.path, option: chosen, places, schemaLimit: limit });
  }
  return takes;
}

/** The live capacity of an option: the store's, unless the schema's number changed since (never below what is taken). */
export function liveCapacity(stored: { capacity: number; schemaLimit: number; taken: number } | undefined, schemaLimit: number): { capacity: number; taken: number } {
  if (!stored) return { capacity: schemaLimit, taken: 0 };
  if (stored.schemaLimit !== schemaLimit) return { capacity: Math.max(schemaLimit, stored.taken), taken: stored.taken };
  return { capacity: stored.capacity, taken: stored.taken };
}

/** Why the capacity rules of a form cannot be published, in Japanese (empty when they can). */
export function checkCapacityRules(root: JsonSchema): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  for (const field of capacityFields(root)) {
    const name = `「${field.title}」の定員`;
    const say = (message: string) => problems.push({ path: field.path, message });
    if (field.inArray) say(`${name}は、繰り返し項目の中の項目には設定できません。`);
    if (field.options.length === 0) say(`${name}は、選択肢から1つ選ぶ項目にだけ設定できます。`);
    for (const [option, limit] of Object.entries(field.rule.limits)) {
      if (field.options.length > 0 && !field.options.includes(option)) say(`${name}が、ない選択肢「${option}」に設定されています。`);
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1_000_000) say(`${name}（${option}）は1〜1000000の整数で指定してください。`);
    }
    if (field.rule.countOf !== undefined && (typeof field.rule.countOf !== 'string' || !isRepeatingGroup(root, field.rule.countOf))) {
      say(`${name}の人数の数え方（countOf: ${String(field.rule.countOf)}）が、繰り返し項目を指していません。`);
    }
  }
  return problems;
}
