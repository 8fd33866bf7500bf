/**
 * Discards the answers of fields that are not shown: a field inside an
 * `allOf` if/then branch whose `if` does not hold (and which no holding branch
 * or the object itself also defines). The caller passes how to judge an `if`
 * — the server its ajv, the browser its eval-free interpreter — so the one
 * validator decides, and both sides store exactly the same answers.
 */
import type { JsonSchema } from '../form/jsonSchema';
import { NOTE_KEYWORD } from './dateCompare';

/** Whether `data` satisfies the `if` sub-schema (`$ref`s resolve in `root`). */
export type IfHolds = (ifSchema: JsonSchema, data: unknown, root: JsonSchema) => boolean;

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A message stub (`{"x-note": …}`) is not a field: it never hides nor shows one. */
const isField = (node: unknown) => isObject(node) && !(Object.keys(node).length === 1 && NOTE_KEYWORD in node);

function resolve(node: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  if (!node || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/definitions/')) return node;
  return (root.definitions?.[node.$ref.slice('#/definitions/'.length)] as JsonSchema | undefined) ?? node;
}

/** The fields an object defines for this data: its own, and those of branches that hold (nested ones too). */
function shownFields(holder: JsonSchema, data: Data, root: JsonSchema, holds: IfHolds, shown: Map<string, JsonSchema>, hidden: Set<string>): void {
  for (const [k, node] of Object.entries((holder.properties ?? {}) as Record<string, JsonSchema>)) if (isField(node)) shown.set(k, node);
  for (const branch of (holder.allOf ?? []) as JsonSchema[]) {
    if (!isObject(branch) || !isObject(branch.then) || branch.if === undefined) continue;
    if (holds(branch.if as JsonSchema, data, root)) shownFields(branch.then as JsonSchema, data, root, holds, shown, hidden);
    else for (const [k, node] of Object.entries(((branch.then as JsonSchema).properties ?? {}) as Record<string, JsonSchema>)) if (isField(node)) hidden.add(k);
  }
}

function pruneOnce(schema: JsonSchema, data: unknown, holds: IfHolds, root: JsonSchema = schema): unknown {
  const node = resolve(schema, root);
  if (!node) return data;
  if (Array.isArray(data)) {
    const items = node.items as JsonSchema | undefined;
    return items && isObject(items) ? data.map((row) => pruneOnce(items, row, holds, root)) : data;
  }
  if (!isObject(data)) return data;
  const shown = new Map<string, JsonSchema>();
  const hidden = new Set<string>();
  shownFields(node, data, root, holds, shown, hidden);
  const out: Data = {};
  for (const [k, v] of Object.entries(data)) {
    if (hidden.has(k) && !shown.has(k)) continue;
    out[k] = shown.has(k) ? pruneOnce(shown.get(k)!, v, holds, root) : v;
  }
  return out;
}

/**
 * A copy of `data` without the answers of hidden fields, at every level
 * (sections, rows of repeating groups). Repeated until nothing changes, so a
 * field shown by a hidden field's answer goes too.
 */
export function pruneHiddenAnswers(schema: JsonSchema, data: unknown, holds: IfHolds, root: JsonSchema = schema): unknown {
  let current = data;
  for (let i = 0; i < 20; i++) {
    const next = pruneOnce(schema, current, holds, root);
    if (JSON.stringify(next) === JSON.stringify(current)) return next;
    current = next;
  }
  return current;
}
