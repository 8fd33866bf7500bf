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
import { normalizeImportedSchema, type ImportUnsupported } from './importSchema';

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
    id,
    owner,
    title,
    description: `${title}の申請です。`,
    category: 'other',
    lifeEvents: ['other'],
    keywords: [],
    legalBasis: [],
    applicantRole: 'any',
    eligibility: 'この市区町村にお住まいの方など、手続の対象となる方',
    prepare: [],
    contactDesk: { name: '担当課' },
    signaturePolicy: 'none',
    attachments: [],
  };
}

const PROCEDURE_KEYS: Array<keyof Procedure> = [
  'title',
  'titleEn',
  'description',
  'descriptionEn',
  'category',
  'lifeEvents',
  'keywords',
  'legalBasis',
  'applicantRole',
  'eligibility',
  'prepare',
  'deadline',
  'contactDesk',
  'signaturePolicy',
  'attachments',
];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export interface ImportResult {
  document: FormDocument;
  /** What was adjusted on the way in, in Japanese. */
  notes: string[];
  /** Constructs of the file the form cannot express: where (JSON pointer) and what was done, ja/en. */
  unsupported: ImportUnsupported[];
  /** Pointers of fields that had no title: labelled from their key, for the clerk to name. */
  autoLabelled: string[];
}

const looksLikeSchema = (v: Record<string, unknown>) => typeof v.type === 'string' || isObject(v.properties) || Array.isArray(v.allOf) || Array.isArray(v.anyOf) || Array.isArray(v.oneOf);

/** Reads an uploaded file as a new procedure of `owner` with id `id`. */
export function importDocument(input: unknown, owner: string, id: string, title?: string): ImportResult {
  if (!isObject(input)) invalidEdit('JSON のオブジェクトではありません。');
  let schema: unknown;
  let uiSchema: unknown;
  let procedure: Record<string, unknown> = {};
  // Our own export and preset files are already in the builder's shape: taken as they are.
  const ours = input.format === EXPORT_FORMAT || isObject(input.form);
  if (input.format === EXPORT_FORMAT || (isObject(input.schema) && !isObject(input.form))) {
    schema = input.schema;
    uiSchema = input.uiSchema;
    if (isObject(input.procedure)) procedure = input.procedure;
  } else if (isObject(input.form)) {
    schema = input.form.schema;
    uiSchema = input.form.uiSchema;
    if (isObject(input.procedure)) procedure = input.procedure;
  } else if (looksLikeSchema(input)) schema = input;
  if (!isObject(schema) || !looksLikeSchema(schema)) invalidEdit('JSON Schema（"type": "object" と "properties" を持つもの）が見つかりません。');
  const notes: string[] = [];
  const { $schema, $id: _id, ...rest } = schema as Record<string, unknown>;
  if (typeof $schema === 'string' && !$schema.includes('draft-07')) notes.push(`「$schema」（${$schema}）を取り除き、draft-07 として読み込みました。`);
  const cleanUi = isObject(uiSchema) ? (uiSchema as UiSchema) : {};
  const normalized = ours
    ? { schema: { type: 'object', ...rest } as JsonSchema, uiSchema: cleanUi, unsupported: [], autoLabelled: [], attachments: [] }
    : normalizeImportedSchema(rest as JsonSchema, cleanUi);
  if (Object.keys(normalized.schema.properties ?? {}).length === 0) invalidEdit('読み込める項目が1つもありません。');
  const cleanSchema = inlineCommonDefinitions(normalized.schema);
  const base = defaultProcedure(owner, id, title || (typeof procedure.title === 'string' && procedure.title) || (typeof rest.title === 'string' && rest.title) || '無題の手続');
  const merged: Record<string, unknown> = { ...base };
  for (const key of PROCEDURE_KEYS) if (procedure[key] !== undefined && !(key === 'title' && title)) merged[key] = procedure[key];
  if (normalized.attachments.length) {
    const ids = new Set(((merged.attachments ?? []) as Array<{ id: string }>).map((a) => a.id));
    merged.attachments = [...((merged.attachments ?? []) as unknown[]), ...normalized.attachments.filter((a) => !ids.has(a.id))];
  }
  if (Object.keys(procedure).length === 0) notes.push('手続の情報（概要・対象・問い合わせ先など）がないため、仮の内容を入れました。公開前に確認してください。');
  if (!isObject(uiSchema) && uiSchema !== undefined) notes.push('uiSchema がオブジェクトでないため、無視しました。');
  if (normalized.autoLabelled.length) notes.push(`項目名のない${normalized.autoLabelled.length}項目に、キーから仮の項目名を付けました。「名前を付ける」でまとめて直せます。`);
  for (const u of normalized.unsupported) notes.push(`${u.pointer || '/'}：${u.ja}`);
  return {
    document: { procedure: merged as unknown as Procedure, schema: cleanSchema, uiSchema: normalized.uiSchema },
    notes,
    unsupported: normalized.unsupported,
    autoLabelled: normalized.autoLabelled,
  };
}
