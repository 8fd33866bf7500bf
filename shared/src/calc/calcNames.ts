/**
 * What a calculated field may refer to (issue #22): the names the builder lists
 * next to the expression editor, and the publish check that refuses an
 * expression naming an answer or table the form does not have, or a calculated
 * field that is not a read-only number.
 */
import type { JsonSchema } from '../form/jsonSchema';
import { resolveSchemaRef, schemaProperties } from '../form/schemaWalk';
import { CALC_LIMITS } from './limits';
import { CALC_KEYWORD, LOOKUP_TABLES_KEYWORD } from './keywords';
import { parseCalc, type CalcReference } from './parseCalc';

export interface CalcName {
  /** What to type: `count`, `applicant.age`, `items`. */
  name: string;
  title: string;
  /** `group`: a repeating group (for sum/count); `value`: an answer. */
  kind: 'value' | 'group';
  /** For a group: the names of a row, usable inside sum(group, …). */
  row?: CalcName[];
}

const titleOf = (n: JsonSchema, key: string) => (typeof n.title === 'string' && n.title ? n.title : key);
const rowOf = (node: JsonSchema, root: JsonSchema): JsonSchema | undefined => {
  const items = node.type === 'array' && node.items && !Array.isArray(node.items) ? resolveSchemaRef(node.items as JsonSchema, root) : undefined;
  return items?.type === 'object' ? items : undefined;
};

/** The names of an object: its answers, by dot path through nested objects, and its repeating groups. */
export function namesOf(holder: JsonSchema, root: JsonSchema, prefix = '', depth = 0): CalcName[] {
  const names: CalcName[] = [];
  if (depth > 8) return names;
  for (const [key, propIn] of schemaProperties(holder, root)) {
    const prop = resolveSchemaRef(propIn, root);
    const name = prefix ? `${prefix}.${key}` : key;
    if (prop.type === 'array') {
      const row = rowOf(prop, root);
      names.push({ name, title: titleOf(prop, key), kind: 'group', ...(row ? { row: namesOf(row, root, '', depth + 1) } : {}) });
    } else if (prop.type === 'object' || prop.properties) names.push(...namesOf(prop, root, name, depth + 1));
    else names.push({ name, title: titleOf(prop, key), kind: 'value' });
  }
  return names;
}

/** The object schema holding the field at a dot path ('' or undefined: the root); follows repeating groups into their rows. */
export function holderAt(root: JsonSchema, parentPath: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of parentPath ? parentPath.split('.') : []) {
    const prop = schemaProperties(node!, root).find(([k]) => k === key)?.[1];
    if (!prop) return undefined;
    const r = resolveSchemaRef(prop, root);
    node = r.type === 'array' ? rowOf(r, root) : r;
    if (!node) return undefined;
  }
  return node;
}

/** The names a calculated field in the object at `parentPath` may use: that object's first, then the form's. */
export function calcNamesFor(root: JsonSchema, parentPath: string): CalcName[] {
  const holder = holderAt(root, parentPath);
  const local = holder && holder !== root ? namesOf(holder, root) : [];
  const seen = new Set(local.map((n) => n.name));
  return [...local, ...namesOf(root, root).filter((n) => !seen.has(n.name))];
}

function findName(names: CalcName[], path: string[]): CalcName | undefined {
  return names.find((n) => n.name === path.join('.'));
}

export interface CalcCheckProblem {
  /** Dot path of the calculated field. */
  path: string;
  message: string;
}

/** Problems of one expression at `parentPath` (Japanese); empty when it can be published. */
export function checkCalcExpression(root: JsonSchema, parentPath: string, expression: unknown): string[] {
  const parsed = parseCalc(expression);
  if (!parsed.ok) return [parsed.error.ja];
  const problems: string[] = [];
  const outer = calcNamesFor(root, parentPath);
  const tables = (root as Record<string, unknown>)[LOOKUP_TABLES_KEYWORD] as Record<string, unknown> | undefined;
  for (const t of parsed.parsed.tables) {
    if (!tables || typeof tables !== 'object' || !Object.prototype.hasOwnProperty.call(tables, t)) problems.push(`計算式の表「${t}」がありません。表を追加するか、表の名前を確認してください。`);
  }
  const resolve = (ref: CalcReference): CalcName | undefined => {
    if (ref.rowsOf) {
      const group = findName(outer, ref.rowsOf);
      const inRow = group?.row ? findName(group.row, ref.path) : undefined;
      if (inRow) return inRow;
    }
    return findName(outer, ref.path);
  };
  for (const ref of parsed.parsed.references) {
    const found = resolve(ref);
    const name = ref.path.join('.');
    if (!found) problems.push(`計算式の「${name}」という項目がありません。`);
    else if (ref.group && found.kind !== 'group') problems.push(`「${name}」は繰り返しグループではないため、sum・count に使えません。`);
    else if (!ref.group && found.kind === 'group') problems.push(`「${name}」は繰り返しグループです。sum(${name}, …) か count(${name}) の形で使ってください。`);
  }
  return [...new Set(problems)];
}

/** Problems of the lookup tables (Japanese). */
export function checkLookupTables(root: JsonSchema): string[] {
  const tables = (root as Record<string, unknown>)[LOOKUP_TABLES_KEYWORD];
  if (tables === undefined) return [];
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) return ['表（x-lookup-tables）の形が正しくありません。'];
  const problems: string[] = [];
  for (const [name, t] of Object.entries(tables as Record<string, { title?: unknown; rows?: unknown }>)) {
    const label = typeof t?.title === 'string' && t.title ? t.title : name;
    if (!Array.isArray(t?.rows)) {
      problems.push(`表「${label}」に行がありません。`);
      continue;
    }
    const keys = new Set<string>();
    t.rows.forEach((r: { key?: unknown; value?: unknown }, i: number) => {
      if (typeof r?.key !== 'string' || !r.key.trim()) problems.push(`表「${label}」の${i + 1}行目の見出しが空です。`);
      else if (keys.has(r.key)) problems.push(`表「${label}」の「${r.key}」が2回あります。`);
      else keys.add(r.key);
      if (typeof r?.value !== 'number' || !Number.isFinite(r.value) || Math.abs(r.value) > CALC_LIMITS.maxMagnitude) problems.push(`表「${label}」の${i + 1}行目の値が数ではありません。`);
    });
  }
  return problems;
}

/** Every calculated field's problems, with the field's dot path. */
export function checkCalculations(root: JsonSchema): CalcCheckProblem[] {
  const problems: CalcCheckProblem[] = checkLookupTables(root).map((message) => ({ path: '', message }));
  const walk = (holder: JsonSchema, parentPath: string, depth: number) => {
    if (depth > 8) return;
    for (const [key, propIn] of schemaProperties(holder, root)) {
      const prop = resolveSchemaRef(propIn, root);
      const path = parentPath ? `${parentPath}.${key}` : key;
      const expression = (prop as Record<string, unknown>)[CALC_KEYWORD];
      if (expression !== undefined) {
        const label = titleOf(prop, key);
        if (prop.type !== 'number' && prop.type !== 'integer') problems.push({ path, message: `計算項目「${label}」は数値の項目にしてください。` });
        if (prop.readOnly !== true) problems.push({ path, message: `計算項目「${label}」は読み取り専用（readOnly）にしてください。` });
        for (const m of checkCalcExpression(root, parentPath, expression)) problems.push({ path, message: `「${label}」: ${m}` });
      }
      if (prop.type === 'array') {
        const row = rowOf(prop, root);
        if (row) walk(row, path, depth + 1);
      } else if (prop.type === 'object') walk(prop, path, depth + 1);
    }
  };
  walk(root, '', 0);
  return problems;
}
