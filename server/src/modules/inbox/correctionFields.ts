/**
 * The answers a 補正依頼 asks the applicant to correct, described for a plain
 * form: label (from the submission's own form version), input kind, choices
 * and current value. Staff flag answer lines (leaves or groups) by JSON pointer.
 */
import { answerList, type JsonSchema } from '@madoguchi/shared';

export type CorrectionInput = 'text' | 'textarea' | 'number' | 'integer' | 'select' | 'multiselect' | 'boolean' | 'date' | 'email' | 'tel';

export interface CorrectionField {
  pointer: string;
  /** The group the answer belongs to, e.g. 世帯主 › 世帯主の氏名. */
  group: string;
  label: string;
  input: CorrectionInput;
  options?: string[];
  value: unknown;
  maxLength?: number;
}

function resolve(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema {
  if (!schema) return {};
  if (typeof schema.$ref === 'string') {
    const { $ref, ...local } = schema;
    return { ...resolve(root.definitions?.[String($ref).replace('#/definitions/', '')], root), ...local };
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1 && schema.allOf[0].$ref && !schema.properties) {
    const { allOf, ...local } = schema;
    return { ...resolve(allOf[0], root), ...local };
  }
  return schema;
}

/** A property's schema, looking into conditional branches as the form does. */
function propertySchema(schema: JsonSchema, key: string, root: JsonSchema): JsonSchema | undefined {
  const s = resolve(schema, root);
  if (s.properties?.[key]) return resolve(s.properties[key], root);
  for (const branch of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])] as JsonSchema[]) {
    for (const candidate of [branch, branch.then, branch.else]) {
      const found = candidate ? propertySchema(candidate, key, root) : undefined;
      if (found) return found;
    }
  }
  for (const candidate of [s.then, s.else]) {
    const found = candidate ? propertySchema(candidate, key, root) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The schema at a JSON pointer into the data. */
export function schemaAt(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = resolve(root, root);
  for (const part of pointer.split('/').slice(1)) {
    if (!node) return undefined;
    if (/^\d+$/.test(part) && (node.type === 'array' || node.items)) node = resolve(node.items as JsonSchema, root);
    else node = propertySchema(node, part, root);
  }
  return node;
}

export function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

function inputOf(s: JsonSchema): Pick<CorrectionField, 'input' | 'options' | 'maxLength'> {
  if (Array.isArray(s.enum)) return { input: 'select', options: s.enum.map(String) };
  if (s.type === 'array' && Array.isArray(s.items?.enum)) return { input: 'multiselect', options: s.items.enum.map(String) };
  if (s.type === 'boolean') return { input: 'boolean' };
  if (s.type === 'integer') return { input: 'integer' };
  if (s.type === 'number') return { input: 'number' };
  if (['date', 'past-date', 'future-date'].includes(s.format)) return { input: 'date' };
  if (s.format === 'email') return { input: 'email' };
  if (s.format === 'jp-phone') return { input: 'tel' };
  const maxLength = typeof s.maxLength === 'number' ? { maxLength: s.maxLength } : {};
  return { input: typeof s.maxLength === 'number' && s.maxLength > 100 ? 'textarea' : 'text', ...maxLength };
}

/**
 * Leaf answers under the flagged pointers, in form order. A flagged group
 * covers its answered leaves; a flagged leaf that is unanswered is still offered.
 */
export function correctionFields(schema: JsonSchema, data: Record<string, unknown>, flagged: string[]): CorrectionField[] {
  // Only labels and pointers are taken from the lines (values come from the data: the applicant corrects their own answers).
  const lines = answerList(schema, data, { revealSensitive: true });
  const groupOf = new Map<string, string>();
  const stack: Array<{ depth: number; label: string }> = [];
  for (const line of lines) {
    while (stack.length && stack.at(-1)!.depth >= line.depth) stack.pop();
    if (line.isGroup) stack.push({ depth: line.depth, label: line.label });
    else groupOf.set(line.pointer, stack.map((g) => g.label).join(' › '));
  }
  const covered = (p: string) => flagged.some((f) => p === f || p.startsWith(`${f}/`));
  const pointers = lines.filter((l) => !l.isGroup && covered(l.pointer)).map((l) => l.pointer);
  for (const f of flagged) if (!pointers.includes(f) && !lines.some((l) => l.pointer.startsWith(`${f}/`))) pointers.push(f);
  const fields: CorrectionField[] = [];
  for (const pointer of pointers) {
    const s = schemaAt(schema, pointer);
    if (!s || s.type === 'object' || (s.type === 'array' && s.items?.type === 'object')) continue;
    const line = lines.find((l) => l.pointer === pointer);
    fields.push({ pointer, group: groupOf.get(pointer) ?? '', label: line?.label ?? s.title ?? pointer.split('/').pop()!, ...inputOf(s), value: valueAt(data, pointer) ?? null });
  }
  return fields;
}

/** Sets (or, for null / '', removes) the value at a pointer, creating objects on the way. */
export function setAt(data: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = pointer.split('/').slice(1);
  let node: Record<string, unknown> = data;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = /^\d+$/.test(part) ? [] : {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts.at(-1)!;
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete node[last];
  else node[last] = value;
}
