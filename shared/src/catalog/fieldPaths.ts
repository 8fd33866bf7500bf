/**
 * Finding fields in a form schema by their path. A field lives either in its
 * object's `properties` or, when it is shown only under a condition, in the
 * `then.properties` of one of the object's `allOf` if/then branches (the
 * convention presets/AUTHORING.md sets). Blocks reached through `$ref` (氏名,
 * 住所, 口座) are atomic: the builder never edits inside them.
 */
import type { JsonSchema, UiSchema } from '../form/jsonSchema';
import type { FieldPath } from './types';

/** Where a field is, and the schema nodes an edit of it touches. */
export interface FieldLocation {
  key: string;
  /** Path of the object the field belongs to ('' for the form itself). */
  parentPath: FieldPath;
  /** The object schema the field belongs to (the root, a section or a group's item). */
  holder: JsonSchema;
  /** The `properties` map holding the field: the holder's own or a branch's `then`. */
  properties: Record<string, JsonSchema>;
  /** The node whose `required` list makes the field required (the holder or the branch's `then`). */
  requiredOwner: JsonSchema;
  /** The if/then branch, when the field is conditional. */
  branch?: JsonSchema;
  /**
   * Path of the object whose `allOf` holds `branch`: the field's own object,
   * or an ancestor when the condition reads answers outside it (the field then
   * sits at the end of a `then.properties.<section>…` chain).
   */
  branchPath?: FieldPath;
  node: JsonSchema;
}

/** A property key the builder accepts (ASCII, starts with a letter). */
export const FIELD_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** `parent.key` (just `key` at the top level). */
export const joinPath = (parent: FieldPath, key: string): FieldPath => (parent ? `${parent}.${key}` : key);
/** The path of the object holding a field. */
export const parentOf = (path: FieldPath): FieldPath => path.split('.').slice(0, -1).join('.');
/** The last key of a path. */
export const keyOf = (path: FieldPath): string => path.split('.').pop() ?? '';

/** Every if/then branch of an object, nested branches inside `then` included. */
export function branchesOf(holder: JsonSchema): JsonSchema[] {
  const found: JsonSchema[] = [];
  const visit = (node: JsonSchema | undefined) => {
    for (const branch of (node?.allOf ?? []) as JsonSchema[]) {
      if (branch && typeof branch === 'object' && branch.then) {
        found.push(branch);
        visit(branch.then);
      }
    }
  };
  visit(holder);
  return found;
}

/** Finds a key in an object: its own properties first, then its conditional branches. */
export function findInObject(holder: JsonSchema, key: string): Omit<FieldLocation, 'parentPath' | 'holder'> | undefined {
  const own = holder.properties as Record<string, JsonSchema> | undefined;
  if (own && Object.prototype.hasOwnProperty.call(own, key)) return { key, properties: own, requiredOwner: holder, node: own[key]! };
  for (const branch of branchesOf(holder)) {
    const props = branch.then.properties as Record<string, JsonSchema> | undefined;
    if (props && Object.prototype.hasOwnProperty.call(props, key)) return { key, properties: props, requiredOwner: branch.then, branch, node: props[key]! };
  }
  return undefined;
}

const isNoteOnly = (node: unknown) => typeof node === 'object' && node !== null && Object.keys(node).length === 1 && 'x-note' in node;

/**
 * The object node at the end of a branch's chain: `then.properties.a.properties.b`
 * (through `items` for a repeating group), or undefined when the chain is absent.
 */
export function chainEnd(then: JsonSchema, segments: string[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = then;
  for (const seg of segments) {
    const next: JsonSchema | undefined = (node?.properties as Record<string, JsonSchema> | undefined)?.[seg];
    if (!next || typeof next !== 'object') return undefined;
    node = next.items && typeof next.items === 'object' && !Array.isArray(next.items) ? (next.items as JsonSchema) : next;
  }
  return node;
}

/** A chain node: only leads to deeper fields (`{properties}` / `{items}`), no field of its own. */
export const isChainNode = (node: unknown): boolean =>
  typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length > 0 && Object.keys(node).every((k) => k === 'properties' || k === 'required' || k === 'items');

/**
 * The object at the end of a branch's chain towards the object at `toPath`
 * from the one at `fromPath` (created when missing; `then` itself when equal).
 */
export function ensureChain(schema: JsonSchema, then: JsonSchema, fromPath: FieldPath, toPath: FieldPath): JsonSchema {
  if (fromPath === toPath) return then;
  const segments = (fromPath === '' ? toPath : toPath.slice(fromPath.length + 1)).split('.');
  let node = then;
  segments.forEach((seg, i) => {
    const isGroup = locateField(schema, joinPath(fromPath, segments.slice(0, i + 1).join('.')))?.node.type === 'array';
    const props = (node.properties ??= {}) as Record<string, JsonSchema>;
    const next: JsonSchema = (props[seg] ??= isGroup ? { items: {} } : {});
    node = isGroup ? (next.items ??= {}) : next;
  });
  return node;
}

/** Removes chain nodes left empty under a `then` (true when `node` itself is left empty). */
export function pruneChain(node: JsonSchema): boolean {
  const props = node.properties as Record<string, JsonSchema> | undefined;
  if (props) {
    for (const [k, child] of Object.entries(props)) {
      if (!isChainNode(child)) continue;
      const inner = child.items && typeof child.items === 'object' ? (child.items as JsonSchema) : child;
      if (pruneChain(inner) && (inner === child || Object.keys(child).length === 1)) delete props[k];
    }
    if (Object.keys(props).length === 0) delete node.properties;
  }
  if (Array.isArray(node.required) && node.required.length === 0) delete node.required;
  return Object.keys(node).length === 0;
}

/** The proper ancestors of an object path, nearest first ('a.b' → 'a', ''). */
export function ancestorsOf(path: FieldPath): FieldPath[] {
  if (path === '') return [];
  const keys = path.split('.');
  return keys.map((_, i) => keys.slice(0, keys.length - 1 - i).join('.'));
}

/** Finds a field placed by a condition on an ancestor object (`then.properties.<section>….<key>`). */
function findChained(schema: JsonSchema, parentPath: FieldPath, key: string): Omit<FieldLocation, 'parentPath' | 'holder'> | undefined {
  for (const ancestor of ancestorsOf(parentPath)) {
    const holder = objectAt(schema, ancestor);
    if (!holder) continue;
    const segments = (ancestor === '' ? parentPath : parentPath.slice(ancestor.length + 1)).split('.');
    for (const branch of branchesOf(holder)) {
      const end = chainEnd(branch.then, segments);
      const props = end?.properties as Record<string, JsonSchema> | undefined;
      if (props && Object.prototype.hasOwnProperty.call(props, key) && !isNoteOnly(props[key])) return { key, properties: props, requiredOwner: end!, branch, branchPath: ancestor, node: props[key]! };
    }
  }
  return undefined;
}

/** Finds a key of the object at `parentPath`: its own fields and branches, then fields an ancestor's condition places in it. */
export function findField(schema: JsonSchema, parentPath: FieldPath, holder: JsonSchema, key: string): Omit<FieldLocation, 'parentPath' | 'holder'> | undefined {
  const own = findInObject(holder, key);
  if (own) return own.branch ? { ...own, branchPath: parentPath } : own;
  return findChained(schema, parentPath, key);
}

/** Keys an ancestor's conditions place in the object at `path`. */
export function chainedKeys(schema: JsonSchema, path: FieldPath): string[] {
  const keys = new Set<string>();
  for (const ancestor of ancestorsOf(path)) {
    const holder = objectAt(schema, ancestor);
    if (!holder) continue;
    const segments = (ancestor === '' ? path : path.slice(ancestor.length + 1)).split('.');
    for (const branch of branchesOf(holder)) {
      for (const [k, node] of Object.entries((chainEnd(branch.then, segments)?.properties ?? {}) as Record<string, JsonSchema>)) if (!isNoteOnly(node)) keys.add(k);
    }
  }
  return [...keys];
}

/** The object schema whose fields a node holds: itself, or a repeating group's item. */
export function containerOf(node: JsonSchema | undefined): JsonSchema | undefined {
  if (!node || typeof node !== 'object' || node.$ref) return undefined;
  if (node.type === 'array' && node.items && typeof node.items === 'object' && !Array.isArray(node.items)) {
    return node.items.type === 'object' && !node.items.$ref ? node.items : undefined;
  }
  return node.type === 'object' ? node : undefined;
}

/** The object schema at a path ('' is the root); undefined when the path is not an editable object. */
export function objectAt(schema: JsonSchema, path: FieldPath): JsonSchema | undefined {
  if (path === '') return schema;
  const location = locateField(schema, path);
  return containerOf(location?.node);
}

/** Locates a field by path, or undefined. */
export function locateField(schema: JsonSchema, path: FieldPath): FieldLocation | undefined {
  const keys = path.split('.');
  let holder: JsonSchema | undefined = schema;
  let parentPath = '';
  for (let i = 0; i < keys.length; i++) {
    if (!holder) return undefined;
    const found = findField(schema, parentPath, holder, keys[i]!);
    if (!found) return undefined;
    if (i === keys.length - 1) return { ...found, parentPath, holder };
    parentPath = joinPath(parentPath, keys[i]!);
    holder = containerOf(found.node);
  }
  return undefined;
}

/** Every key of an object's fields, own first, then conditional ones, without duplicates. */
export function fieldKeys(holder: JsonSchema): string[] {
  const keys = new Set<string>(Object.keys((holder.properties ?? {}) as object));
  for (const branch of branchesOf(holder)) for (const k of Object.keys((branch.then.properties ?? {}) as object)) keys.add(k);
  return [...keys];
}

/** Whether a key is required in its object (always, or when its condition holds). */
export function isRequiredIn(holder: JsonSchema, key: string): boolean {
  if (((holder.required ?? []) as string[]).includes(key)) return true;
  return branchesOf(holder).some((b) => ((b.then.required ?? []) as string[]).includes(key));
}

/**
 * The uiSchema node of a field (or of the object at `path`), following the
 * schema so that a repeating group's fields sit under `items`. With `create`,
 * missing nodes are added (the uiSchema must be a private copy then).
 */
export function uiAt(uiSchema: UiSchema, schema: JsonSchema, path: FieldPath, create = false): UiSchema | undefined {
  if (path === '') return uiSchema;
  let ui: UiSchema | undefined = uiSchema;
  let holder: JsonSchema | undefined = schema;
  const keys = path.split('.');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (!ui || !holder) return undefined;
    const found = findField(schema, keys.slice(0, i).join('.'), holder, key);
    if (!found) return undefined;
    if (!ui[key] || typeof ui[key] !== 'object') {
      if (!create) return undefined;
      ui[key] = {};
    }
    ui = ui[key] as UiSchema;
    if (found.node.type === 'array' && found.node.items && !found.node.items.$ref && found.node.items.type === 'object') {
      // A group's own options stay on the array node; the next key is inside its items.
      holder = found.node.items;
      if (i < keys.length - 1) {
        if (!ui.items) {
          if (!create) return undefined;
          ui.items = {};
        }
        ui = ui.items as UiSchema;
      }
    } else holder = containerOf(found.node);
  }
  return ui;
}

/** The uiSchema node that orders an object's fields (a group's item node for groups). */
export function orderUiAt(uiSchema: UiSchema, schema: JsonSchema, objectPath: FieldPath, create = false): UiSchema | undefined {
  const ui = uiAt(uiSchema, schema, objectPath, create);
  if (!ui || objectPath === '') return ui;
  const node = locateField(schema, objectPath)?.node;
  if (node?.type === 'array') {
    if (!ui.items) {
      if (!create) return undefined;
      ui.items = {};
    }
    return ui.items as UiSchema;
  }
  return ui;
}

/** An object's field keys in display order (its `ui:order`, then the rest in schema order). */
export function orderedKeys(uiSchema: UiSchema, schema: JsonSchema, objectPath: FieldPath): string[] {
  const holder = objectAt(schema, objectPath);
  if (!holder) return [];
  const all = [...new Set([...fieldKeys(holder), ...chainedKeys(schema, objectPath)])];
  const order = (orderUiAt(uiSchema, schema, objectPath)?.['ui:order'] ?? []) as string[];
  const listed = order.filter((k) => k !== '*' && all.includes(k));
  return [...listed, ...all.filter((k) => !listed.includes(k))];
}

/** A deep copy of JSON data (documents are plain JSON). */
export const cloneJson = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
