/**
 * The builder's edits of calculated values (issue #22): a calc field's
 * expression, and the lookup tables at the schema root that clerks fill in
 * (品目 → 手数料). Whether an expression parses and names existing answers is a
 * publish check (calc/calcNames.ts), so a clerk can save half-written work.
 */
import { CALC_KEYWORD, LOOKUP_TABLES_KEYWORD } from '../calc/keywords';
import { CALC_LIMITS } from '../calc/limits';
import { invalidEdit } from './editRefused';
import { requireField } from './fieldOps';
import type { FieldPath, FormDocument, LookupTableSpec } from './types';

export function setCalc(doc: FormDocument, path: FieldPath, expression: string): void {
  const { node } = requireField(doc, path);
  if (typeof node[CALC_KEYWORD] !== 'string') invalidEdit(`「${typeof node.title === 'string' ? node.title : path}」は計算の項目ではありません。`);
  if (!expression.trim()) invalidEdit('計算式を入力してください。');
  node[CALC_KEYWORD] = expression.trim();
}

export function setLookupTable(doc: FormDocument, name: string, table: LookupTableSpec | null): void {
  const tables = { ...((doc.schema[LOOKUP_TABLES_KEYWORD] ?? {}) as Record<string, LookupTableSpec>) };
  if (table === null) {
    if (!Object.prototype.hasOwnProperty.call(tables, name)) invalidEdit(`表「${name}」がありません。`);
    delete tables[name];
  } else {
    const title = table.title.trim() || name;
    const seen = new Set<string>();
    const rows = table.rows.map((r, i) => {
      const key = r.key.trim();
      if (!key) invalidEdit(`表「${title}」の${i + 1}行目の見出しを入力してください。`);
      if (seen.has(key)) invalidEdit(`表「${title}」に「${key}」が2回あります。`);
      seen.add(key);
      if (!Number.isFinite(r.value) || Math.abs(r.value) > CALC_LIMITS.maxMagnitude) invalidEdit(`表「${title}」の「${key}」の値が正しくありません。`);
      return { key, value: r.value };
    });
    tables[name] = { title, ...(table.keyTitle?.trim() ? { keyTitle: table.keyTitle.trim() } : {}), ...(table.valueTitle?.trim() ? { valueTitle: table.valueTitle.trim() } : {}), rows };
  }
  if (Object.keys(tables).length) doc.schema[LOOKUP_TABLES_KEYWORD] = tables;
  else delete doc.schema[LOOKUP_TABLES_KEYWORD];
}
