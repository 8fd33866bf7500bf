/**
 * What an imported JSON Schema from elsewhere (the react-jsonschema-form
 * playground, another form tool) needs before it can be edited and published
 * here: every property gets a label (from its key when it has none, listed so
 * the clerk can rename them), a root `allOf` of objects is merged into one
 * object, and what cannot be represented is named exactly (JSON pointer and
 * reason) instead of being silently dropped.
 */
import type { JsonSchema } from '../form/jsonSchema';

export interface ImportProblem {
  pointer: string;
  reason: string;
}

export interface NormalizedImport {
  schema: JsonSchema;
  /** Fields labelled from their keys: `["/properties/firstName", "firstName"]` … */
  labelledFromKeys: Array<{ pointer: string; label: string }>;
  unsupported: ImportProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const esc = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** `firstName`, `first_name` → 「first name」: the key as readable words until the clerk names the field. */
export const labelFromKey = (key: string) => key.replace(/[_-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase() || key;

/** Merges a root `allOf` whose branches are objects into the root object. */
function mergeRootAllOf(schema: Record<string, unknown>, unsupported: ImportProblem[]): Record<string, unknown> {
  const branches = schema.allOf;
  if (!Array.isArray(branches)) return schema;
  const { allOf: _allOf, ...rest } = schema;
  const properties: Record<string, unknown> = { ...(isObject(rest.properties) ? rest.properties : {}) };
  const required = new Set<string>(Array.isArray(rest.required) ? (rest.required as string[]) : []);
  const kept: unknown[] = [];
  branches.forEach((branch, i) => {
    if (isObject(branch) && isObject(branch.properties) && !branch.if) {
      Object.assign(properties, branch.properties);
      if (Array.isArray(branch.required)) for (const r of branch.required) required.add(String(r));
    } else if (isObject(branch) && branch.if) kept.push(branch); // conditions stay as they are (the builder reads if/then)
    else unsupported.push({ pointer: `/allOf/${i}`, reason: '「allOf」の中の、項目（properties）を持たない部分には対応していません。' });
  });
  return { ...rest, type: 'object', properties, ...(required.size ? { required: [...required] } : {}), ...(kept.length ? { allOf: kept } : {}) };
}

function walk(node: Record<string, unknown>, pointer: string, out: NormalizedImport): void {
  const properties = node.properties;
  if (isObject(properties)) {
    for (const [key, child] of Object.entries(properties)) {
      const at = `${pointer}/properties/${esc(key)}`;
      if (!isObject(child)) {
        if (child === true || child === false) out.unsupported.push({ pointer: at, reason: 'true / false だけの定義（型のない項目）には対応していません。' });
        continue;
      }
      if (typeof child.title !== 'string' || !child.title.trim()) {
        const label = labelFromKey(key);
        child.title = label;
        out.labelledFromKeys.push({ pointer: at, label });
      }
      walk(child, at, out);
    }
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(node[keyword])) continue;
    const options = node[keyword] as unknown[];
    // Choices written as oneOf/anyOf of constants are ordinary options; alternative sub-forms are not.
    const constants = options.every((o) => isObject(o) && 'const' in o);
    if (!constants) out.unsupported.push({ pointer: `${pointer}/${keyword}`, reason: `「${keyword}」で入力内容を切り替える形（どちらかの組の項目を選ぶ）には対応していません。選択肢の項目と表示条件で作り直してください。` });
  }
  if (isObject(node.items)) walk(node.items, `${pointer}/items`, out);
  else if (Array.isArray(node.items)) out.unsupported.push({ pointer: `${pointer}/items`, reason: '項目ごとに型が違う配列（tuple）には対応していません。' });
  for (const branch of ['then', 'else'] as const) if (isObject(node[branch])) walk(node[branch] as Record<string, unknown>, `${pointer}/${branch}`, out);
  if (Array.isArray(node.allOf)) (node.allOf as unknown[]).forEach((b, i) => isObject(b) && walk(b, `${pointer}/allOf/${i}`, out));
  for (const defs of ['definitions', '$defs'] as const) {
    if (isObject(node[defs])) for (const [k, d] of Object.entries(node[defs] as object)) if (isObject(d)) walk(d, `${pointer}/${defs}/${esc(k)}`, out);
  }
}

/** The schema made ready for the builder (a deep copy), the fields labelled from keys, and what is not supported. */
export function normalizeImportedSchema(input: Record<string, unknown>): NormalizedImport {
  const out: NormalizedImport = { schema: {} as JsonSchema, labelledFromKeys: [], unsupported: [] };
  const merged = mergeRootAllOf(JSON.parse(JSON.stringify(input)) as Record<string, unknown>, out.unsupported);
  walk(merged, '', out);
  out.schema = merged as JsonSchema;
  return out;
}
