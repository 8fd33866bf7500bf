/**
 * A field's rule (show it, require it, or show a note, when a condition on
 * earlier answers holds), read from and written to the form schema. The
 * condition is compiled (logic/compile.ts) into an `allOf` if/then branch of
 * the object holding the field, so it may refer to that object's answers,
 * also inside sections (`household.count`) and, for a field in a repeating
 * group's row, to that row's answers. A field has at most one rule.
 *
 * - show: the field sits in `then.properties` (the shape presets use);
 * - require: `then.required` lists the field, which stays in the object;
 * - message: `then.properties.<key>` is only `{"x-note": {level, ja, en?}}`.
 */
import type { JsonSchema } from '../form/jsonSchema';
import type { FieldPath, FormDocument } from './types';
import { branchesOf, containerOf, joinPath, locateField, objectAt, uiAt, type FieldLocation } from './fieldPaths';
import { classifyField } from './fieldKinds';
import { invalidEdit } from './editRefused';
import { compileCondition, parseCondition } from '../logic/compile';
import { NOTE_KEYWORD } from '../logic/dateCompare';
import { DATE_OPS, conditionFields, isLeaf, type Condition, type FieldLogic } from '../logic/types';
import { sameIf } from './showWhen';

/** A branch's `then.properties.<key>` that only carries a note (not a field). */
export const isNoteStub = (node: unknown): node is { [NOTE_KEYWORD]: FieldLogic['note'] } => typeof node === 'object' && node !== null && Object.keys(node).length === 1 && NOTE_KEYWORD in node;

const topBranches = (holder: JsonSchema) => ((holder.allOf ?? []) as JsonSchema[]).filter((b) => b && typeof b === 'object' && b.then && typeof b.then === 'object');

/** The rule of a located field: none (null), one the builder can show, or `custom` for other shapes. */
export function logicOf(loc: FieldLocation): FieldLogic | null | 'custom' {
  if (loc.branch) {
    const when = parseCondition(loc.branch.if, loc.parentPath);
    return when ? { effect: 'show', when } : 'custom';
  }
  for (const b of topBranches(loc.holder)) {
    const then = b.then as JsonSchema;
    const stub = (then.properties ?? {})[loc.key];
    const requires = ((then.required ?? []) as string[]).includes(loc.key) && stub === undefined;
    if (!requires && !isNoteStub(stub)) continue;
    const when = parseCondition(b.if, loc.parentPath);
    if (!when) return 'custom';
    return requires ? { effect: 'require', when } : { effect: 'message', when, note: stub[NOTE_KEYWORD] };
  }
  return null;
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
    // The branch sits in the field's object: the answer must be inside it (a row's answers for a row), not behind another repeating group.
    const prefix = loc.parentPath ? `${loc.parentPath}.` : '';
    if (!p.startsWith(prefix)) invalidEdit(`「${labelOf(loc)}」の条件には、同じまとまり（繰り返しの行）の中の回答を使ってください。`);
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
function dropRules(loc: FieldLocation): void {
  for (const b of topBranches(loc.holder)) {
    const then = b.then as JsonSchema;
    if (isNoteStub((then.properties ?? {})[loc.key])) delete then.properties[loc.key];
    if ((then.properties ?? {})[loc.key] === undefined && Array.isArray(then.required)) {
      then.required = (then.required as string[]).filter((k) => k !== loc.key);
      if (then.required.length === 0) delete then.required;
    }
    if (then.properties && Object.keys(then.properties).length === 0) delete then.properties;
  }
  loc.holder.allOf = ((loc.holder.allOf ?? []) as JsonSchema[]).filter((b) => !(b?.then && typeof b.then === 'object' && Object.keys(b.then).length === 0));
  if ((loc.holder.allOf as JsonSchema[]).length === 0) delete loc.holder.allOf;
}

/** The branch of `holder` with this `if` (created when missing). */
function branchFor(holder: JsonSchema, ifSchema: JsonSchema): JsonSchema {
  const branches = (holder.allOf ??= []) as JsonSchema[];
  let branch = branches.find((b) => b?.then && sameIf(b.if, ifSchema));
  if (!branch) branches.push((branch = { if: ifSchema, then: {} }));
  return branch.then as JsonSchema;
}

/** The `if` clause of a condition for the object holding the field at `loc`. */
export function compileFor(doc: FormDocument, loc: FieldLocation, when: Condition): JsonSchema {
  return compileCondition(when, loc.parentPath, (p) => locateField(doc.schema, p)?.node);
}

/**
 * Sets a field's rule (null: none). `moveToBranch` moves a field into a show
 * branch or back (fieldOps.setShowWhen's placement), so show rules keep the
 * exact shape of the simple "show when" conditions.
 */
export function setLogic(doc: FormDocument, path: FieldPath, logic: FieldLogic | null, moveToBranch: (ifSchema: JsonSchema | null) => void): void {
  let loc = locateField(doc.schema, path) ?? invalidEdit(`項目「${path}」が見つかりません。`);
  if (logic) {
    checkCondition(doc, loc, path, logic.when);
    if (logic.effect === 'message' && !logic.note?.ja?.trim()) invalidEdit(`「${labelOf(loc)}」に表示するメッセージを入力してください。`);
    if (logic.effect === 'require' && ((loc.requiredOwner.required ?? []) as string[]).includes(loc.key) && !loc.branch)
      invalidEdit(`「${labelOf(loc)}」は常に必須です。条件付きにするには、先に「必須」を外してください。`);
  }
  dropRules(loc);
  if (loc.branch && logic?.effect !== 'show') moveToBranch(null);
  loc = locateField(doc.schema, path)!;
  if (!logic) return;
  const ifSchema = compileFor(doc, loc, logic.when);
  if (logic.effect === 'show') return moveToBranch(ifSchema);
  const then = branchFor(loc.holder, ifSchema);
  if (logic.effect === 'require') then.required = [...new Set([...((then.required ?? []) as string[]), loc.key])];
  else (then.properties ??= {})[loc.key] = { [NOTE_KEYWORD]: { level: logic.note!.level, ja: logic.note!.ja.trim(), ...(logic.note!.en?.trim() ? { en: logic.note!.en.trim() } : {}) } };
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

/** Labels of the fields whose condition reads the answer at `path` (or inside it). */
export function conditionUsers(doc: FormDocument, path: FieldPath): string[] {
  const users: string[] = [];
  const hits = (p: FieldPath) => p === path || p.startsWith(`${path}.`);
  for (const [holderPath, holder] of objectsOf(doc.schema)) {
    for (const b of branchesOf(holder)) {
      const parsed = parseCondition(b.if, holderPath);
      const read = parsed ? conditionFields(parsed) : Object.keys((b.if?.properties ?? {}) as object).map((k) => joinPath(holderPath, k));
      if (!read.some(hits)) continue;
      const then = b.then as JsonSchema;
      const names = [
        ...Object.entries((then.properties ?? {}) as Record<string, JsonSchema>).map(([k, n]) => (isNoteStub(n) ? ((holder.properties ?? {})[k]?.title ?? k) : (n.title ?? k))),
        ...((then.required ?? []) as string[]).filter((k) => !(then.properties ?? {})[k]).map((k) => (holder.properties ?? {})[k]?.title ?? k),
      ];
      users.push(names.length > 0 ? [...new Set(names)].map((n) => `「${n}」`).join('・') : '別の項目');
    }
  }
  return users;
}
