/**
 * Turns ajv errors into messages a resident understands, in Japanese (default)
 * and English, each tied to the field it concerns.
 */
import type { ErrorObject } from 'ajv';
import type { JsonSchema } from '../form/jsonSchema';
import { MESSAGES_KEYWORD } from './dateRules';

export type Language = 'ja' | 'en';

export interface FieldError {
  /** JSON pointer of the field, e.g. `/applicant/name/familyName`. */
  pointer: string;
  /** RJSF-style property path, e.g. `.applicant.name.familyName`. */
  property: string;
  /** The field's label (its schema title), for the error summary. */
  label: string;
  keyword: string;
  message: string;
}

type Params = Record<string, unknown>;
type Template = (label: string, params: Params, schema: JsonSchema) => string;

const FORMAT_MESSAGES: Record<string, { ja: string; en: string }> = {
  'my-number': {
    ja: '個人番号が正しくありません。12桁の数字を確認してください（検査用数字が一致しません）。',
    en: 'This My Number is not valid. Check the 12 digits (the check digit does not match).',
  },
  'insured-number': { ja: '被保険者番号は10桁の数字で入力してください。', en: 'Enter the insured person number as 10 digits.' },
  'lg-code': { ja: '全国地方公共団体コードが正しくありません（6桁・検査数字付き）。', en: 'This local government code is not valid (6 digits with check digit).' },
  'postal-code': { ja: '郵便番号は7桁の数字で入力してください（例：310-8610）。', en: 'Enter the postal code as 7 digits (e.g. 310-8610).' },
  'jp-phone': { ja: '電話番号は0から始まる10桁または11桁の数字で入力してください。', en: 'Enter a phone number of 10 or 11 digits starting with 0.' },
  katakana: { ja: '全角カタカナで入力してください。', en: 'Enter this in katakana.' },
  hiragana: { ja: 'ひらがなで入力してください。', en: 'Enter this in hiragana.' },
  'zengin-kana': { ja: '口座名義はカタカナ・英大文字・数字で入力してください。', en: 'Enter the account holder in katakana, capital letters or digits.' },
  'past-date': { ja: '今日以前の日付を入力してください。', en: 'Enter a date that is today or earlier.' },
  'future-date': { ja: '今日以降の日付を入力してください。', en: 'Enter a date that is today or later.' },
  date: { ja: '日付を正しく入力してください。', en: 'Enter a valid date.' },
  email: { ja: 'メールアドレスの形式が正しくありません。', en: 'Enter a valid email address.' },
};

const TEMPLATES: Record<Language, Record<string, Template>> = {
  ja: {
    required: (l, _p, s) =>
      s.type === 'boolean' && s.const === true
        ? `「${l}」に同意（チェック）してください。`
        : s.type === 'boolean' || s.enum || s.type === 'array'
          ? `「${l}」を選んでください。`
          : `「${l}」を入力してください。`,
    const: (l, _p, s) => (s.const === true ? `「${l}」に同意（チェック）してください。` : `「${l}」の値が正しくありません。`),
    minLength: (l, p) => (p.limit === 1 ? `「${l}」を入力してください。` : `${p.limit}文字以上で入力してください。`),
    maxLength: (_l, p) => `${p.limit}文字以内で入力してください。`,
    minimum: (_l, p) => `${p.limit}以上の数を入力してください。`,
    maximum: (_l, p) => `${p.limit}以下の数を入力してください。`,
    exclusiveMinimum: (_l, p) => `${p.limit}より大きい数を入力してください。`,
    exclusiveMaximum: (_l, p) => `${p.limit}より小さい数を入力してください。`,
    enum: () => '選択肢の中から選んでください。',
    type: (_l, p) => (p.type === 'integer' || p.type === 'number' ? '数字で入力してください。' : '入力の形式が正しくありません。'),
    pattern: () => '入力の形式が正しくありません。半角数字や桁数を確認してください。',
    minItems: (_l, p) => `${p.limit}件以上入力してください。`,
    maxItems: (_l, p) => `入力できるのは${p.limit}件までです。`,
    uniqueItems: () => '同じ内容が重複しています。',
    additionalProperties: (_l, p) => `この申請にない項目（${String(p.additionalProperty)}）が含まれています。`,
    multipleOf: (_l, p) => `${p.multipleOf}の倍数で入力してください。`,
    'x-fiscal-age': (l, _p, s) => fiscalAgeText('ja', l, s),
    'x-within-days': (l, _p, s) => `「${l}」から${String(s['x-within-days'])}日を過ぎています。`,
  },
  en: {
    required: (l, _p, s) => (s.type === 'boolean' && s.const === true ? `You must agree to "${l}".` : s.type === 'boolean' || s.enum || s.type === 'array' ? `Choose "${l}".` : `Enter "${l}".`),
    const: (l, _p, s) => (s.const === true ? `You must agree to "${l}".` : `"${l}" has an invalid value.`),
    minLength: (l, p) => (p.limit === 1 ? `Enter "${l}".` : `Enter at least ${p.limit} characters.`),
    maxLength: (_l, p) => `Enter no more than ${p.limit} characters.`,
    minimum: (_l, p) => `Enter ${p.limit} or more.`,
    maximum: (_l, p) => `Enter ${p.limit} or less.`,
    exclusiveMinimum: (_l, p) => `Enter more than ${p.limit}.`,
    exclusiveMaximum: (_l, p) => `Enter less than ${p.limit}.`,
    enum: () => 'Choose one of the options.',
    type: (_l, p) => (p.type === 'integer' || p.type === 'number' ? 'Enter a number.' : 'This value has the wrong form.'),
    pattern: () => 'This value has the wrong form. Check the digits.',
    minItems: (_l, p) => `Add at least ${p.limit}.`,
    maxItems: (_l, p) => `You can add up to ${p.limit}.`,
    uniqueItems: () => 'The same entry appears twice.',
    additionalProperties: (_l, p) => `This application has no field "${String(p.additionalProperty)}".`,
    multipleOf: (_l, p) => `Enter a multiple of ${p.multipleOf}.`,
    'x-fiscal-age': (l, _p, s) => fiscalAgeText('en', l, s),
    'x-within-days': (l, _p, s) => `More than ${String(s['x-within-days'])} days have passed since "${l}".`,
  },
};

/** 「n歳に達した日以後の最初の3月31日」 windows (dateRules.ts), said plainly. */
function fiscalAgeText(language: Language, label: string, schema: JsonSchema): string {
  const rule = (schema['x-fiscal-age'] ?? {}) as { min?: number; max?: number };
  const parts: string[] = [];
  if (language === 'ja') {
    if (typeof rule.min === 'number') parts.push(`${rule.min}歳になった後の最初の3月31日を過ぎている`);
    if (typeof rule.max === 'number') parts.push(`${rule.max}歳になった後の最初の3月31日までである`);
    return `「${label}」から見て、対象になる年齢ではありません（${parts.join('こと、')}ことが必要です）。生年月日を確認してください。`;
  }
  if (typeof rule.min === 'number') parts.push(`past the 31 March after turning ${rule.min}`);
  if (typeof rule.max === 'number') parts.push(`no later than the 31 March after turning ${rule.max}`);
  return `By "${label}", this person is not in the age range (must be ${parts.join(' and ')}). Check the date of birth.`;
}

/** Keywords that only say "a sub-schema failed"; the sub-schema's own errors say what. */
const STRUCTURAL_KEYWORDS = new Set(['if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', '$ref']);

function resolve(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  if (schema && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/definitions/')) {
    const resolved = root.definitions?.[schema.$ref.slice('#/definitions/'.length)];
    return resolved ? { ...resolved, ...schema, $ref: undefined } : schema;
  }
  return schema;
}

/** Walks the root schema along a data pointer to the field's schema (through $ref, items and then-branches). */
export function schemaAt(root: JsonSchema, pointer: string): JsonSchema | undefined {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const find = (node: JsonSchema | undefined, rest: string[]): JsonSchema | undefined => {
    const here = resolve(node, root);
    if (!here) return undefined;
    if (rest.length === 0) return here;
    const [head, ...tail] = rest;
    const candidates: Array<JsonSchema | undefined> = [];
    if (here.properties?.[head!]) candidates.push(here.properties[head!]);
    if (here.items && /^[0-9]+$/.test(head!)) candidates.push(Array.isArray(here.items) ? here.items[Number(head)] : here.items);
    for (const branch of [...(here.allOf ?? []), ...(here.oneOf ?? []), ...(here.anyOf ?? [])]) {
      const r = resolve(branch, root);
      if (r?.then) candidates.push(find(r.then, [head!]));
      if (r?.else) candidates.push(find(r.else, [head!]));
      if (r?.properties?.[head!]) candidates.push(r.properties[head!]);
    }
    if (here.then) candidates.push(find(here.then, [head!]));
    for (const c of candidates) {
      const r = find(c, tail);
      if (r) return r;
    }
    return undefined;
  };
  return find(root, segments);
}

/** The field's label (its schema title) at a data pointer. */
export function labelAt(root: JsonSchema, pointer: string): string | undefined {
  const found = schemaAt(root, pointer);
  return typeof found?.title === 'string' ? found.title : undefined;
}

export function pointerToProperty(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`)
    .join('');
}

const DATE_FORMATS = new Set(['date', 'past-date', 'future-date']);
const DATE_PARTS = { ja: ['年', '月', '日'], en: ['year', 'month', 'day'] } as const;

/**
 * The date widget keeps an unfinished date as `2026-11-` (nothing typed is lost);
 * such a value is not "a date in the past" but a date with a part missing: say which.
 */
function incompleteDateMessage(value: unknown, language: Language): string | undefined {
  const m = typeof value === 'string' ? /^([0-9]{4})?-([0-9]{1,2})?-([0-9]{1,2})?$/.exec(value) : null;
  if (!m) return undefined;
  const missing = [1, 2, 3].filter((i) => !m[i]).map((i) => DATE_PARTS[language][i - 1]!);
  if (missing.length === 0) return undefined;
  return language === 'ja' ? `日付の${missing.join('・')}を入力してください。` : `Enter the ${missing.join(' and ')} of the date.`;
}

/** The value at a JSON pointer of `data`. */
function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * Converts ajv errors to field errors in one language, skipping structural noise and duplicates.
 * `data` (the answers validated) lets a message name what is missing, e.g. the day of a date.
 */
export function localizeErrors(errors: ErrorObject[] | null | undefined, root: JsonSchema, language: Language = 'ja', data?: unknown): FieldError[] {
  const result: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    if (STRUCTURAL_KEYWORDS.has(error.keyword)) continue;
    let pointer = error.instancePath;
    if (error.keyword === 'required')
      pointer += `/${String((error.params as Params).missingProperty)
        .replace(/~/g, '~0')
        .replace(/\//g, '~1')}`;
    const key = `${pointer}|${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fallbackLabel = language === 'ja' ? 'この項目' : 'this field';
    const fieldSchema = schemaAt(root, pointer);
    const label = (typeof fieldSchema?.title === 'string' ? fieldSchema.title : undefined) ?? fallbackLabel;
    const schema = (error.keyword === 'required' ? fieldSchema : (error.parentSchema as JsonSchema)) ?? {};
    let message: string;
    const own = (schema[MESSAGES_KEYWORD] as Record<string, Record<Language, string>> | undefined)?.[error.keyword]?.[language];
    if (own) {
      message = own;
    } else if (error.keyword === 'format') {
      const format = String((error.params as Params).format);
      const incomplete = DATE_FORMATS.has(format) ? incompleteDateMessage(valueAt(data, pointer), language) : undefined;
      message = incomplete ?? FORMAT_MESSAGES[format]?.[language] ?? TEMPLATES[language].pattern!(label, {}, schema);
    } else {
      const template = TEMPLATES[language][error.keyword];
      message = template ? template(label, error.params as Params, schema) : language === 'ja' ? '入力内容を確認してください。' : 'Check this value.';
    }
    result.push({ pointer, property: pointerToProperty(pointer), label, keyword: error.keyword, message });
  }
  return result;
}

/** RJSF's `extraErrors` / errorSchema shape: `{ applicant: { name: { __errors: ['…'] } } }`. */
export interface ErrorSchema {
  __errors?: string[];
  [key: string]: ErrorSchema | string[] | undefined;
}

export function toErrorSchema(errors: FieldError[]): ErrorSchema {
  const root: ErrorSchema = {};
  for (const error of errors) {
    let node = root;
    for (const segment of error.pointer.split('/').slice(1)) {
      node = (node[segment] as ErrorSchema | undefined) ?? (node[segment] = {});
    }
    (node.__errors ??= []).push(error.message);
  }
  return root;
}
