/**
 * The fields a push mapping can name, and the checks of a mapping against a
 * form version's schema. The editor lists each answer by its Japanese label
 * (「世帯主／氏名／氏（姓）」) with its JSON pointer, so a clerk who is not a
 * programmer can map it; a repeating group is offered by its first item (…/0/…).
 */
import { isSensitiveNode, type JsonSchema } from '@madoguchi/shared';
import { schemaAt } from '../inbox/correctionFields';
import { resolveSchemaRef, schemaProperties } from '@madoguchi/shared';

export interface PushField {
  pointer: string;
  label: string;
  /** An object or a list of objects: sent as JSON. */
  group: boolean;
  /** 個人番号 or `x-sensitive` (or under such a group): sent only with the admin's confirmation. */
  sensitive: boolean;
}

const isObject = (s: JsonSchema) => s.type === 'object' || !!s.properties || !!s.allOf;

/** Every answer of the form, groups included, in form order. */
export function pushFields(root: JsonSchema): PushField[] {
  const fields: PushField[] = [];
  const walk = (schema: JsonSchema, pointer: string, labels: string[], inherited: boolean, depth: number) => {
    const s = resolveSchemaRef(schema, root);
    const sensitive = inherited || isSensitiveNode(s);
    const items = resolveSchemaRef(s.items, root);
    const repeating = s.type === 'array' && isObject(items);
    if (pointer) fields.push({ pointer, label: labels.filter(Boolean).join('／'), group: repeating || isObject(s), sensitive });
    if (depth > 8) return;
    if (repeating) walk(items, `${pointer}/0`, [...labels.slice(0, -1), `${items.title ?? labels.at(-1) ?? ''}1`], sensitive, depth + 1);
    else if (isObject(s)) for (const [key, child] of schemaProperties(s, root)) walk(child, `${pointer}/${key}`, [...labels, resolveSchemaRef(child, root).title ?? key], sensitive, depth + 1);
  };
  walk(root, '', [], false, 0);
  return fields;
}

const POINTER = /^(\/[^/~]*(~[01][^/~]*)*)+$/;

/** Whether `pointer` names an answer the schema can hold (conditional fields included). */
export function pointerExists(root: JsonSchema, pointer: string): boolean {
  return POINTER.test(pointer) && pointer.length <= 300 && schemaAt(root, pointer) !== undefined;
}

/** Whether the answer at `pointer` is sensitive itself, sits under a sensitive group, or holds one (a group sent whole). */
export function pointerIsSensitive(root: JsonSchema, pointer: string): boolean {
  const parts = pointer.split('/').slice(1);
  for (let i = 1; i <= parts.length; i++) if (isSensitiveNode(resolveSchemaRef(schemaAt(root, `/${parts.slice(0, i).join('/')}`), root))) return true;
  return holdsSensitive(resolveSchemaRef(schemaAt(root, pointer), root), root, 0);
}

function holdsSensitive(s: JsonSchema, root: JsonSchema, depth: number): boolean {
  if (isSensitiveNode(s)) return true;
  if (depth > 8) return false;
  const items = resolveSchemaRef(s.items, root);
  if (s.type === 'array' && isObject(items)) return holdsSensitive(items, root, depth + 1);
  return schemaProperties(s, root).some(([, child]) => holdsSensitive(resolveSchemaRef(child, root), root, depth + 1));
}

/** The value at a JSON pointer into the answers (undefined when not answered). */
export function valueAt(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
