/**
 * The outline of a form as staff think of it: fields in display order with
 * their type, label, help, required flag, options, rules and "show when"
 * condition. The builder draws its field list from it; diffs compare it.
 */
import type { CardPrefillMarker } from '../identity/cardIdentity';
import type { JsonSchema } from '../form/jsonSchema';
import type { FieldKind, FieldPath, FormDocument, ShowWhen, ValidationRules, Widget } from './types';
import { containerOf, findField, joinPath, orderedKeys, uiAt, objectAt } from './fieldPaths';
import { classifyField, optionsOf, readRules } from './fieldKinds';
import { parseIf } from './showWhen';
import { logicRulesOf } from './fieldLogic';
import type { FieldLogic } from '../logic/types';
import { isMyNumberNode, isSensitiveNode } from '../form/sensitive';
import { CAPACITY_KEYWORD, type CapacityRule } from '../form/capacity';

/** One field of the outline. */
export interface FieldInfo {
  path: FieldPath;
  key: string;
  parentPath: FieldPath;
  label: string;
  kind: FieldKind | 'custom';
  /** Required (when shown). */
  required: boolean;
  /** null: always shown; `custom`: a condition the builder cannot show as "show when…". */
  showWhen: ShowWhen | null | 'custom';
  /** The field's first rule on earlier answers (show, require, message); `custom` for shapes the builder cannot edit. */
  logic: FieldLogic | null | 'custom';
  /** All its rules (at most one of each effect); `custom` for shapes the builder cannot edit. */
  logicRules: FieldLogic[] | 'custom';
  options?: string[];
  help?: string;
  description?: string;
  placeholder?: string;
  widget?: Widget | string;
  rules: ValidationRules;
  /** Nesting depth (0 = top level). */
  depth: number;
  /** Fields of a section or a repeating group's entry. */
  children?: FieldInfo[];
  /** For repeating groups: the heading of one entry. */
  itemLabel?: string;
  /** Marked sensitive (`x-sensitive`, or a 個人番号): masked in lists and exports. */
  sensitive: boolean;
  /** A 個人番号: sensitive whatever the form says. */
  sensitiveLocked: boolean;
  /** Places per option (single choices with `x-capacity` only). */
  capacity?: CapacityRule;
  /** Which of its fields the My Number Card fills (sections only). */
  cardPrefill?: CardPrefillMarker;
}

function describeObject(doc: FormDocument, holder: JsonSchema, parentPath: FieldPath, depth: number): FieldInfo[] {
  return orderedKeys(doc.uiSchema ?? {}, doc.schema, parentPath).map((key) => {
    const found = findField(doc.schema, parentPath, holder, key)!;
    const path = joinPath(parentPath, key);
    const logicRules = logicRulesOf(doc.schema, { ...found, parentPath, holder });
    const ui = uiAt(doc.uiSchema ?? {}, doc.schema, path) ?? {};
    const kind = classifyField(found.node, ui);
    const required = ((found.requiredOwner.required ?? []) as string[]).includes(key) || ((holder.required ?? []) as string[]).includes(key);
    const info: FieldInfo = {
      path,
      key,
      parentPath,
      label: typeof found.node.title === 'string' ? found.node.title : '',
      kind,
      required,
      showWhen: found.branch ? (parseIf(found.branch.if) ?? 'custom') : null,
      logic: logicRules === 'custom' ? 'custom' : (logicRules[0] ?? null),
      logicRules,
      rules: readRules(found.node, kind),
      depth,
      sensitive: isSensitiveNode(found.node) || kind === 'myNumber',
      sensitiveLocked: kind === 'myNumber' || isMyNumberNode(found.node),
    };
    const options = optionsOf(found.node, doc.schema.definitions);
    if (options && (kind === 'choice' || kind === 'multiChoice')) info.options = options;
    const capacity = found.node[CAPACITY_KEYWORD] as CapacityRule | undefined;
    if (kind === 'choice' && capacity && typeof capacity === 'object' && capacity.limits) info.capacity = capacity;
    if (typeof ui['ui:help'] === 'string') info.help = ui['ui:help'];
    if (typeof ui['ui:description'] === 'string') info.description = ui['ui:description'];
    if (typeof ui['ui:placeholder'] === 'string') info.placeholder = ui['ui:placeholder'];
    if (typeof ui['ui:widget'] === 'string') info.widget = ui['ui:widget'];
    if (ui['ui:cardPrefill'] && typeof ui['ui:cardPrefill'] === 'object') info.cardPrefill = ui['ui:cardPrefill'] as CardPrefillMarker;
    const container = containerOf(found.node);
    if (container) {
      info.children = describeObject(doc, container, path, depth + 1);
      if (kind === 'group' && typeof found.node.items?.title === 'string') info.itemLabel = found.node.items.title;
    }
    return info;
  });
}

/** The form's fields as a tree, in display order. */
export function describeFields(doc: FormDocument): FieldInfo[] {
  return describeObject(doc, objectAt(doc.schema, '') ?? {}, '', 0);
}

/** Every field of the tree, parents before their children. */
export function flattenFields(fields: FieldInfo[]): FieldInfo[] {
  return fields.flatMap((f) => [f, ...flattenFields(f.children ?? [])]);
}

/** A field's label by path ('' for the form itself), falling back to the key. */
export function fieldLabel(doc: FormDocument, path: FieldPath): string {
  if (path === '') return doc.procedure.title;
  const found = flattenFields(describeFields(doc)).find((f) => f.path === path);
  return found?.label || path.split('.').pop() || path;
}
