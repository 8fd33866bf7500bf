/**
 * ワンスオンリー: the answers the procedures of a one-stop bundle have in
 * common (the applicant, the child, the insured person of a care
 * procedure, the bank account), asked once. Each preset
 * declares beside itself which of its fields take which shared answer
 * (`shared-answers.json`); a test checks every pointer against the preset's
 * schema, so a renamed field breaks the build, not the resident's form.
 */
import { COMMON_DEFINITIONS } from '../form/commonDefinitions';
import type { JsonSchema } from '../form/jsonSchema';

export interface SharedAnswerField {
  /** `group.name`: where the answer sits in the shared part. */
  key: string;
  /** The common definition every field mapped to it must accept as is. */
  definition: string;
  title: string;
  titleEn: string;
}

export interface SharedAnswerGroup {
  id: 'applicant' | 'child' | 'insured' | 'account';
  title: string;
  titleEn: string;
}

export const SHARED_ANSWER_GROUPS: readonly SharedAnswerGroup[] = [
  { id: 'applicant', title: '申請する方（あなた）', titleEn: 'You (the applicant)' },
  { id: 'child', title: 'お子さん', titleEn: 'The child' },
  // The care procedures are about the 被保険者, who is often not the one filing (a family member, a guardian).
  { id: 'insured', title: '介護保険の被保険者（サービスを受ける方）', titleEn: 'The insured person (who receives the care)' },
  { id: 'account', title: '振込先口座', titleEn: 'Bank account for payments' },
];

// 個人番号 is deliberately not shared: each form asks for it where its law requires it, so it is kept in as few places as possible.
export const SHARED_ANSWER_FIELDS: readonly SharedAnswerField[] = [
  { key: 'applicant.name', definition: 'personName', title: '氏名', titleEn: 'Name' },
  { key: 'applicant.birthDate', definition: 'pastDate', title: '生年月日', titleEn: 'Date of birth' },
  { key: 'applicant.sex', definition: 'sex', title: '性別', titleEn: 'Sex' },
  { key: 'applicant.address', definition: 'address', title: '住所', titleEn: 'Address' },
  { key: 'applicant.phone', definition: 'phone', title: '電話番号（日中の連絡先）', titleEn: 'Phone (daytime)' },
  { key: 'applicant.email', definition: 'email', title: 'メールアドレス', titleEn: 'Email' },
  { key: 'child.name', definition: 'personName', title: '氏名', titleEn: 'Name' },
  { key: 'child.birthDate', definition: 'pastDate', title: '生年月日', titleEn: 'Date of birth' },
  { key: 'child.sex', definition: 'sex', title: '性別', titleEn: 'Sex' },
  { key: 'insured.name', definition: 'personName', title: '氏名', titleEn: 'Name' },
  { key: 'insured.birthDate', definition: 'pastDate', title: '生年月日', titleEn: 'Date of birth' },
  { key: 'insured.sex', definition: 'sex', title: '性別', titleEn: 'Sex' },
  { key: 'insured.address', definition: 'address', title: '住所', titleEn: 'Address' },
  { key: 'insured.phone', definition: 'phone', title: '電話番号（日中の連絡先）', titleEn: 'Phone (daytime)' },
  { key: 'insured.insuredNumber', definition: 'insuredNumber', title: '被保険者番号', titleEn: 'Insured number (介護保険)' },
  { key: 'account.bankAccount', definition: 'bankAccount', title: '振込先口座', titleEn: 'Bank account' },
];

/** Shared answer key → JSON pointer of the field in one procedure's answers (`/children/0/name`). */
export type SharedAnswerMapping = Record<string, string>;

/** The shared part as the resident fills it in: `{ applicant: { name: … }, child: { … }, insured: { … }, account: { … } }`. */
export type SharedAnswers = Record<string, Record<string, unknown> | undefined>;

const FIELD_BY_KEY = new Map(SHARED_ANSWER_FIELDS.map((f) => [f.key, f]));

export function sharedAnswerField(key: string): SharedAnswerField | undefined {
  return FIELD_BY_KEY.get(key);
}

/**
 * The form of the shared part, with only the answers some procedure of the
 * bundle takes (`keys`), in the order of SHARED_ANSWER_FIELDS. Nothing is
 * required here: each procedure's own form says what it needs.
 */
export function sharedAnswersSchema(keys: Iterable<string>, language: 'ja' | 'en' = 'ja'): JsonSchema {
  const wanted = new Set(keys);
  const properties: Record<string, JsonSchema> = {};
  for (const group of SHARED_ANSWER_GROUPS) {
    const fields = SHARED_ANSWER_FIELDS.filter((f) => f.key.startsWith(`${group.id}.`) && wanted.has(f.key));
    if (fields.length === 0) continue;
    properties[group.id] = {
      type: 'object',
      title: language === 'en' ? group.titleEn : group.title,
      properties: Object.fromEntries(fields.map((f) => [f.key.slice(group.id.length + 1), { title: language === 'en' ? f.titleEn : f.title, $ref: `#/definitions/${f.definition}` }])),
    };
  }
  const definitions = Object.fromEntries([...new Set(SHARED_ANSWER_FIELDS.filter((f) => wanted.has(f.key)).map((f) => f.definition))].map((d) => [d, COMMON_DEFINITIONS[d]!]));
  return { type: 'object', properties, definitions };
}

function splitPointer(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function sharedValue(shared: SharedAnswers | undefined, key: string): unknown {
  const [group, name] = key.split('.') as [string, string];
  return shared?.[group]?.[name];
}

function readPointer(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** A copy of `data` with the value at `pointer` replaced, creating the objects and array items on the way. */
function writePointer(data: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const segments = splitPointer(pointer);
  const write = (node: unknown, i: number): unknown => {
    const segment = segments[i]!;
    const isIndex = /^\d+$/.test(segment);
    const container: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : node && typeof node === 'object' ? { ...(node as object) } : isIndex ? [] : {};
    const child = i === segments.length - 1 ? value : write((container as Record<string, unknown>)[segment], i + 1);
    (container as Record<string, unknown>)[segment] = child;
    return container;
  };
  return write(data, 0) as Record<string, unknown>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Fills one procedure's answers from the shared part, value by value (a name's
 * 氏 and 名 each on their own). A value takes the shared answer when it is
 * empty, still holds what the shared part gave it before (`previous`), or
 * still holds the form's default (`defaults`, e.g. 公金受取口座: いいえ); a
 * value the resident changed by hand keeps what they typed.
 */
export function applySharedAnswers(
  data: Record<string, unknown>,
  mapping: SharedAnswerMapping,
  shared: SharedAnswers,
  previous?: SharedAnswers,
  defaults?: Record<string, unknown>,
): Record<string, unknown> {
  let out = data;
  const fill = (pointer: string, value: unknown, before: unknown) => {
    if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) fill(`${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, v, isPlainObject(before) ? before[k] : undefined);
      return;
    }
    const current = readPointer(out, pointer);
    const untouched = current === undefined || current === '' || sameValue(current, before) || (defaults !== undefined && sameValue(current, readPointer(defaults, pointer)));
    if (untouched && !sameValue(current, value)) out = writePointer(out, pointer, value);
  };
  for (const [key, pointer] of Object.entries(mapping)) {
    const value = sharedValue(shared, key);
    if (value !== undefined) fill(pointer, value, sharedValue(previous, key));
  }
  return out;
}

/** A schema node with its `$ref` into `root.definitions` replaced by the definition (the node's own keywords kept). */
function withoutRef(node: JsonSchema, root: JsonSchema): JsonSchema | undefined {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return node;
  const target = (root.definitions as Record<string, JsonSchema> | undefined)?.[ref.slice('#/definitions/'.length)];
  const { $ref: _ref, ...own } = node;
  return target ? withoutRef({ ...target, ...own }, root) : undefined;
}

/** The schema node a pointer into the answers names (through properties, conditional branches, array items and `$ref`s), if any. */
export function schemaAtPointer(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  const childOf = (node: JsonSchema, segment: string): JsonSchema | undefined => {
    if (/^\d+$/.test(segment) && node.items && typeof node.items === 'object' && !Array.isArray(node.items)) return withoutRef(node.items as JsonSchema, schema);
    const own = (node.properties as Record<string, JsonSchema> | undefined)?.[segment];
    if (own) return withoutRef(own, schema);
    for (const part of (node.allOf as JsonSchema[] | undefined) ?? []) {
      const branch = part.then ? withoutRef(part.then as JsonSchema, schema) : undefined;
      const found = branch && childOf(branch, segment);
      if (found) return found;
    }
    return undefined;
  };
  let node: JsonSchema | undefined = withoutRef(schema, schema);
  for (const segment of splitPointer(pointer)) {
    if (!node) return undefined;
    node = childOf(node, segment);
  }
  return node;
}

const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', '$comment']);

/** What a schema accepts, without its annotations (titles, help, x-* keywords), `$ref`s resolved. */
function acceptedShape(node: unknown, root: JsonSchema): unknown {
  if (Array.isArray(node)) return node.map((n) => acceptedShape(n, root));
  if (!node || typeof node !== 'object') return node;
  const resolved = withoutRef(node as JsonSchema, root) ?? node;
  return Object.fromEntries(
    Object.entries(resolved)
      .filter(([k]) => !ANNOTATIONS.has(k) && !k.startsWith('x-') && k !== 'definitions' && k !== '$ref')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, acceptedShape(v, root)]),
  );
}

/**
 * Why a mapping does not fit a procedure's schema: an unknown shared answer,
 * a pointer to no field, or a field that would not accept the shared answer
 * exactly as the shared part's definition allows it.
 */
export function sharedMappingProblems(mapping: SharedAnswerMapping, schema: JsonSchema): string[] {
  const problems: string[] = [];
  const definitionsRoot: JsonSchema = { definitions: COMMON_DEFINITIONS };
  for (const [key, pointer] of Object.entries(mapping)) {
    const field = FIELD_BY_KEY.get(key);
    if (!field) {
      problems.push(`${key}: not a shared answer`);
      continue;
    }
    const target = schemaAtPointer(schema, pointer);
    if (!target) {
      problems.push(`${key}: ${pointer} is not a field of the form`);
      continue;
    }
    const expected = acceptedShape(COMMON_DEFINITIONS[field.definition], definitionsRoot);
    if (!sameValue(acceptedShape(target, schema), expected)) problems.push(`${key}: ${pointer} does not accept a ${field.definition} as the shared part gives it`);
  }
  return problems;
}
