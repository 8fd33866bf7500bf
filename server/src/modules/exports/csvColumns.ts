/**
 * One CSV column per field of a form version. Rules, so a column always means
 * the same thing:
 * - fields in form order, conditional fields included (empty when not asked);
 * - a nested group's label is joined to its fields' with「／」;
 * - a repeating group of objects (children, household members…) is flattened
 *   into numbered copies of its columns: 「子ども1／氏名／氏（姓）」… The number of
 *   copies is the schema's `maxItems` when it is at most 20, otherwise the most
 *   any exported submission has;
 * - a list of choices (checkboxes) is one column, values joined with「、」;
 * - sensitive answers (個人番号, `x-sensitive` fields and everything under a
 *   sensitive group) are masked as on screen — 個人番号 but for its last four
 *   digits, others as 「＊＊＊（非表示）」 — unless the export was asked for with
 *   them by someone allowed to (see csvExport.ts);
 * - numbers stay machine-readable: a calculated amount is the bare number (3500, not
 *   「3,500円」 as on screen), so a spreadsheet can sum it; its unit goes into the
 *   header instead when the title does not already say it (「参加人数（人）」).
 */
import { UNIT_KEYWORD, isSensitiveNode, maskSensitive, type JsonSchema } from '@madoguchi/shared';
import { resolveSchemaRef, schemaProperties } from '@madoguchi/shared';

export interface CsvColumn {
  /** Stable key, e.g. `householdMembers[1].name.familyName`. */
  key: string;
  label: string;
  value: (data: unknown) => string;
  /** Holds a sensitive answer (masked unless revealed). */
  sensitive: boolean;
}

const MAX_FIXED_REPEAT = 20;

function display(value: unknown, schema: JsonSchema): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (Array.isArray(value)) return value.map((v) => display(v, resolveSchemaRef(schema.items, {}))).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A number column's header names its x-unit (the cells hold bare numbers), unless the title already says 「（人）」. */
function withUnit(label: string, schema: JsonSchema): string {
  const unit = (schema as Record<string, unknown>)[UNIT_KEYWORD];
  if ((schema.type !== 'integer' && schema.type !== 'number') || typeof unit !== 'string' || !unit) return label;
  return label.includes(`（${unit}）`) || label.includes(`(${unit})`) ? label : `${label}（${unit}）`;
}

type Path = Array<string | number>;
const get = (data: unknown, path: Path): unknown => path.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string | number, unknown>)[k] : undefined), data);
const keyOf = (path: Path) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
/** Key of an array with its indices wildcarded, to count repeats across submissions. */
const patternOf = (path: Path) => path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');

/** How many items each repeating group has at most in the exported answers. */
export function observeRepeats(rows: unknown[]): Map<string, number> {
  const max = new Map<string, number>();
  const walk = (node: unknown, path: Path) => {
    if (Array.isArray(node)) {
      const k = patternOf(path);
      max.set(k, Math.max(max.get(k) ?? 0, node.length));
      node.forEach((v, i) => walk(v, [...path, i]));
    } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  rows.forEach((r) => walk(r, []));
  return max;
}

export function columnsFor(root: JsonSchema, repeats: Map<string, number>, options: { revealSensitive?: boolean } = {}): CsvColumn[] {
  const columns: CsvColumn[] = [];
  const walk = (schema: JsonSchema, path: Path, labels: string[], inherited = false) => {
    const s = resolveSchemaRef(schema, root);
    const sensitive = inherited || isSensitiveNode(s);
    const items = resolveSchemaRef(s.items, root);
    if (s.type === 'array' && (items.type === 'object' || items.properties)) {
      const copies = typeof s.maxItems === 'number' && s.maxItems <= MAX_FIXED_REPEAT ? s.maxItems : Math.max(1, repeats.get(patternOf(path)) ?? 0);
      const base = items.title ?? labels.at(-1) ?? '';
      for (let i = 0; i < copies; i++) walk(items, [...path, i], [...labels.slice(0, -1), `${base}${i + 1}`], sensitive);
      return;
    }
    if (s.type === 'object' || s.properties || s.allOf) {
      for (const [key, child] of schemaProperties(s, root)) {
        const c = resolveSchemaRef(child, root);
        walk(c, [...path, key], [...labels, c.title ?? key], sensitive);
      }
      return;
    }
    const at = [...path];
    const masked = sensitive && !options.revealSensitive;
    const value = (data: unknown) => {
      const raw = get(data, at);
      if (masked && raw !== undefined && raw !== null && raw !== '') return maskSensitive(String(raw), s);
      return display(raw, s);
    };
    columns.push({ key: keyOf(at), label: withUnit(labels.filter(Boolean).join('／'), s), value, sensitive });
  };
  walk(root, [], []);
  return columns;
}

/**
 * Columns over several versions of one procedure: the newest version's order
 * and labels, then any field only older versions had.
 */
export function mergeColumns(perVersionNewestFirst: CsvColumn[][]): CsvColumn[] {
  const merged = new Map<string, CsvColumn>();
  for (const columns of perVersionNewestFirst) for (const c of columns) if (!merged.has(c.key)) merged.set(c.key, c);
  return [...merged.values()];
}
