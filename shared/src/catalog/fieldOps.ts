/**
 * Edits of fields: add, remove, move, require, condition ("show when…"),
 * options, rules and texts. Each function changes a private copy of the
 * document in place and throws EditRefusedError when the edit does not fit.
 */
import { CARD_PREFILL_KEY, type CardClaim, type CardPrefillMarker } from '../identity/cardIdentity';
import type { JsonSchema } from '../form/jsonSchema';
import { COMMON_DEFINITIONS } from '../form/commonDefinitions';
import { SENSITIVE_KEYWORD, isMyNumberNode } from '../form/sensitive';
import type { FormDocument, FieldPath, NewField, ShowWhen, ValidationRules, Widget } from './types';
import { FIELD_KEY_PATTERN, branchesOf, chainedKeys, ensureChain, fieldKeys, findInObject, joinPath, locateField, objectAt, parentOf, pruneChain, uiAt, type FieldLocation } from './fieldPaths';
import { applyRules, buildField, classifyField } from './fieldKinds';
import { buildIf, parseIf, sameIf } from './showWhen';
import { conditionUsers, setLogic } from './fieldLogic';
import type { FieldLogic } from '../logic/types';
import { invalidEdit } from './editRefused';
import { placeKey, unplaceKey, writeOrder } from './formLayout';
import { LABEL_FROM_KEY } from './importSchema';
import { followOptionChange } from './capacityOps';

/** The field at `path`, or a refusal naming it. */
export function requireField(doc: FormDocument, path: FieldPath): FieldLocation {
  return locateField(doc.schema, path) ?? invalidEdit(`項目「${path}」が見つかりません。`);
}

const labelOf = (loc: FieldLocation) => (typeof loc.node.title === 'string' && loc.node.title ? loc.node.title : loc.key);

function addRequired(owner: JsonSchema, key: string): void {
  const list = (owner.required ?? []) as string[];
  if (!list.includes(key)) owner.required = [...list, key];
}

function dropRequired(owner: JsonSchema, key: string): void {
  const list = ((owner.required ?? []) as string[]).filter((k) => k !== key);
  if (list.length > 0) owner.required = list;
  else delete owner.required;
}

/** Removes branches left with nothing in them, and empty `allOf` lists. */
function pruneBranches(node: JsonSchema): void {
  if (!Array.isArray(node.allOf)) return;
  for (const branch of node.allOf as JsonSchema[]) {
    if (!branch?.then) continue;
    pruneChain(branch.then);
    pruneBranches(branch.then);
  }
  node.allOf = (node.allOf as JsonSchema[]).filter((b) => {
    if (!b?.then) return true;
    const t = b.then as JsonSchema;
    const empty = Object.keys(t.properties ?? {}).length === 0 && !(t.required ?? []).length && !(t.allOf ?? []).length && Object.keys(t).every((k) => ['properties', 'required', 'allOf'].includes(k));
    return !empty;
  });
  if ((node.allOf as JsonSchema[]).length === 0) delete node.allOf;
}

/** Replaces a simple `$ref` (a date, 性別…) by a copy of its definition, so it can be changed locally. */
function materialize(doc: FormDocument, loc: FieldLocation): JsonSchema {
  if (typeof loc.node.$ref !== 'string') return loc.node;
  const name = loc.node.$ref.replace('#/definitions/', '');
  const definition = (doc.schema.definitions?.[name] ?? COMMON_DEFINITIONS[name]) as JsonSchema | undefined;
  if (!definition || definition.type === 'object') invalidEdit(`「${labelOf(loc)}」はまとまった入力欄のため、この変更はできません。`);
  const { $ref: _ref, ...local } = loc.node;
  const copy = { ...JSON.parse(JSON.stringify(definition)), ...local } as JsonSchema;
  loc.properties[loc.key] = copy;
  return copy;
}

/** Sets a field's label (its schema `title`). */
export function setLabel(doc: FormDocument, path: FieldPath, label: string): void {
  const { node } = requireField(doc, path);
  node.title = label;
  delete node[LABEL_FROM_KEY]; // named by staff now
}

/** Sets a uiSchema text (`ui:help`, `ui:description`, `ui:placeholder`); an empty text removes it. */
export function setUiText(doc: FormDocument, path: FieldPath, uiKey: 'ui:help' | 'ui:description' | 'ui:placeholder', text: string): void {
  requireField(doc, path);
  const ui = uiAt(doc.uiSchema, doc.schema, path, true)!;
  if (text.trim()) ui[uiKey] = text;
  else delete ui[uiKey];
}

/** Makes a field required (where it is shown) or optional. */
export function setRequired(doc: FormDocument, path: FieldPath, required: boolean): void {
  const loc = requireField(doc, path);
  if (required) {
    addRequired(loc.requiredOwner, loc.key);
    // An empty list would satisfy "required": a required group or multi-choice needs one entry.
    if (loc.node.type === 'array' && !(loc.node.minItems >= 1)) loc.node.minItems = 1;
  } else {
    dropRequired(loc.requiredOwner, loc.key);
    dropRequired(loc.holder, loc.key);
    for (const b of branchesOf(loc.holder)) if (b.then.required) dropRequired(b.then, loc.key);
    if (loc.node.type === 'array' && loc.node.minItems === 1) delete loc.node.minItems;
    pruneBranches(loc.holder);
  }
}

/** Replaces the options of a choice or multi-choice field. */
export function setOptions(doc: FormDocument, path: FieldPath, options: string[]): void {
  const loc = requireField(doc, path);
  const cleaned = options.map((o) => o.trim());
  if (cleaned.length === 0 || cleaned.some((o) => !o)) invalidEdit(`「${labelOf(loc)}」の選択肢を1つ以上、空欄なしで入力してください。`);
  if (new Set(cleaned).size !== cleaned.length) invalidEdit(`「${labelOf(loc)}」の選択肢に同じものがあります。`);
  const node = materialize(doc, loc);
  if (node.type === 'array' && node.items?.enum) node.items = { ...node.items, enum: cleaned };
  else if (Array.isArray(node.enum)) {
    followOptionChange(node, (node.enum as unknown[]).map(String), cleaned);
    node.enum = cleaned;
  } else invalidEdit(`「${labelOf(loc)}」は選択肢のある項目ではありません。`);
}

/** Sets validation rules (null removes one); a lower bound above the upper is refused. */
export function setRules(doc: FormDocument, path: FieldPath, rules: ValidationRules): void {
  const loc = requireField(doc, path);
  const kind = classifyField(loc.node, uiAt(doc.uiSchema, doc.schema, path));
  const node = rules.dateRule !== undefined ? materialize(doc, loc) : loc.node;
  for (const [a, b] of [
    ['minLength', 'maxLength'],
    ['minimum', 'maximum'],
    ['minItems', 'maxItems'],
  ] as const) {
    const lo = rules[a] ?? (rules[a] === null ? undefined : node[a]);
    const hi = rules[b] ?? (rules[b] === null ? undefined : node[b]);
    if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) invalidEdit(`「${labelOf(loc)}」の下限が上限より大きくなっています。`);
  }
  applyRules(node, kind, rules);
}

/** Chooses how a field is shown (radio buttons, a list …). */
export function setWidget(doc: FormDocument, path: FieldPath, widget: Widget): void {
  requireField(doc, path);
  const ui = uiAt(doc.uiSchema, doc.schema, path, true)!;
  if (widget === 'default') delete ui['ui:widget'];
  else ui['ui:widget'] = widget;
}

/** The node with a simple `$ref` resolved (read only), to see what the field really is. */
function resolvedNode(doc: FormDocument, node: JsonSchema): JsonSchema {
  if (typeof node.$ref !== 'string') return node;
  const name = node.$ref.replace('#/definitions/', '');
  return { ...((doc.schema.definitions?.[name] ?? COMMON_DEFINITIONS[name] ?? {}) as JsonSchema), ...node };
}

/**
 * Marks a field sensitive (`x-sensitive`) or clears the mark. The mark sits on
 * the field's own node (beside a `$ref`), so a 口座 block is marked as a whole.
 */
export function setSensitive(doc: FormDocument, path: FieldPath, sensitive: boolean): void {
  const loc = requireField(doc, path);
  if (!sensitive && isMyNumberNode(resolvedNode(doc, loc.node))) invalidEdit(`「${labelOf(loc)}」は個人番号のため、常に機微情報として扱われます（解除できません）。`);
  if (sensitive) loc.node[SENSITIVE_KEYWORD] = true;
  else delete loc.node[SENSITIVE_KEYWORD];
}

/** What each claim of the card may fill: a 氏名 block, a 住所 block, a date, a choice offering 男 and 女. */
const CARD_TARGETS: Record<CardClaim, { kinds: readonly string[]; label: string }> = {
  name: { kinds: ['personName'], label: '氏名' },
  address: { kinds: ['address'], label: '住所' },
  birthdate: { kinds: ['date'], label: '生年月日' },
  gender: { kinds: ['choice'], label: '性別' },
};

/**
 * Says which fields of a section the My Number Card fills (`ui:cardPrefill`), or
 * that it fills none. Each named field must be in the section and of a kind the
 * claim can fill; a 性別 choice must offer 男 and 女.
 */
export function setCardPrefill(doc: FormDocument, path: FieldPath, prefill: CardPrefillMarker | null): void {
  const loc = requireField(doc, path);
  const container = objectAt(doc.schema, path);
  if (!container) invalidEdit(`「${labelOf(loc)}」はまとまり（セクション）ではないため、マイナンバーカードから入力できません。`);
  const ui = uiAt(doc.uiSchema, doc.schema, path, true)!;
  if (!prefill) return void delete ui[CARD_PREFILL_KEY];
  const marker: CardPrefillMarker = {};
  for (const claim of Object.keys(CARD_TARGETS) as CardClaim[]) {
    const key = prefill[claim];
    if (!key) continue;
    const child = findInObject(container, key);
    const childPath = joinPath(path, key);
    const kind = child ? classifyField(resolvedNode(doc, child.node), uiAt(doc.uiSchema, doc.schema, childPath)) : undefined;
    if (!child || !kind || !CARD_TARGETS[claim].kinds.includes(kind))
      invalidEdit(`${CARD_TARGETS[claim].label}を入れる項目「${key}」が「${labelOf(loc)}」の中にないか、${CARD_TARGETS[claim].label}を入れられない種類です。`);
    if (claim === 'gender' && !['男', '女'].every((v) => (resolvedNode(doc, child.node).enum ?? []).includes(v))) invalidEdit(`性別を入れる項目「${key}」に「男」「女」の選択肢がありません。`);
    marker[claim] = key;
  }
  if (Object.keys(marker).length === 0) invalidEdit('マイナンバーカードから入れる項目を1つ以上選んでください。');
  if (prefill.editable) marker.editable = true;
  ui[CARD_PREFILL_KEY] = marker;
}

/** Moves a field into (or out of) an if/then branch of its object. */
export function setShowWhen(doc: FormDocument, path: FieldPath, showWhen: ShowWhen | null): void {
  const loc = requireField(doc, path);
  if (showWhen) {
    if (showWhen.field === loc.key) invalidEdit(`「${labelOf(loc)}」の表示条件に、その項目自身は使えません。`);
    const sibling = findInObject(loc.holder, showWhen.field);
    if (!sibling) invalidEdit(`表示条件に使う項目「${showWhen.field}」が同じまとまりの中にありません。`);
    if (showWhen.in === undefined && showWhen.equals === undefined) invalidEdit('表示条件の値を選んでください。');
    if (showWhen.in !== undefined && showWhen.in.length === 0) invalidEdit('表示条件の値を1つ以上選んでください。');
  }
  setLogic(doc, path, null, (ifSchema, atPath) => placeInBranch(doc, path, ifSchema, atPath));
  placeInBranch(doc, path, showWhen ? buildIf(showWhen, findInObject(loc.holder, showWhen.field)!.node) : null);
}

/** Sets a field's rule: shown, required or a note when a condition holds (fieldLogic.ts); null removes it. */
export function setFieldLogic(doc: FormDocument, path: FieldPath, logic: FieldLogic | FieldLogic[] | null): void {
  requireField(doc, path);
  setLogic(doc, path, logic, (ifSchema, atPath) => placeInBranch(doc, path, ifSchema, atPath));
}

/**
 * Moves a field into the branch with this `if` on the object at `atPath` (its
 * own or an ancestor; null: out of any branch), keeping its place and required flag.
 */
function placeInBranch(doc: FormDocument, path: FieldPath, ifSchema: JsonSchema | null, atPath: FieldPath = parentOf(path)): void {
  const loc = requireField(doc, path);
  writeOrder(doc, loc.parentPath); // keep the field where it is shown
  const wasRequired = ((loc.requiredOwner.required ?? []) as string[]).includes(loc.key);
  delete loc.properties[loc.key];
  dropRequired(loc.requiredOwner, loc.key);
  let target: JsonSchema;
  if (!ifSchema) target = loc.holder;
  else {
    const branches = (objectAt(doc.schema, atPath)!.allOf ??= []) as JsonSchema[];
    let branch = branches.find((b) => b?.then && sameIf(b.if, ifSchema));
    if (!branch) branches.push((branch = { if: ifSchema, then: {} }));
    target = ensureChain(doc.schema, branch.then, atPath, loc.parentPath);
  }
  (target.properties ??= {})[loc.key] = loc.node;
  if (wasRequired) addRequired(target, loc.key);
  pruneBranches(loc.holder);
  if (loc.branchPath !== undefined && loc.branchPath !== loc.parentPath) pruneBranches(objectAt(doc.schema, loc.branchPath)!);
}

/** The condition a field is shown under: none (null), a simple one, or `custom` for other shapes. */
export function showWhenOf(loc: FieldLocation): ShowWhen | null | 'custom' {
  if (!loc.branch) return null;
  return parseIf(loc.branch.if) ?? 'custom';
}

/** Adds a field to an object (`parent` '' is the form), after `after`, in `step` at the top level. */
export function addField(doc: FormDocument, parent: FieldPath, field: NewField, after?: string | null, step?: number): void {
  const holder = objectAt(doc.schema, parent) ?? invalidEdit(`項目を追加する場所「${parent}」が見つかりません。`);
  if (!FIELD_KEY_PATTERN.test(field.key)) invalidEdit(`項目キー「${field.key}」は半角英字で始まる英数字（_ 可）にしてください。`);
  if ([...fieldKeys(holder), ...chainedKeys(doc.schema, parent)].includes(field.key)) invalidEdit(`項目キー「${field.key}」は既に使われています。別のキーにしてください。`);
  if (after && !fieldKeys(holder).includes(after)) after = undefined; // the anchor is gone: add at the end
  const { schema, ui } = buildField(field);
  writeOrder(doc, parent);
  (holder.properties ??= {})[field.key] = schema;
  const path = joinPath(parent, field.key);
  if (Object.keys(ui).length > 0) Object.assign(uiAt(doc.uiSchema, doc.schema, path, true)!, ui);
  placeKey(doc, parent, field.key, after, step);
  if (field.required) setRequired(doc, path, true);
  else if (schema.type === 'array' && field.kind === 'group') delete schema.minItems;
  if (field.showWhen) setShowWhen(doc, path, field.showWhen);
}

/** Where a field is used by other parts of the form (conditions, attachments), in Japanese. */
function usesOf(doc: FormDocument, loc: FieldLocation, path: FieldPath): string[] {
  const uses: string[] = conditionUsers(doc, path).map((names) => `${names}の表示条件`);
  for (const a of doc.procedure.attachments ?? []) {
    if (a.condition && (a.condition.field === path || a.condition.field.startsWith(`${path}.`))) uses.push(`添付書類「${a.label}」の条件`);
  }
  return uses;
}

/** Removes a field; refused while a condition or an attachment uses it. */
export function removeField(doc: FormDocument, path: FieldPath): void {
  const loc = requireField(doc, path);
  const uses = usesOf(doc, loc, path);
  if (uses.length > 0) invalidEdit(`「${labelOf(loc)}」は${uses.join('、')}に使われているため削除できません。先にその条件を変更してください。`);
  setLogic(doc, path, null, () => undefined); // its own require / note rules go with it
  unplaceKey(doc, loc.parentPath, loc.key);
  const parentUi = loc.parentPath === '' ? doc.uiSchema : uiAt(doc.uiSchema, doc.schema, loc.parentPath);
  const uiHolder = loc.parentPath !== '' && locateField(doc.schema, loc.parentPath)?.node.type === 'array' ? parentUi?.items : parentUi;
  if (uiHolder) delete uiHolder[loc.key];
  delete loc.properties[loc.key];
  dropRequired(loc.requiredOwner, loc.key);
  dropRequired(loc.holder, loc.key);
  for (const b of branchesOf(loc.holder)) if (b.then.required) dropRequired(b.then, loc.key);
  pruneBranches(loc.holder);
  if (loc.branchPath !== undefined && loc.branchPath !== loc.parentPath) pruneBranches(objectAt(doc.schema, loc.branchPath)!);
}

/** Moves a field right after a sibling (null: first; with `step`, first of that step). */
export function moveField(doc: FormDocument, path: FieldPath, after: string | null, step?: number): void {
  const loc = requireField(doc, path);
  if (after !== null && !locateField(doc.schema, joinPath(loc.parentPath, after))) invalidEdit(`移動先の基準となる項目「${after}」が見つかりません。`);
  placeKey(doc, loc.parentPath, loc.key, after, loc.parentPath === '' ? step : undefined);
}
