/**
 * Flattens a submission into labelled lines — "氏（姓）: 水戸" — in the order of
 * the form, for the review page, the PDF copy and the staff view. Pure: the
 * same code runs in the browser and on the server.
 */
import type { JsonSchema } from './jsonSchema';
import { formatWareki } from './wareki';
import { isSensitiveNode, maskSensitive } from './sensitive';
import { resolveSchemaRef, schemaProperties } from './schemaWalk';
import { formatAmount, isCalculated } from '../calc/formatAmount';

export interface AnswerLine {
  /** JSON pointer of the answer. */
  pointer: string;
  label: string;
  /** Display text; empty for a group heading. */
  value: string;
  /** Nesting depth (0 = top level). */
  depth: number;
  isGroup: boolean;
  /** The answer is sensitive (see sensitive.ts): `value` is masked unless `revealSensitive` was asked for. */
  sensitive?: boolean;
}

export interface AnswerListOptions {
  /**
   * Show sensitive answers (個人番号, `x-sensitive` fields) in clear instead of
   * masked: only for readers entitled to them (a back-office system, the
   * applicant, staff after an audited reveal).
   */
  revealSensitive?: boolean;
  language?: 'ja' | 'en';
}

function display(value: unknown, schema: JsonSchema, options: AnswerListOptions): string {
  const en = options.language === 'en';
  if (typeof value === 'boolean') return value ? (en ? 'Yes' : 'はい') : en ? 'No' : 'いいえ';
  // A calculated amount (or a number with x-unit) reads as the resident saw it: 「3,500円」.
  if (typeof value === 'number') return isCalculated(schema) ? formatAmount(schema, value, options.language) : String(value);
  if (typeof value !== 'string') return '';
  if (['date', 'past-date', 'future-date'].includes(schema.format)) return en ? value : `${formatWareki(value)}（${value}）`;
  return value;
}

/** Answer lines in form order; unanswered fields are left out. */
export function answerList(rootSchema: JsonSchema, data: unknown, options: AnswerListOptions = {}): AnswerLine[] {
  const lines: AnswerLine[] = [];
  const walk = (schema: JsonSchema, value: unknown, pointer: string, label: string, depth: number, inherited: boolean) => {
    const s = resolveSchemaRef(schema, rootSchema);
    if (value === undefined || value === null || value === '') return;
    // A sensitive group makes everything under it sensitive.
    const sensitive = inherited || isSensitiveNode(s);
    const leaf = (text: string, node: JsonSchema) => {
      const masked = sensitive && !options.revealSensitive;
      lines.push({ pointer, label, value: masked ? maskSensitive(String(value), node, options.language) : text, depth, isGroup: false, ...(sensitive ? { sensitive: true } : {}) });
    };
    if (Array.isArray(value)) {
      const items = resolveSchemaRef(s.items as JsonSchema, rootSchema);
      if (items.type === 'object') {
        lines.push({ pointer, label, value: '', depth, isGroup: true });
        value.forEach((item, i) => walk(items, item, `${pointer}/${i}`, `${items.title ?? label} ${i + 1}`, depth + 1, sensitive));
      } else if (value.length > 0) {
        leaf(value.map((v) => display(v, items, options)).join('、'), items);
      }
      return;
    }
    if (typeof value === 'object') {
      if (pointer !== '') lines.push({ pointer, label, value: '', depth, isGroup: true });
      for (const [key, child] of schemaProperties(s, rootSchema)) {
        const childSchema = resolveSchemaRef(child, rootSchema);
        walk(childSchema, (value as Record<string, unknown>)[key], `${pointer}/${key}`, childSchema.title ?? key, pointer === '' ? depth : depth + 1, sensitive);
      }
      return;
    }
    leaf(display(value, s, options), s);
  };
  walk(rootSchema, data, '', rootSchema.title ?? '', 0, false);
  // Drop group headings with nothing under them.
  return lines.filter((line, i) => !line.isGroup || (lines[i + 1] !== undefined && lines[i + 1]!.depth > line.depth));
}
