/**
 * Turns a JSON Schema made with another tool (react-jsonschema-form's
 * playground, a generator…) into the shape the builder edits and residents
 * fill in: references inlined, alternatives (`anyOf`/`oneOf`) of constants
 * made choices, alternatives of property sets merged as optional fields,
 * `allOf` merged, `if`/`then` kept as a condition. What cannot be expressed
 * is taken out and listed precisely — JSON pointer and reason, ja and en —
 * never silently. Untitled fields get a label made from their key, which the
 * builder lists in one place for the clerk to name (see autoLabel).
 */
import type { JsonSchema, UiSchema } from '../form/jsonSchema';
import { COMMON_DEFINITIONS } from '../form/commonDefinitions';
import type { AttachmentSpec } from '../form/types';
import { WIDGETS } from './types';
import { keyStem } from './fieldKeyNames';

/** One construct the import could not keep as it was. */
export interface ImportUnsupported {
  /** JSON pointer into the imported schema (or `uiSchema/...`). */
  pointer: string;
  /** What was done and why, in Japanese. */
  ja: string;
  en: string;
}

/**
 * Marks a label made from the key on import (an annotation ajv ignores);
 * setting the label clears it. The builder's 「名前を付ける」 lists the fields
 * that still carry it.
 */
export const LABEL_FROM_KEY = 'x-label-from-key';

/** A label made from a key: `firstName` → `First name`, `street_address` → `Street address`. */
export function autoLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const esc = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const SCALARS = ['string', 'number', 'integer', 'boolean'];
/** Keywords of another tool that only change how a form looks there, dropped without comment. */
const OBJECT_DROPPED = ['additionalProperties', 'patternProperties', 'propertyNames', 'unevaluatedProperties', 'minProperties', 'maxProperties', 'dependentRequired', 'dependentSchemas'];

class Normalizer {
  readonly unsupported: ImportUnsupported[] = [];
  readonly autoLabelled: string[] = [];
  /** File fields of the top level, turned into attachments (files are attachments here, not answers). */
  readonly attachments: AttachmentSpec[] = [];
  private readonly defs: Record<string, JsonSchema>;

  /** Definitions of a bundled schema, by their `$id` (and its path), for references by id. */
  private readonly byId = new Map<string, JsonSchema>();

  constructor(root: JsonSchema) {
    this.defs = { ...(isObject(root.$defs) ? root.$defs : {}), ...(isObject(root.definitions) ? root.definitions : {}) } as Record<string, JsonSchema>;
    for (const def of Object.values(this.defs)) {
      if (!isObject(def) || typeof def.$id !== 'string') continue;
      this.byId.set(def.$id, def);
      this.byId.set(def.$id.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, ''), def); // its path, as a relative reference names it
    }
  }

  note(pointer: string, ja: string, en: string): void {
    this.unsupported.push({ pointer, ja, en });
  }

  /** A reference to one of the shared blocks (氏名, 住所 …), not to a different definition of the same name. */
  private isCommon(name: string): boolean {
    const common = COMMON_DEFINITIONS[name];
    return !!common && (!this.defs[name] || JSON.stringify(this.defs[name]) === JSON.stringify(common));
  }

  /** Inlines a local reference; undefined (and a note) for external or recursive ones. */
  private deref(node: JsonSchema, ptr: string, stack: string[]): JsonSchema | undefined {
    const ref = node.$ref as string;
    const bundled = this.byId.get(ref);
    if (bundled) {
      if (stack.includes(ref)) return undefined;
      stack.push(ref);
      const { $ref: _r, ...rest } = node;
      const { $id: _id, $schema: _s, ...copy } = clone(bundled);
      return { ...copy, ...rest };
    }
    const name = /^#\/(?:definitions|\$defs)\/(.+)$/.exec(ref)?.[1];
    if (!name) {
      this.note(`${ptr}/$ref`, `外部の参照（${ref}）は読み込めないため、この項目を取り除きました。`, `External reference (${ref}) cannot be loaded; the field was removed.`);
      return undefined;
    }
    const { $ref: _ref, ...local } = node;
    if (this.isCommon(name)) return { $ref: `#/definitions/${name}`, ...local };
    if (stack.includes(name)) {
      this.note(`${ptr}/$ref`, `再帰的な参照（${ref}）は使えないため、この項目を取り除きました。`, `Recursive reference (${ref}) is not supported; the field was removed.`);
      return undefined;
    }
    const def = this.defs[name];
    if (!def) {
      this.note(`${ptr}/$ref`, `参照先（${ref}）が見つからないため、この項目を取り除きました。`, `Reference target (${ref}) not found; the field was removed.`);
      return undefined;
    }
    stack.push(name);
    return { ...clone(def), ...local };
  }

  /** A field's schema in the builder's shape, or undefined when it had to go. */
  field(input: JsonSchema, ptr: string, stack: string[] = []): JsonSchema | undefined {
    let node: JsonSchema | undefined = clone(input);
    const depth = stack.length;
    while (node && typeof node.$ref === 'string' && !(node.$ref.startsWith('#/definitions/') && this.isCommon(node.$ref.slice(14)))) {
      node = this.deref(node, ptr, stack);
    }
    if (!node) return undefined;
    try {
      return this.shape(node, ptr, stack);
    } finally {
      stack.length = depth;
    }
  }

  /** An `allOf` of plain constraints (no fields, no conditions) folded into the node itself. */
  private foldAllOf(node: JsonSchema, ptr: string, stack: string[]): JsonSchema {
    const members = node.allOf as JsonSchema[];
    const resolved = members.map((m, i) => {
      let r: JsonSchema | undefined = m;
      while (r && typeof r.$ref === 'string') r = this.deref(r, `${ptr}/allOf/${i}`, stack);
      return r;
    });
    if (resolved.some((r) => isObject(r) && (r.properties || r.if || r.then))) return node;
    const { allOf: _all, ...own } = node;
    return Object.assign({}, ...resolved.filter(isObject), own) as JsonSchema;
  }

  private shape(input: JsonSchema, ptr: string, stack: string[]): JsonSchema | undefined {
    if (typeof input.$ref === 'string') return input; // a shared block (氏名, 住所 …)
    const node = Array.isArray(input.allOf) && input.type !== 'object' && !isObject(input.properties) ? this.foldAllOf(input, ptr, stack) : input;
    if (Array.isArray(node.type)) {
      const types = (node.type as string[]).filter((t) => t !== 'null');
      if (types.length < (node.type as string[]).length)
        this.note(
          `${ptr}/type`,
          '空（null）を許す指定は使えないため取り除きました。未入力は「任意」の項目で表せます。',
          'Allowing null is not supported; it was removed (an optional field can stay empty).',
        );
      if (types.length > 1)
        this.note(`${ptr}/type`, `複数の型（${types.join('・')}）は使えないため、「${types[0]}」にしました。`, `Several types (${types.join(', ')}) are not supported; "${types[0]}" was kept.`);
      node.type = types[0];
    }
    if (node.type === 'null') {
      this.note(ptr, '値を持たない項目（"type": "null"）は使えないため、取り除きました。', 'A field of type "null" holds no answer; it was removed.');
      return undefined;
    }
    if (node.format === 'data-url') {
      this.note(
        ptr,
        'ファイルの項目（format: data-url）は使えないため取り除きました。ファイルは「添付書類」で設定してください。',
        'File fields (format: data-url) are not supported; set files up under attachments instead.',
      );
      return undefined;
    }
    if ('enumNames' in node) {
      delete node.enumNames;
      this.note(`${ptr}/enumNames`, '選択肢の表示名（enumNames）は使えないため、値をそのまま選択肢にしました。', 'enumNames is not supported; the values themselves are the options.');
    }
    if (Array.isArray(node.enum) && node.enum.some((v) => v !== null && typeof v === 'object')) {
      node.enum = (node.enum as unknown[]).map((v) => (isObject(v) && typeof v.name === 'string' ? v.name : JSON.stringify(v)));
      node.type = 'string';
      this.note(`${ptr}/enum`, '選択肢の値がオブジェクトのため、文字の選択肢に置き換えました。', 'Options that are objects were replaced by text options.');
    }
    if (Array.isArray(node.enum) && node.type === undefined) node.type = typeof node.enum[0] === 'number' ? 'number' : typeof node.enum[0] === 'boolean' ? 'boolean' : 'string';
    if (node.type === undefined && node.const !== undefined) node.type = typeof node.const === 'number' ? 'number' : typeof node.const === 'boolean' ? 'boolean' : 'string';
    if (node.type === undefined && (isObject(node.properties) || node.allOf || node.anyOf || node.oneOf)) node.type = 'object';
    if (node.type === 'object') return this.object(node, ptr, stack);
    if (node.type === 'array') return this.array(node, ptr, stack);
    if (SCALARS.includes(node.type as string)) return this.scalar(node, ptr);
    this.note(ptr, '型（type）が指定されていない項目は使えないため、1行の文章の項目にしました。', 'A field without a type became a one-line text field.');
    return { ...node, type: 'string' };
  }

  private scalar(node: JsonSchema, ptr: string): JsonSchema {
    for (const key of ['anyOf', 'oneOf'] as const) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      delete node[key];
      const values = (list as JsonSchema[]).map((b) => (b?.const !== undefined ? b.const : Array.isArray(b?.enum) && b.enum.length === 1 ? b.enum[0] : undefined));
      if (node.type === 'boolean') continue; // はい／いいえ already says it
      if (values.every((v) => v !== undefined)) {
        node.enum = values;
        this.note(
          `${ptr}/${key}`,
          `選択肢の組（${key}）を選択肢の一覧にしました。選択肢の表示名は値と同じになります。`,
          `The ${key} of constants became a list of options; option labels are the values.`,
        );
      } else {
        this.note(`${ptr}/${key}`, `入力の組み合わせ（${key}）は使えないため、取り除きました。`, `${key} alternatives of this field are not supported; they were removed.`);
      }
    }
    return node;
  }

  private array(node: JsonSchema, ptr: string, stack: string[]): JsonSchema | undefined {
    if (Array.isArray(node.items) || Array.isArray(node.prefixItems)) {
      const first = ((Array.isArray(node.items) ? node.items : node.prefixItems) as JsonSchema[])[0];
      const kw = Array.isArray(node.items) ? 'items' : 'prefixItems';
      this.note(
        `${ptr}/${kw}`,
        '位置ごとに型の違う一覧（固定の要素）は使えないため、1つ目の要素の型の繰り返しにしました。',
        "Fixed (tuple) items are not supported; the list repeats the first item's type.",
      );
      node.items = isObject(node.items) ? node.items : (first ?? { type: 'string' });
      delete node.prefixItems;
    }
    if ('additionalItems' in node) delete node.additionalItems;
    if (!isObject(node.items)) node.items = { type: 'string' };
    const items = this.field(node.items as JsonSchema, `${ptr}/items`, stack);
    if (!items) return undefined;
    node.items = items;
    return node;
  }

  /** Adds `from`'s properties to `target` (and, when `keepRequired`, its required list). */
  private merge(target: JsonSchema, from: JsonSchema, ptr: string, stack: string[], keepRequired: boolean): void {
    let source: JsonSchema | undefined = from;
    while (source && typeof source.$ref === 'string') source = this.deref(source, ptr, stack);
    if (!isObject(source)) return;
    target.properties = { ...(target.properties ?? {}), ...(isObject(source.properties) ? source.properties : {}) };
    if (keepRequired && Array.isArray(source.required)) target.required = [...new Set([...((target.required ?? []) as string[]), ...(source.required as string[])])];
    if (typeof target.title !== 'string' && typeof source.title === 'string' && keepRequired) target.title = source.title;
  }

  private object(node: JsonSchema, ptr: string, stack: string[]): JsonSchema {
    // Alternatives of property sets: every field becomes optional (which set applies cannot be expressed).
    for (const key of ['anyOf', 'oneOf'] as const) {
      if (!Array.isArray(node[key])) continue;
      (node[key] as JsonSchema[]).forEach((b, i) => this.merge(node, b, `${ptr}/${key}/${i}`, stack, false));
      delete node[key];
      this.note(
        `${ptr}/${key}`,
        `「どれか1つの組を入力」（${key}）は表せないため、すべての組の項目を任意の項目として取り込みました。必要なら表示条件を設定してください。`,
        `Alternatives (${key}) cannot be expressed; the fields of every alternative were imported as optional fields. Add show-when conditions if needed.`,
      );
    }
    const branches: JsonSchema[] = [];
    if (Array.isArray(node.allOf)) {
      (node.allOf as JsonSchema[]).forEach((member, i) => {
        if (isObject(member) && member.if && member.then) branches.push(member);
        else this.merge(node, member as JsonSchema, `${ptr}/allOf/${i}`, stack, true);
      });
      delete node.allOf;
    }
    if (isObject(node.if)) {
      if (isObject(node.then)) branches.push({ if: node.if, then: node.then });
      if (isObject(node.else)) {
        const opposite = this.oppositeIf(node, node.if);
        if (opposite) branches.push({ if: opposite, then: node.else });
        else {
          this.merge(node, node.else, `${ptr}/else`, stack, false);
          this.note(
            `${ptr}/else`,
            '「そうでない場合」（else）は、選択肢の項目1つを調べる条件でないと表せないため、その項目を任意の項目として取り込みました。',
            '"else" can only be expressed when the condition tests one choice field; its fields were imported as optional fields.',
          );
        }
      }
    }
    delete node.if;
    delete node.then;
    delete node.else;
    if (isObject(node.dependencies)) {
      for (const [dep, value] of Object.entries(node.dependencies)) {
        const at = `${ptr}/dependencies/${esc(dep)}`;
        if (Array.isArray(value)) {
          this.note(at, `「${dep}」を入力したときだけ必須になる指定（dependencies）は使えないため、取り除きました。`, `Property dependencies of "${dep}" are not supported; they were removed.`);
          continue;
        }
        const alternatives = isObject(value) ? (Array.isArray(value.oneOf) ? value.oneOf : Array.isArray(value.anyOf) ? value.anyOf : [value]) : [];
        for (const alt of alternatives as JsonSchema[]) {
          const extra = { ...(isObject(alt?.properties) ? alt.properties : {}) };
          delete extra[dep];
          this.merge(node, { properties: extra }, at, stack, false);
        }
        this.note(
          at,
          `「${dep}」の回答で項目を出し分ける指定（dependencies）は表せないため、その項目を任意の項目として取り込みました。表示条件を設定してください。`,
          `Schema dependencies of "${dep}" cannot be expressed; their fields were imported as optional fields. Add show-when conditions.`,
        );
      }
      delete node.dependencies;
    }
    for (const key of OBJECT_DROPPED) {
      if (!(key in node)) continue;
      if (!(key === 'additionalProperties' && node[key] === false)) {
        this.note(`${ptr}/${key}`, `「${key}」（自由に項目を追加できる指定など）は使えないため、取り除きました。`, `"${key}" is not supported; it was removed.`);
      }
      delete node[key];
    }
    delete node.$defs;
    delete node.definitions;
    const props: Record<string, JsonSchema> = {};
    for (const [key, child] of Object.entries((isObject(node.properties) ? node.properties : {}) as Record<string, JsonSchema>)) {
      if (ptr === '' && this.fileToAttachment(key, child, ((node.required ?? []) as string[]).includes(key))) continue;
      const shaped = isObject(child) ? this.field(child, `${ptr}/properties/${esc(key)}`, stack) : undefined;
      if (!shaped) continue;
      props[key] = this.label(shaped, key, `${ptr}/properties/${esc(key)}`);
    }
    node.properties = props;
    if (Array.isArray(node.required)) {
      node.required = (node.required as string[]).filter((k) => k in props);
      if ((node.required as string[]).length === 0) delete node.required;
    }
    const kept = branches.flatMap((b, i) => this.branch(b, `${ptr}/allOf/${i}`, props, stack));
    if (kept.length) node.allOf = kept;
    return node;
  }

  /**
   * The condition under which `else` applies, when `if` tests one choice field
   * for one value: that field having any of its other options.
   */
  private oppositeIf(node: JsonSchema, ifSchema: JsonSchema): JsonSchema | undefined {
    const tested = Object.entries(isObject(ifSchema.properties) ? ifSchema.properties : {}) as Array<[string, JsonSchema]>;
    if (tested.length !== 1 || Object.keys(ifSchema).some((k) => k !== 'properties' && k !== 'required')) return undefined;
    const [field, test] = tested[0]!;
    const options = (node.properties as Record<string, JsonSchema> | undefined)?.[field]?.enum;
    if (!Array.isArray(options) || test?.const === undefined || Object.keys(test).length !== 1) return undefined;
    const others = options.filter((o) => o !== test.const);
    return others.length ? { properties: { [field]: others.length === 1 ? { const: others[0] } : { enum: others } }, required: [field] } : undefined;
  }

  /** An if/then branch: kept when it tests fields of this object; its fields labelled like the others. */
  private branch(b: JsonSchema, ptr: string, props: Record<string, JsonSchema>, stack: string[]): JsonSchema[] {
    const tested = Object.keys(isObject(b.if?.properties) ? b.if.properties : {});
    if (tested.length === 0 || tested.some((k) => !(k in props))) {
      this.note(`${ptr}/if`, '表示条件（if）が同じまとまりの項目を参照していないため、条件を取り除きました。', 'The condition (if) does not test a field of this object; it was removed.');
      return [];
    }
    const then = clone(b.then as JsonSchema);
    const thenProps: Record<string, JsonSchema> = {};
    for (const [key, child] of Object.entries((isObject(then.properties) ? then.properties : {}) as Record<string, JsonSchema>)) {
      if (key in props) continue; // a narrowing of a field shown anyway: the field stays as it is
      const shaped = isObject(child) ? this.field(child, `${ptr}/then/properties/${esc(key)}`, stack) : undefined;
      if (shaped) thenProps[key] = this.label(shaped, key, `${ptr}/then/properties/${esc(key)}`);
    }
    const required = ((then.required ?? []) as string[]).filter((k) => k in thenProps);
    const ifSchema = { ...b.if, required: [...new Set([...((b.if.required ?? []) as string[]), ...tested])] };
    if (Object.keys(thenProps).length === 0 && required.length === 0) return [];
    return [{ if: ifSchema, then: { properties: thenProps, ...(required.length ? { required } : {}) } }];
  }

  /** A top-level file field (format data-url) becomes an attachment; true when it did. */
  private fileToAttachment(key: string, child: JsonSchema, required: boolean): boolean {
    const many = child?.type === 'array' && child.items?.format === 'data-url';
    if (!isObject(child) || (child.format !== 'data-url' && !many)) return false;
    const stem = keyStem(key) || `file${this.attachments.length + 1}`;
    let id = stem;
    for (let n = 2; this.attachments.some((a) => a.id === id); n++) id = `${stem}${n}`;
    const label = typeof child.title === 'string' && child.title.trim() ? child.title : autoLabel(key);
    this.attachments.push({ id, label, required: required ? 'always' : 'optional', accept: ['application/pdf', 'image/jpeg', 'image/png'], maxFiles: many ? 5 : 1, maxSizeMb: 10 });
    this.note(`/properties/${esc(key)}`, `ファイルの項目は、添付書類「${label}」（PDF・JPEG・PNG）として取り込みました。`, `The file field became the attachment "${label}" (PDF, JPEG, PNG).`);
    return true;
  }

  private label(node: JsonSchema, key: string, ptr: string): JsonSchema {
    if (typeof node.title === 'string' && node.title.trim()) return node;
    this.autoLabelled.push(ptr);
    return { ...node, title: autoLabel(key), [LABEL_FROM_KEY]: true };
  }
}

/** uiSchema entries other tools use that residents' forms do not have: dropped, listed. */
function cleanUi(ui: UiSchema, ptr: string, notes: ImportUnsupported[]): UiSchema {
  const out: UiSchema = {};
  for (const [key, value] of Object.entries(ui)) {
    if (key === 'ui:field') {
      notes.push({
        pointer: `${ptr}/ui:field`,
        ja: `独自の入力部品（ui:field「${String(value)}」）は使えないため、標準の入力欄で表示します。`,
        en: `Custom field (ui:field "${String(value)}") is not available; the standard input is shown.`,
      });
      continue;
    }
    if (key === 'ui:widget' && !(WIDGETS as readonly string[]).includes(String(value))) {
      notes.push({
        pointer: `${ptr}/ui:widget`,
        ja: `表示方法「${String(value)}」は使えないため、標準の表示にしました。`,
        en: `Widget "${String(value)}" is not available; the standard one is used.`,
      });
      continue;
    }
    out[key] = isObject(value) && !key.startsWith('ui:') ? cleanUi(value as UiSchema, `${ptr}/${esc(key)}`, notes) : value;
  }
  return out;
}

export interface NormalizedImport {
  schema: JsonSchema;
  uiSchema: UiSchema;
  unsupported: ImportUnsupported[];
  /** Pointers of fields that had no title and were labelled from their key. */
  autoLabelled: string[];
  /** Top-level file fields, as attachments. */
  attachments: AttachmentSpec[];
}

/** The imported schema (any JSON Schema) and uiSchema in the builder's shape, with what was changed. */
export function normalizeImportedSchema(input: JsonSchema, uiSchema: UiSchema): NormalizedImport {
  const n = new Normalizer(input);
  let root = clone(input);
  let ui = uiSchema;
  if (root.type !== 'object' && !isObject(root.properties) && !root.allOf && !root.anyOf && !root.oneOf) {
    // A form of one field (rjsf's "single"): that field becomes the form's only field.
    const { title, ...field } = root;
    n.note('', 'フォーム全体が1つの値のため、その値を1つの項目（value）として取り込みました。', 'The whole form was one value; it became one field ("value").');
    root = { type: 'object', ...(title ? { title } : {}), properties: { value: { ...field, title: typeof title === 'string' ? title : '回答' } } };
    ui = { value: uiSchema };
  }
  const shaped = n.field({ ...root, type: 'object' }, '') ?? { type: 'object', properties: {} };
  if (Object.keys(shaped.properties ?? {}).length === 0 && n.attachments.length > 0) {
    // A form of files only still needs one field to fill in.
    shaped.properties = { remarks: { type: 'string', title: '備考', maxLength: 2000 } };
    n.note('/properties', '入力する項目がファイルだけのため、「備考」の項目を加えました。', 'The form had only files; a "remarks" field was added.');
  }
  const notes = [...n.unsupported];
  const cleanUiSchema = cleanUi(ui, 'uiSchema', notes);
  const order = cleanUiSchema['ui:order'];
  if (Array.isArray(order)) {
    const keys = Object.keys(shaped.properties ?? {});
    cleanUiSchema['ui:order'] = [...(order as string[]).filter((k) => k === '*' || keys.includes(k)), ...(order.includes('*') ? [] : ['*'])];
  }
  return { schema: shaped, uiSchema: cleanUiSchema, unsupported: notes, autoLabelled: n.autoLabelled, attachments: n.attachments };
}
