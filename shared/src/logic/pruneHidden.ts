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
function isField(node: unknown): boolean {
  if (!isObject(node)) return false;
  // Counted by hand: this runs for every property of every branch on every submission (Object.keys made an array each time).
  let keys = 0;
  for (const k in node) if (++keys > 1 || k !== NOTE_KEYWORD) return true;
  return keys === 0;
}

/** Adds `node` to the nodes defining (or hiding) key `k`. */
function add(m: Map<string, JsonSchema[]>, k: string, node: JsonSchema): void {
  const nodes = m.get(k);
  if (nodes) nodes.push(node);
  else m.set(k, [node]);
}

function resolve(node: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  if (!node || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/definitions/')) return node;
  return (root.definitions?.[node.$ref.slice('#/definitions/'.length)] as JsonSchema | undefined) ?? node;
}

/**
 * What the schema says about one object for this data: `shown` — for each key,
 * the nodes that define it (its own, and those of branches that hold, nested
 * ones too); `hidden` — the nodes of branches that do not hold. A branch of an
 * ancestor reaches into a section through a chain (`then.properties.a.properties.b`),
 * so a hidden chain node for `a` hides nothing at this level but its fields deeper.
 */
function collect(holder: JsonSchema, data: Data, root: JsonSchema, holds: IfHolds, shown: Map<string, JsonSchema[]>, hidden: Map<string, JsonSchema[]>): void {
  const properties = holder.properties as Record<string, JsonSchema> | undefined;
  for (const k in properties) if (isField(properties[k])) add(shown, k, properties[k]!);
  for (const branch of (holder.allOf ?? []) as JsonSchema[]) {
    if (!isObject(branch) || !isObject(branch.then) || branch.if === undefined) continue;
    if (holds(branch.if as JsonSchema, data, root)) collect(branch.then as JsonSchema, data, root, holds, shown, hidden);
    else hideAll(branch.then as JsonSchema, hidden);
  }
}

/** Every node a failing branch defines (its nested branches too: they cannot show anything either). */
function hideAll(then: JsonSchema, hidden: Map<string, JsonSchema[]>): void {
  const properties = then.properties as Record<string, JsonSchema> | undefined;
  for (const k in properties) if (isField(properties[k])) add(hidden, k, properties[k]!);
  for (const branch of (then.allOf ?? []) as JsonSchema[]) if (isObject(branch) && isObject(branch.then)) hideAll(branch.then as JsonSchema, hidden);
}

/** A node that only leads to deeper fields (a branch's chain), not a field itself. */
function isChain(node: JsonSchema): boolean {
  for (const k in node) if (k !== 'properties' && k !== 'required' && k !== 'items') return false;
  return true;
}

/** Counts the answers a pass dropped: none dropped means the pass changed nothing and the pruning is done. */
interface Pass {
  dropped: number;
}

const NONE: readonly JsonSchema[] = [];

function pruneOnce(schemas: readonly JsonSchema[], hiddenNodes: readonly JsonSchema[], data: unknown, holds: IfHolds, root: JsonSchema, pass: Pass): unknown {
  if (typeof data !== 'object' || data === null) return data; // an answer itself: nothing inside it to drop
  const nodes = schemas.map((s) => resolve(s, root)).filter((n): n is JsonSchema => isObject(n));
  const failing = hiddenNodes.map((s) => resolve(s, root)).filter((n): n is JsonSchema => isObject(n));
  if (Array.isArray(data)) {
    const items = nodes.map((n) => n.items).filter(isObject) as JsonSchema[];
    const hiddenItems = failing.map((n) => n.items).filter(isObject) as JsonSchema[];
    return items.length > 0 ? data.map((row) => pruneOnce(items, hiddenItems, row, holds, root, pass)) : data;
  }
  const fields = data as Data; // neither an answer nor a list: an object of answers
  const shown = new Map<string, JsonSchema[]>();
  const hidden = new Map<string, JsonSchema[]>();
  for (const n of nodes) collect(n, fields, root, holds, shown, hidden);
  for (const n of failing) hideAll(n, hidden);
  const out: Data = {};
  for (const k in fields) {
    const defining = shown.get(k) ?? NONE;
    const hiding = hidden.get(k) ?? NONE;
    // Dropped when only failing branches define it as a field; a chain alone defines nothing.
    if (!defining.some((n) => !isChain(n)) && hiding.some((n) => !isChain(n))) {
      pass.dropped++;
      continue;
    }
    out[k] = pruneOnce(defining, hiding, fields[k], holds, root, pass);
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
    // A pass copies every object and array it keeps, so when it dropped nothing its result equals its input
    // (comparing the two as JSON cost two stringifications of the answers per pass on every submission).
    const pass: Pass = { dropped: 0 };
    const next = pruneOnce([schema], [], current, holds, root, pass);
    if (pass.dropped === 0) return next;
    current = next;
  }
  return current;
}
