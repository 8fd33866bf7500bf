/**
 * Walks schema and answers the way the form shows them (conditions resolved
 * with RJSF's own `retrieveSchema`), for the check-your-answers page and for
 * the data that is sent: what the resident saw is exactly what is submitted.
 */
import { orderProperties, type RJSFSchema, type SchemaUtilsType, type UiSchema } from '@rjsf/utils';
import type { Language } from '../../common/i18n/LanguageContext';
import { translate } from '../../common/i18n/LanguageContext';
import { maskMyNumber } from '../../common/myNumber';
import { formatBothCalendars, formatDateEnglish, parseIsoDate } from '../../common/wareki';
import { CALC_KEYWORD, formatAmount, isCalculated, pruneHiddenAnswers, type JsonSchema } from '@madoguchi/shared';
import { isAddressSchema, isPersonNameSchema } from '../form/schemaKinds';
import { browserValidator } from '../form/evalFree/browserValidator';

export type ReviewRow =
  | { kind: 'value'; label: string; value: string; pointer: string; multiline: boolean; /** Computed (x-calc): nothing to change. */ calculated?: true }
  | { kind: 'group'; label: string; pointer: string; rows: ReviewRow[] };

type Data = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const DATE_FORMATS = new Set(['date', 'past-date', 'future-date']);

interface Walk {
  utils: SchemaUtilsType;
  language: Language;
}

function orderedNames(schema: RJSFSchema, ui: UiSchema | undefined): string[] {
  const names = Object.keys(schema.properties ?? {});
  try {
    return orderProperties(names, ui?.['ui:order'] as string[] | undefined);
  } catch {
    return names; // an order that does not fit this branch: keep the schema's order
  }
}

/** A value as the resident should read it: はい/いいえ, 和暦 with 西暦, 個人番号 masked. */
export function formatAnswer(schema: RJSFSchema, value: unknown, language: Language): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('review.empty');
  if (typeof value === 'boolean') {
    if (schema.const === true) return value ? t('review.agreed') : t('review.notAgreed');
    return value ? t('review.yes') : t('review.no');
  }
  if (Array.isArray(value)) return value.map((v) => formatAnswer((schema.items as RJSFSchema) ?? {}, v, language)).join(language === 'en' ? ', ' : '、');
  // Calculated amounts read in yen or their unit (calc/formatAmount.ts); other numbers as before.
  if (typeof value === 'number') return isCalculated(schema as JsonSchema) ? formatAmount(schema as JsonSchema, value, language) : value.toLocaleString(language === 'en' ? 'en-US' : 'ja-JP');
  const text = String(value);
  if (schema.format === 'my-number') return maskMyNumber(text);
  if (typeof schema.format === 'string' && DATE_FORMATS.has(schema.format) && parseIsoDate(text)) {
    return language === 'en' ? formatDateEnglish(text) : formatBothCalendars(text);
  }
  const titled = (schema.oneOf as RJSFSchema[] | undefined)?.find((o) => o.const === value && typeof o.title === 'string');
  return titled ? String(titled.title) : text;
}

function rowsOfObject(w: Walk, schema: RJSFSchema, ui: UiSchema | undefined, data: unknown, pointer: string): ReviewRow[] {
  const resolved = w.utils.retrieveSchema(schema, isPlainObject(data) ? data : {});
  const values = isPlainObject(data) ? data : {};
  return orderedNames(resolved, ui).flatMap((name) => {
    const subUi = (ui?.[name] ?? {}) as UiSchema;
    if (subUi['ui:widget'] === 'hidden') return [];
    return rowsOfValue(w, resolved.properties![name] as RJSFSchema, subUi, values[name], `${pointer}/${name}`, name);
  });
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** 氏名 and 住所 read as one line each, the way paper forms and letters write them. */
function compactBlock(resolved: RJSFSchema, value: unknown, language: Language): string | undefined {
  const v = isPlainObject(value) ? value : {};
  let line: string | undefined;
  if (isPersonNameSchema(resolved) && Object.keys(resolved.properties ?? {}).every((k) => /^(family|given)Name(Kana)?$/.test(k))) {
    const name = [text(v.familyName), text(v.givenName)].filter(Boolean).join(' ');
    const kana = [text(v.familyNameKana), text(v.givenNameKana)].filter(Boolean).join(' ');
    line = kana ? `${name}（${kana}）` : name;
  } else if (isAddressSchema(resolved)) {
    const postal = text(v.postalCode) ? `〒${text(v.postalCode)} ` : '';
    line = `${postal}${text(v.prefecture)}${text(v.city)}${text(v.street)}${text(v.building) ? ` ${text(v.building)}` : ''}`;
  } else {
    return undefined;
  }
  return line.trim() === '' ? translate(language, 'review.empty') : line.trim();
}

function rowsOfValue(w: Walk, schema: RJSFSchema, ui: UiSchema, value: unknown, pointer: string, name: string): ReviewRow[] {
  const resolved = w.utils.retrieveSchema(schema, value);
  const label = String(ui['ui:title'] ?? resolved.title ?? name);
  const compact = compactBlock(resolved, value, w.language);
  if (compact !== undefined) return [{ kind: 'value', label, value: compact, pointer, multiline: false }];
  if (resolved.type === 'object' || resolved.properties) return [{ kind: 'group', label, pointer, rows: rowsOfObject(w, resolved, ui, value, pointer) }];
  const items = resolved.items as RJSFSchema | undefined;
  if (resolved.type === 'array' && items && !Array.isArray(items) && !w.utils.isMultiSelect(resolved)) {
    const entries = Array.isArray(value) ? value : [];
    if (entries.length === 0) return [{ kind: 'value', label, value: translate(w.language, 'review.empty'), pointer, multiline: false }];
    const itemUi = (ui.items ?? {}) as UiSchema;
    return [
      {
        kind: 'group',
        label,
        pointer,
        rows: entries.map((entry, i) => ({ kind: 'group' as const, label: `${label} ${i + 1}`, pointer: `${pointer}/${i}`, rows: rowsOfObject(w, items, itemUi, entry, `${pointer}/${i}`) })),
      },
    ];
  }
  const calculated = typeof (resolved as Record<string, unknown>)[CALC_KEYWORD] === 'string';
  return [{ kind: 'value', label, value: formatAnswer(resolved, value, w.language), pointer, multiline: ui['ui:widget'] === 'textarea', ...(calculated ? { calculated: true as const } : {}) }];
}

/** Review rows for the given top-level fields (one step), in the form's order. */
export function reviewRows(utils: SchemaUtilsType, uiSchema: UiSchema, data: unknown, fields: readonly string[], language: Language): ReviewRow[] {
  const root = utils.getRootSchema();
  const rows = rowsOfObject({ utils, language }, root, uiSchema, data, '');
  return rows.filter((row) => fields.includes(row.pointer.split('/')[1] ?? ''));
}

/**
 * Keeps only the answers of questions that are currently shown: a branch the
 * resident switched away from (e.g. a proxy's name after choosing 本人) is not sent.
 */
export function pruneToShown(utils: SchemaUtilsType, schema: RJSFSchema, value: unknown): unknown {
  const resolved = utils.retrieveSchema(schema, value);
  if (isPlainObject(value) && resolved.properties && resolved.additionalProperties === undefined) {
    const out: Data = {};
    for (const [name, sub] of Object.entries(resolved.properties)) {
      if (value[name] !== undefined) out[name] = pruneToShown(utils, sub as RJSFSchema, value[name]);
    }
    return out;
  }
  const items = resolved.items as RJSFSchema | undefined;
  if (Array.isArray(value) && items && !Array.isArray(items) && typeof items === 'object') return value.map((v) => pruneToShown(utils, items, v));
  return value;
}

/**
 * The answers without those of hidden fields, judged by the browser's
 * validator with the same shared function the server applies at intake, so
 * what is signed and sent is exactly what the server keeps.
 */
export function withoutHidden(schema: RJSFSchema, value: unknown): unknown {
  return pruneHiddenAnswers(schema as JsonSchema, value, (ifSchema, data, root) => browserValidator.isValid(ifSchema, data, root));
}
