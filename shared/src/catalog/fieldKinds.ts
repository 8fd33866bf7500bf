/**
 * The builder's field types: their Japanese names, the JSON Schema and
 * uiSchema each one produces (using the shared blocks for 氏名・住所・口座), how
 * an existing schema node is recognised as one of them, and the validation
 * rules each type accepts.
 */
import type { JsonSchema, UiSchema } from '../form/jsonSchema';
import type { FieldKind, NewField, ValidationRules } from './types';
import { CALC_KEYWORD } from '../calc/keywords';

/** Japanese name of each field type, as the builder's palette shows it. */
export const FIELD_KIND_LABELS: Record<FieldKind, string> = {
  text: '短い文章（1行）',
  textarea: '長い文章（複数行）',
  number: '数値',
  date: '日付（和暦で入力）',
  yesNo: 'はい／いいえ',
  choice: '選択肢から1つ',
  multiChoice: '選択肢から複数',
  personName: '氏名（フリガナ付き）',
  address: '住所（郵便番号から入力）',
  phone: '電話番号',
  email: 'メールアドレス',
  myNumber: '個人番号（マイナンバー）',
  bankAccount: '振込先口座',
  consent: '同意のチェック',
  section: 'セクション（見出し付きのまとまり）',
  group: '繰り返しグループ（複数件の入力）',
  calc: '計算（自動計算）',
};

/** Kinds whose fields hold other fields. */
export const CONTAINER_KINDS: readonly FieldKind[] = ['section', 'group'];
/** Kinds with a list of options. */
export const OPTION_KINDS: readonly FieldKind[] = ['choice', 'multiChoice'];

const REF_KINDS: Record<string, FieldKind> = {
  personName: 'personName',
  address: 'address',
  bankAccount: 'bankAccount',
  phone: 'phone',
  email: 'email',
  myNumber: 'myNumber',
  date: 'date',
  pastDate: 'date',
  futureDate: 'date',
  consent: 'consent',
  sex: 'choice',
  yen: 'number',
  insuredNumber: 'text',
  lgCode: 'text',
};

const DATE_FORMATS: Record<string, ValidationRules['dateRule']> = { date: 'any', 'past-date': 'past', 'future-date': 'future' };

/** Recognises a schema node as one of the builder's kinds; `custom` for anything else (edited as text only). */
export function classifyField(node: JsonSchema, ui: UiSchema | undefined): FieldKind | 'custom' {
  if (typeof node[CALC_KEYWORD] === 'string') return 'calc';
  if (typeof node.$ref === 'string') return REF_KINDS[node.$ref.replace('#/definitions/', '')] ?? 'custom';
  if (node.type === 'object') return 'section';
  if (node.type === 'array') {
    const items = (node.items ?? {}) as JsonSchema;
    if (items.type === 'object' && !items.$ref) return 'group';
    return Array.isArray(items.enum) ? 'multiChoice' : 'custom';
  }
  if (node.type === 'boolean') return node.const === true ? 'consent' : 'yesNo';
  if (node.type === 'integer' || node.type === 'number') return 'number';
  if (node.type === 'string') {
    if (Array.isArray(node.enum)) return 'choice';
    if (typeof node.format === 'string' && node.format in DATE_FORMATS) return 'date';
    if (node.format === 'my-number') return 'myNumber';
    if (node.format === 'jp-phone') return 'phone';
    if (node.format === 'email') return 'email';
    return ui?.['ui:widget'] === 'textarea' ? 'textarea' : 'text';
  }
  return 'custom';
}

/** The options of a choice or multi-choice node. */
export function optionsOf(node: JsonSchema, definitions?: Record<string, JsonSchema>): string[] | undefined {
  const resolved = typeof node.$ref === 'string' ? (definitions?.[node.$ref.replace('#/definitions/', '')] ?? node) : node;
  const list = resolved.type === 'array' ? resolved.items?.enum : resolved.enum;
  return Array.isArray(list) ? list.map(String) : undefined;
}

/** The schema and uiSchema of a new field. */
export function buildField(field: NewField): { schema: JsonSchema; ui: UiSchema } {
  const title = field.label;
  const options = field.options?.length ? field.options : ['選択肢1', '選択肢2'];
  const ui: UiSchema = field.help ? { 'ui:help': field.help } : {};
  let schema: JsonSchema;
  switch (field.kind) {
    case 'text':
      schema = { type: 'string', title, maxLength: 100 };
      break;
    case 'textarea':
      schema = { type: 'string', title, maxLength: 2000 };
      ui['ui:widget'] = 'textarea';
      break;
    case 'number':
      schema = { type: 'integer', title, minimum: 0 };
      break;
    case 'date':
      schema = { type: 'string', title, format: 'date' };
      break;
    case 'yesNo':
      schema = { type: 'boolean', title };
      ui['ui:widget'] = 'radio';
      break;
    case 'choice':
      schema = { type: 'string', title, enum: options };
      ui['ui:widget'] = options.length > 6 ? 'select' : 'radio';
      break;
    case 'multiChoice':
      schema = { type: 'array', title, uniqueItems: true, items: { type: 'string', enum: options } };
      ui['ui:widget'] = 'checkboxes';
      break;
    case 'personName':
      schema = { $ref: '#/definitions/personName', title };
      break;
    case 'address':
      schema = { $ref: '#/definitions/address', title };
      break;
    case 'phone':
      schema = { type: 'string', title, format: 'jp-phone' };
      break;
    case 'email':
      schema = { type: 'string', title, format: 'email', maxLength: 254 };
      break;
    case 'myNumber':
      schema = { type: 'string', title, format: 'my-number' };
      break;
    // An account number is sensitive from the start; the builder may clear the mark.
    case 'bankAccount':
      schema = { $ref: '#/definitions/bankAccount', title, 'x-sensitive': true };
      break;
    case 'consent':
      schema = { type: 'boolean', title, const: true };
      break;
    case 'section':
      schema = { type: 'object', title, properties: {} };
      break;
    case 'group':
      schema = { type: 'array', title, minItems: 1, maxItems: 10, items: { type: 'object', title: field.itemLabel || title, properties: {} } };
      break;
    // Computed, never typed: read-only, and the server stores its own value (calc/formCalc.ts).
    case 'calc':
      schema = { type: 'integer', title, readOnly: true, [CALC_KEYWORD]: field.expression?.trim() || '0' };
      break;
  }
  if (field.rules) applyRules(schema, field.kind, field.rules);
  return { schema, ui };
}

const CHARSET_FORMATS = new Set(['katakana', 'hiragana']);
const CHARSET_PATTERNS: Record<string, string> = { digits: '^[0-9]+$', alphanumeric: '^[A-Za-z0-9]+$' };

function setOrDelete(node: JsonSchema, key: string, value: number | null | undefined): void {
  if (value === undefined) return;
  if (value === null || Number.isNaN(value)) delete node[key];
  else node[key] = value;
}

/** Rules that apply to a kind (the builder shows only these). */
export function rulesFor(kind: FieldKind | 'custom'): Array<keyof ValidationRules> {
  switch (kind) {
    case 'text':
    case 'textarea':
      return ['minLength', 'maxLength', 'charset'];
    case 'number':
      return ['minimum', 'maximum'];
    case 'date':
      return ['dateRule'];
    case 'multiChoice':
    case 'group':
      return ['minItems', 'maxItems'];
    default:
      return [];
  }
}

/** Writes rules into a node (in place); a null rule removes it. Rules that do not fit the kind are ignored. */
export function applyRules(node: JsonSchema, kind: FieldKind | 'custom', rules: ValidationRules): void {
  const allowed = rulesFor(kind);
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const) {
    if (allowed.includes(key)) setOrDelete(node, key, rules[key]);
  }
  if (allowed.includes('charset') && rules.charset !== undefined) {
    if (CHARSET_FORMATS.has(node.format)) delete node.format;
    delete node.pattern;
    const charset = rules.charset ?? 'any';
    if (CHARSET_FORMATS.has(charset)) node.format = charset;
    else if (CHARSET_PATTERNS[charset]) node.pattern = CHARSET_PATTERNS[charset];
  }
  if (allowed.includes('dateRule') && rules.dateRule !== undefined && !node.$ref) {
    node.format = rules.dateRule === 'past' ? 'past-date' : rules.dateRule === 'future' ? 'future-date' : 'date';
  }
}

/** The rules a node has now, as the builder shows them. */
export function readRules(node: JsonSchema, kind: FieldKind | 'custom'): ValidationRules {
  const rules: ValidationRules = {};
  for (const key of rulesFor(kind)) {
    if (key === 'charset') {
      rules.charset = CHARSET_FORMATS.has(node.format)
        ? (node.format as 'katakana' | 'hiragana')
        : node.pattern === CHARSET_PATTERNS.digits
          ? 'digits'
          : node.pattern === CHARSET_PATTERNS.alphanumeric
            ? 'alphanumeric'
            : 'any';
    } else if (key === 'dateRule') {
      const ref = typeof node.$ref === 'string' ? node.$ref.replace('#/definitions/', '') : '';
      rules.dateRule = ref === 'pastDate' ? 'past' : ref === 'futureDate' ? 'future' : (DATE_FORMATS[node.format as string] ?? 'any');
    } else if (typeof node[key] === 'number') rules[key] = node[key] as number;
  }
  return rules;
}
