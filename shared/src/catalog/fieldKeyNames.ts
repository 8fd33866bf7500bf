/**
 * Keys for new fields: readable (from the label's reading, or the field type)
 * and unique in the whole form, not only in their object — so a key names one
 * field wherever it is used (conditions, attachments, exports). A
 * municipality's fields added over a preset carry the `local_` prefix, which
 * preset keys never use, so a preset update can never add the same key.
 */
import type { JsonSchema } from '../form/jsonSchema';
import type { FieldKind } from './types';
import { FIELD_KEY_PATTERN, containerOf, fieldKeys, findInObject } from './fieldPaths';

/** Prefix of fields a municipality adds to an adopted preset. */
export const LOCAL_KEY_PREFIX = 'local_';

/** A readable English stem per field type, used when the label gives no letters (kanji). */
const KIND_STEMS: Record<FieldKind, string> = {
  text: 'text',
  textarea: 'note',
  number: 'number',
  date: 'date',
  yesNo: 'yesNo',
  choice: 'choice',
  multiChoice: 'choices',
  personName: 'name',
  address: 'address',
  phone: 'phone',
  email: 'email',
  myNumber: 'myNumber',
  bankAccount: 'bankAccount',
  consent: 'consent',
  section: 'section',
  group: 'group',
  calc: 'total',
};

/** Every property key anywhere in a schema (own, conditional, inside sections and groups). */
export function allFieldKeys(schema: JsonSchema): Set<string> {
  const keys = new Set<string>();
  const visit = (holder: JsonSchema) => {
    for (const key of fieldKeys(holder)) {
      keys.add(key);
      const inner = containerOf(findInObject(holder, key)?.node);
      if (inner) visit(inner);
    }
  };
  visit(schema);
  return keys;
}

/**
 * Turns a romanised label into a key stem: its ASCII words joined in
 * lowerCamelCase, at most 40 characters; '' when nothing usable is left.
 */
export function keyStem(romanised: string): string {
  const words = romanised
    .normalize('NFKC')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const camel = words
    .map((w, i) => (i === 0 ? w[0]!.toLowerCase() : w[0]!.toUpperCase()) + w.slice(1))
    .join('')
    .replace(/^[0-9]+/, '');
  return camel.slice(0, 40);
}

/**
 * A key for a new field, unique in the whole form: the stem (or the type's
 * stem), then 2, 3 … when taken; with `prefix` in front (`local_` over presets).
 */
export function suggestFieldKey(schema: JsonSchema, stem: string, kind: FieldKind, prefix = ''): string {
  const taken = allFieldKeys(schema);
  const base = `${prefix}${keyStem(stem) || KIND_STEMS[kind]}`;
  // A stem from the label stands alone when free; a type's stem is numbered from 1 (text1, text2 …).
  let candidate = keyStem(stem) ? base : `${base}1`;
  for (let n = 2; taken.has(candidate) || !FIELD_KEY_PATTERN.test(candidate); n++) candidate = `${base.slice(0, 60)}${n}`;
  return candidate;
}
