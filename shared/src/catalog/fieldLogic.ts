/**
 * A field's rule (show it, require it, or show a note, when a condition on
 * earlier answers holds), read from and written to the form schema. The
 * condition is compiled (logic/compile.ts) into an `allOf` if/then branch of
 * the object holding the field, so it may refer to that object's answers,
 * also inside sections (`household.count`) and, for a field in a repeating
 * group's row, to that row's answers. A condition on answers outside the
 * field's object is placed on the nearest common ancestor object, its `then`
 * reaching the field through `properties` (and a group's `items`). A field
 * has at most one rule of each effect.
 *
 * - show: the field sits in `then.properties` (the shape presets use);
 * - require: `then.required` lists the field, which stays in the object;
 * - message: `then.properties.<key>` is only `{"x-note": {level, ja, en?}}`.
 */
import type { JsonSchema } from '../form/jsonSchema';
import type { FieldPath, FormDocument } from './types';
import { ancestorsOf, branchesOf, chainEnd, containerOf, ensureChain, isChainNode, joinPath, locateField, objectAt, parentOf, pruneChain, uiAt, type FieldLocation } from './fieldPaths';
import { classifyField } from './fieldKinds';
import { invalidEdit } from './editRefused';
import { compileCondition, parseCondition } from '../logic/compile';
import { NOTE_KEYWORD } from '../logic/dateCompare';
import { DATE_OPS, conditionFields, isLeaf, type Condition, type FieldLogic } from '../logic/types';
import { sameIf } from './showWhen';

/** A branch's `then.properties.<key>` that only carries a note (not a field). */
export const isNoteStub = (node: unknown): node is { [NOTE_KEYWORD]: FieldLogic['note'] } => typeof node === 'object' && node !== null && Object.keys(node).length === 1 && NOTE_KEYWORD in node;

const topBranches = (holder: JsonSchema) => ((holder.allOf ?? []) as JsonSchema[]).filter((b) => b && typeof b === 'object' && b.then && typeof b.then === 'object');

/** The object paths where a rule of the field at `loc` may sit: its own object, then each ancestor (nearest first). */
function ruleBranches(schema: JsonSchema, loc: FieldLocation): Array<[FieldPath, JsonSchema, JsonSchema, JsonSchema]> {
  const out: Array<[FieldPath, JsonSchema, JsonSchema, JsonSchema]> = [];
  for (const atPath of [loc.parentPath, ...ancestorsOf(loc.parentPath)]) {
    const holder = atPath === loc.parentPath ? loc.holder : objectAt(schema, atPath);
    if (!holder) continue;
    const segments = atPath === loc.parentPath ? [] : (atPath === '' ? loc.parentPath : loc.parentPath.slice(atPath.length + 1)).split('.');
    for (const b of topBranches(holder)) {
      const end = chainEnd(b.then as JsonSchema, segments);
      if (end) out.push([atPath, holder, b, end]);
    }
  }
  return out;
}

/** The rules of a located field (show first), or `custom` when one has a shape the builder cannot read. */
export function logicRulesOf(schema: JsonSchema, loc: FieldLocation): FieldLogic[] | 'custom' {
  const rules: FieldLogic[] = [];
  if (loc.branch) {
    const when = parseCondition(loc.branch.if, loc.branchPath ?? loc.parentPath);
    if (!when) return 'custom';
    rules.push({ effect: 'show', when });
  }
  for (const [atPath, , b, end] of ruleBranches(schema, loc)) {
    const stub = (end.properties ?? {})[loc.key];
    const requires = ((end.required ?? []) as string[]).includes(loc.key) && stub === undefined;
    if (!requires && !isNoteStub(stub)) continue;
    const when = parseCondition(b.if, atPath);
    if (!when) return 'custom';
    rules.push(requires ? { effect: 'require', when } : { effect: 'message', when, note: stub[NOTE_KEYWORD] });
  }
  return rules;
}

/** The first rule of a located field: none (null), one the builder can show, or `custom`. */
export function logicOf(schema: JsonSchema, loc: FieldLocation): FieldLogic | null | 'custom' {
  const rules = logicRulesOf(schema, loc);
  return rules === 'custom' ? rules : (rules[0] ?? null);
}

/**
 * Where a condition on `when` for the field at `loc` is placed: the nearest
 * object holding both the field and every answer it reads (its own object
 * when they are all there, e.g. a row for a row's answers).
 */
export function conditionHolder(loc: FieldLocation, when: Condition): FieldPath {
  let common = loc.parentPath === '' ? [] : loc.parentPath.split('.');
  for (const p of conditionFields(when)) {
    const parent = parentOf(p) === '' ? [] : parentOf(p).split('.');
    let i = 0;
    while (i < common.length && i < parent.length && common[i] === parent[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('.');
}

const labelOf = (loc: FieldLocation) => (typeof loc.node.title === 'string' && loc.node.title ? loc.node.title : loc.key);

/** Refuses a condition that does not fit the form: unknown answers, answers out of reach, operators that do not fit. */
export function checkCondition(doc: FormDocument, loc: FieldLocation, path: FieldPath, when: Condition, depth = 0): void {
  if (depth > 2) invalidEdit('条件の入れ子が深すぎます（2段まで）。');
  if (!isLeaf(when)) {
    const list = 'all' in when ? when.all : when.any;
    if (list.length === 0) invalidEdit('条件を1つ以上指定してください。');
    for (const c of list) checkCondition(doc, loc, path, c, depth + 1);
    return;
  }
  for (const p of conditionFields(when)) {
    const target = locateField(doc.schema, p);
    if (!target) invalidEdit(`条件に使う項目「${p}」が見つかりません。`);
    if (p === path || p.startsWith(`${path}.`)) invalidEdit(`「${labelOf(loc)}」の条件に、その項目自身は使えません。`);
    // The branch sits in the nearest object holding both: the answer must not be behind a repeating group from there (another row's answer).
    const holderPath = conditionHolder(loc, when);
    const prefix = holderPath ? `${holderPath}.` : '';
    const segments = p.slice(prefix.length).split('.');
    for (let i = 1; i < segments.length; i++) {
      const between = locateField(doc.schema, prefix + segments.slice(0, i).join('.'));
      if (between?.node.type === 'array') invalidEdit(`条件に使う「${target.node.title ?? p}」は別の繰り返しの中にあるため使えません。`);
    }
  }
  const kindAt = (p: FieldPath) => classifyField(locateField(doc.schema, p)!.node, uiAt(doc.uiSchema, doc.schema, p));
  const kind = kindAt(when.field);
  const name = `「${locateField(doc.schema, when.field)!.node.title ?? when.field}」`;
  const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  switch (when.op) {
    case 'equals':
      if (when.value === undefined) invalidEdit(`${name}の条件の値を選んでください。`);
      break;
    case 'oneOf':
      if (!when.values || when.values.length === 0) invalidEdit(`${name}の条件の値を1つ以上選んでください。`);
      break;
    case 'gte':
    case 'lte':
    case 'between':
      if (kind !== 'number') invalidEdit(`${name}は数値の項目ではないため、大小を比べられません。`);
      if (when.op === 'between' ? !isNumber(when.min) || !isNumber(when.max) : !isNumber(when.value)) invalidEdit(`${name}と比べる数値を入力してください。`);
      if (when.op === 'between' && when.min! > when.max!) invalidEdit(`${name}の範囲の下限が上限より大きくなっています。`);
      break;
    case 'filled':
    case 'empty':
      break;
    default:
      if (!(DATE_OPS as readonly string[]).includes(when.op)) invalidEdit(`条件の種類「${String(when.op)}」は使えません。`);
      if (kind !== 'date') invalidEdit(`${name}は日付の項目ではないため、日付を比べられません。`);
      if (when.otherDate && kindAt(when.otherDate) !== 'date') invalidEdit(`比べる相手「${when.otherDate}」は日付の項目ではありません。`);
  }
}

/** Removes a field's require and message rules (its show rule is undone by moving it back). */
function dropRules(schema: JsonSchema, loc: FieldLocation): void {
  const holders = new Set<JsonSchema>();
  for (const [, holder, b, end] of ruleBranches(schema, loc)) {
    if (isNoteStub((end.properties ?? {})[loc.key])) delete end.properties[loc.key];
    if ((end.properties ?? {})[loc.key] === undefined && Array.isArray(end.required)) end.required = (end.required as string[]).filter((k) => k !== loc.key);
    pruneChain(b.then as JsonSchema);
    holders.add(holder);
  }
  for (const holder of holders) {
    holder.allOf = ((holder.allOf ?? []) as JsonSchema[]).filter((b) => !(b?.then && typeof b.then === 'object' && Object.keys(b.then).length === 0));
    if ((holder.allOf as JsonSchema[]).length === 0) delete holder.allOf;
  }
}

/** The branch of `holder` with this `if` (created when missing). */
function branchFor(holder: JsonSchema, ifSchema: JsonSchema): JsonSchema {
  const branches = (holder.allOf ??= []) as JsonSchema[];
  let branch = branches.find((b) => b?.then && sameIf(b.if, ifSchema));
  if (!branch) branches.push((branch = { if: ifSchema, then: {} }));
  return branch.then as JsonSchema;
}

/** The `if` clause of a condition for the field at `loc`, and the object it is placed in. */
export function compileFor(doc: FormDocument, loc: FieldLocation, when: Condition): { ifSchema: JsonSchema; atPath: FieldPath } {
  const atPath = conditionHolder(loc, when);
  return { ifSchema: compileCondition(when, atPath, (p) => locateField(doc.schema, p)?.node), atPath };
}

/**
 * Sets a field's rules (null or []: none): at most one of each effect.
 * `moveToBranch` moves a field into a show branch of the object at `atPath`
 * or back (fieldOps.setShowWhen's placement), so show rules keep the exact
 * shape of the simple "show when" conditions.
 */
export function setLogic(doc: FormDocument, path: FieldPath, logic: FieldLogic | FieldLogic[] | null, moveToBranch: (ifSchema: JsonSchema | null, atPath: FieldPath) => void): void {
  let loc = locateField(doc.schema, path) ?? invalidEdit(`項目「${path}」が見つかりません。`);
  const rules = logic === null ? [] : Array.isArray(logic) ? logic : [logic];
  if (new Set(rules.map((r) => r.effect)).size !== rules.length) invalidEdit(`「${labelOf(loc)}」の条件は「表示」「必須にする」「メッセージ」をそれぞれ1つまでにしてください。`);
  for (const rule of rules) {
    checkCondition(doc, loc, path, rule.when);
    if (rule.effect === 'message' && !rule.note?.ja?.trim()) invalidEdit(`「${labelOf(loc)}」に表示するメッセージを入力してください。`);
    if (rule.effect === 'require' && ((loc.requiredOwner.required ?? []) as string[]).includes(loc.key) && !loc.branch)
      invalidEdit(`「${labelOf(loc)}」は常に必須です。条件付きにするには、先に「必須」を外してください。`);
  }
  dropRules(doc.schema, loc);
  const show = rules.find((r) => r.effect === 'show');
  if (loc.branch && !show) moveToBranch(null, loc.parentPath);
  if (show) {
    const { ifSchema, atPath } = compileFor(doc, locateField(doc.schema, path)!, show.when);
    moveToBranch(ifSchema, atPath);
  }
  loc = locateField(doc.schema, path)!;
  for (const rule of rules) {
    if (rule.effect === 'show') continue;
    const { ifSchema, atPath } = compileFor(doc, loc, rule.when);
    const end = ensureChain(doc.schema, branchFor(objectAt(doc.schema, atPath)!, ifSchema), atPath, loc.parentPath);
    if (rule.effect === 'require') end.required = [...new Set([...((end.required ?? []) as string[]), loc.key])];
    else (end.properties ??= {})[loc.key] = { [NOTE_KEYWORD]: { level: rule.note!.level, ja: rule.note!.ja.trim(), ...(rule.note!.en?.trim() ? { en: rule.note!.en.trim() } : {}) } };
  }
}

/** Every object of the form with its path ('' first), to find where conditions sit. */
function objectsOf(schema: JsonSchema, path: FieldPath = '', holder: JsonSchema | undefined = objectAt(schema, '')): Array<[FieldPath, JsonSchema]> {
  if (!holder) return [];
  const out: Array<[FieldPath, JsonSchema]> = [[path, holder]];
  const children: Array<[string, JsonSchema]> = Object.entries((holder.properties ?? {}) as Record<string, JsonSchema>);
  for (const b of branchesOf(holder)) children.push(...Object.entries((b.then.properties ?? {}) as Record<string, JsonSchema>));
  for (const [key, node] of children) {
    const inner = containerOf(node);
    if (inner) out.push(...objectsOf(schema, joinPath(path, key), inner));
  }
  return out;
}

/** Labels of the fields a branch's `then` shows, requires or notes, following chains into sections and rows. */
function ruledFieldNames(schema: JsonSchema, objectPath: FieldPath, then: JsonSchema): string[] {
  const own = (k: string) => locateField(schema, joinPath(objectPath, k))?.node.title ?? k;
  const names: string[] = [];
  for (const [k, n] of Object.entries((then.properties ?? {}) as Record<string, JsonSchema>)) {
    if (isChainNode(n)) names.push(...ruledFieldNames(schema, joinPath(objectPath, k), (n.items as JsonSchema | undefined) ?? n));
    else names.push(isNoteStub(n) ? own(k) : (n.title ?? k));
  }
  names.push(...((then.required ?? []) as string[]).filter((k) => !(then.properties ?? {})[k]).map(own));
  return names;
}

/** Labels of the fields whose condition reads the answer at `path` (or inside it). */
export function conditionUsers(doc: FormDocument, path: FieldPath): string[] {
  const users: string[] = [];
  const hits = (p: FieldPath) => p === path || p.startsWith(`${path}.`);
  for (const [holderPath, holder] of objectsOf(doc.schema)) {
    for (const b of branchesOf(holder)) {
      const parsed = parseCondition(b.if, holderPath);
      const read = parsed ? conditionFields(parsed) : Object.keys((b.if?.properties ?? {}) as object).map((k) => joinPath(holderPath, k));
      if (!read.some(hits)) continue;
      const names = ruledFieldNames(doc.schema, holderPath, b.then as JsonSchema);
      users.push(names.length > 0 ? [...new Set(names)].map((n) => `「${n}」`).join('・') : '別の項目');
    }
  }
  return users;
}
