/**
 * Export and import of a procedure as one JSON file. Import accepts our own
 * export, a preset file (`{procedure, form: {schema, uiSchema}}`), a plain
 * `{schema, uiSchema}` pair or a bare JSON Schema made with another tool;
 * whatever metadata is missing gets defaults staff then fill in the builder.
 */
import type { JsonSchema, UiSchema } from '../form/jsonSchema';
import { inlineCommonDefinitions } from '../form/commonDefinitions';
import type { Procedure } from '../form/types';
import type { FormDocument } from './types';
import { invalidEdit } from './editRefused';
import { normalizeImportedSchema } from './importNormalize';

/** `format` of an exported procedure file. */
export const EXPORT_FORMAT = 'madoguchi-procedure';

/** The file a procedure is exported as. */
export interface ProcedureExport {
  format: typeof EXPORT_FORMAT;
  formatVersion: 1;
  exportedAt: string;
  procedure: Procedure;
  schema: JsonSchema;
  uiSchema: UiSchema;
}

/** A document as an export file. */
export function exportDocument(doc: FormDocument, now: Date): ProcedureExport {
  return { format: EXPORT_FORMAT, formatVersion: 1, exportedAt: now.toISOString(), procedure: doc.procedure, schema: doc.schema, uiSchema: doc.uiSchema };
}

/** Metadata of a new procedure, for staff to complete in the builder. */
export function defaultProcedure(owner: string, id: string, title: string): Procedure {
  return {
    id, owner, title,
    description: `${title}の申請です。`,
    category: 'other', lifeEvents: ['other'], keywords: [], legalBasis: [], applicantRole: 'any',
    eligibility: 'この市区町村にお住まいの方など、手続の対象となる方',
    prepare: [], contactDesk: { name: '担当課' }, signaturePolicy: 'none', attachments: [],
  };
}

const PROCEDURE_KEYS: Array<keyof Procedure> = [
  'title', 'titleEn', 'description', 'descriptionEn', 'category', 'lifeEvents', 'keywords', 'legalBasis', 'applicantRole',
  'eligibility', 'prepare', 'deadline', 'contactDesk', 'signaturePolicy', 'attachments',
];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export interface ImportResult {
  document: FormDocument;
  /** What was adjusted on the way in, in Japanese. */
  notes: string[];
}

/** Reads an uploaded file as a new procedure of `owner` with id `id`. */
export function importDocument(input: unknown, owner: string, id: string, title?: string): ImportResult {
  if (!isObject(input)) invalidEdit('JSON のオブジェクトではありません。');
  let schema: unknown;
  let uiSchema: unknown;
  let procedure: Record<string, unknown> = {};
  if (input.format === EXPORT_FORMAT || (isObject(input.schema) && !isObject(input.form))) {
    schema = input.schema;
    uiSchema = input.uiSchema;
    if (isObject(input.procedure)) procedure = input.procedure;
  } else if (isObject(input.form)) {
    schema = input.form.schema;
    uiSchema = input.form.uiSchema;
    if (isObject(input.procedure)) procedure = input.procedure;
  } else if (input.type === 'object' || isObject(input.properties) || Array.isArray(input.allOf) || Array.isArray(input.oneOf) || Array.isArray(input.anyOf)) schema = input;
  if (!isObject(schema)) invalidEdit('JSON Schema（"type": "object" と "properties" を持つもの）が見つかりません。');
  // Labels from keys, a root allOf merged, and everything this builder cannot represent named with its place.
  const normalized = normalizeImportedSchema(schema);
  if (normalized.unsupported.length) {
    invalidEdit(`読み込めない部分があります：${normalized.unsupported.map((u) => `${u.pointer || '/'}：${u.reason}`).join(' ／ ')}`);
  }
  schema = normalized.schema;
  if (!isObject((schema as Record<string, unknown>).properties)) invalidEdit('JSON Schema（"type": "object" と "properties" を持つもの）が見つかりません。');
  const notes: string[] = [];
  if (normalized.labelledFromKeys.length) {
    notes.push(`次の${normalized.labelledFromKeys.length}項目には名前がなかったため、キーを仮の名前にしました。「項目」の一覧で正しい名前に直してください：${normalized.labelledFromKeys.map((l) => `「${l.label}」`).join('、')}`);
  }
  const { $schema, $id: _id, ...rest } = schema as Record<string, unknown>;
  if (typeof $schema === 'string' && !$schema.includes('draft-07')) notes.push(`「$schema」（${$schema}）を取り除き、draft-07 として読み込みました。`);
  const cleanSchema = inlineCommonDefinitions({ type: 'object', ...rest } as JsonSchema);
  const base = defaultProcedure(owner, id, title || (typeof procedure.title === 'string' && procedure.title) || (typeof rest.title === 'string' && rest.title) || '無題の手続');
  const merged: Record<string, unknown> = { ...base };
  for (const key of PROCEDURE_KEYS) if (procedure[key] !== undefined && !(key === 'title' && title)) merged[key] = procedure[key];
  if (Object.keys(procedure).length === 0) notes.push('手続の情報（概要・対象・問い合わせ先など）がないため、仮の内容を入れました。公開前に確認してください。');
  if (!isObject(uiSchema)) {
    if (uiSchema !== undefined) notes.push('uiSchema がオブジェクトでないため、無視しました。');
    uiSchema = {};
  }
  return { document: { procedure: merged as unknown as Procedure, schema: cleanSchema, uiSchema: uiSchema as UiSchema }, notes };
}
