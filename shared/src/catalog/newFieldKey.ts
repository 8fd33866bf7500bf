/**
 * The key of a field a clerk adds without naming one. Readable — after what
 * the field is (`date1`, `choice2`), not `q1` — and unique in the whole form.
 * A field a municipality adds to an adopted preset carries the municipality's
 * code (`m082015_date1`): the preset's own next version can then never bring
 * a field of the same key, so both sides of a preset update stay apart.
 */
import { PRESET_OWNER } from '../form/types';
import type { JsonSchema } from '../form/jsonSchema';
import type { FieldKind, FormDocument } from './types';

/** Every property key anywhere in the schema (nested objects, array items, definitions, branches). */
function allKeys(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) allKeys(item, into);
  else if (node && typeof node === 'object') {
    const properties = (node as JsonSchema).properties;
    if (properties && typeof properties === 'object') for (const key of Object.keys(properties)) into.add(key);
    for (const value of Object.values(node)) allKeys(value, into);
  }
  return into;
}

export function newFieldKey(doc: FormDocument, kind: FieldKind): string {
  const taken = allKeys(doc.schema);
  const adopted = doc.procedure.owner !== PRESET_OWNER && !!doc.procedure.basedOn;
  const stem = `${adopted ? `m${doc.procedure.owner}_` : ''}${kind}`;
  let n = 1;
  while (taken.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}
