/**
 * Taking a new preset version: a municipality's edits, made on the old
 * version, are re-applied one by one on the new one. An edit that still fits
 * is re-applied; one the new version already contains is dropped as no longer
 * needed; one that no longer fits — its field was removed, the preset changed
 * the same thing, the new version added the same key, or it would now weaken
 * a legally required item — is a conflict, listed for staff to decide
 * (keep or drop). Nothing is decided silently.
 */
import type { EditOp, FieldPath, FormDocument } from './types';
import { applyOp } from './applyOp';
import { EditRefusedError } from './editRefused';
import { fieldKeys, joinPath, locateField, objectAt, uiAt } from './fieldPaths';
import { findLockViolation } from './legalLocks';
import { describeOp } from './describeOp';
import { describeFields, flattenFields, type FieldInfo } from './describeForm';
import { stepsOf } from './formLayout';
import { isLeaf, type Condition } from '../logic/types';
import { CALC_KEYWORD, LOOKUP_TABLES_KEYWORD } from '../calc/keywords';
import { CAPACITY_KEYWORD } from '../form/capacity';

/** Why an edit no longer fits a new preset version. */
export const CONFLICT_KINDS = ['target-removed', 'changed-upstream', 'key-taken', 'now-locked', 'cannot-apply'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
/** Staff's choice for a conflicting edit. */
export type Decision = 'keep' | 'drop';

/** An edit that needs staff's decision. */
export interface OpConflict {
  kind: ConflictKind;
  /** What happened, in Japanese. */
  message: string;
  /** What staff may decide. */
  choices: Decision[];
}

/** What re-applying did with one edit. */
export interface OpOutcome {
  opId: string;
  /** The edit in Japanese. */
  description: string;
  /** reapplied: fits as before; kept/dropped: a conflict staff decided; obsolete: the new version already has it; conflict: undecided. */
  status: 'reapplied' | 'kept' | 'dropped' | 'obsolete' | 'conflict';
  conflict?: OpConflict;
}

/** The layer to re-apply, the version it was made on and the new one. */
export interface RebaseInput {
  oldBase: FormDocument;
  newBase: FormDocument;
  ops: readonly EditOp[];
  /** Staff's decisions on conflicts, by edit id. */
  decisions?: Readonly<Record<string, Decision>>;
  enforceLocks: boolean;
}

/** The re-applied layer, edit by edit. */
export interface RebaseResult {
  /** The layer's edits on the new version (decided conflicts included, dropped and obsolete ones left out). */
  ops: EditOp[];
  outcomes: OpOutcome[];
  /** Conflicts still waiting for a decision; the new layer can be saved only at 0. */
  unresolved: number;
  /** The new version with the edits applied (undecided ones left out). */
  document: FormDocument;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function opPath(op: EditOp): FieldPath | undefined {
  if ('path' in op) return op.path;
  if (op.type === 'moveToStep') return op.field;
  return undefined;
}

/** The field attribute an edit changes, as it is in `doc`, to see whether the preset changed it too. */
function attribute(op: EditOp, doc: FormDocument, info: FieldInfo | undefined): unknown {
  const path = opPath(op);
  const ui = path ? (uiAt(doc.uiSchema ?? {}, doc.schema, path) ?? {}) : {};
  switch (op.type) {
    case 'setLabel':
      return info?.label;
    case 'setHelp':
      return ui['ui:help'];
    case 'setDescription':
      return ui['ui:description'];
    case 'setPlaceholder':
      return ui['ui:placeholder'];
    case 'setRequired':
      return info?.required;
    case 'setOptions':
      return info?.options;
    case 'setRules':
      return info?.rules;
    case 'setWidget':
      return ui['ui:widget'];
    case 'setSensitive':
      return info?.sensitive;
    case 'setShowWhen':
      return info?.showWhen;
    case 'setLogic':
      return info?.logicRules;
    case 'setCalc':
      return path ? locateField(doc.schema, path)?.node[CALC_KEYWORD] : undefined;
    case 'setCapacity':
      return path ? locateField(doc.schema, path)?.node[CAPACITY_KEYWORD] : undefined;
    case 'setLookupTable':
      return (doc.schema[LOOKUP_TABLES_KEYWORD] as Record<string, unknown> | undefined)?.[op.name];
    case 'setCardPrefill':
      return ui['ui:cardPrefill'];
    case 'removeField':
      return path ? locateField(doc.schema, path)?.node : undefined;
    case 'setAttachment':
      return doc.procedure.attachments?.find((a) => a.id === op.attachment.id);
    case 'removeAttachment':
      return doc.procedure.attachments?.find((a) => a.id === op.attachmentId);
    case 'setProcedureText':
      return doc.procedure[op.key];
    case 'setSignaturePolicy':
      return doc.procedure.signaturePolicy;
    case 'setReception':
      return doc.procedure.reception;
    case 'renameStep':
    case 'removeStep':
    case 'moveStep':
      return stepsOf(doc)?.map((s) => s.title);
    default:
      return undefined;
  }
}

/** A condition with every answer path passed through `swap`. */
function renameInCondition(c: Condition, swap: (p: string) => string): Condition {
  if (isLeaf(c)) return { ...c, field: swap(c.field), ...(c.otherDate ? { otherDate: swap(c.otherDate) } : {}) };
  return 'all' in c ? { all: c.all.map((x) => renameInCondition(x, swap)) } : { any: c.any.map((x) => renameInCondition(x, swap)) };
}

/** A copy of the edit with a renamed field's path replaced. */
function renamed(op: EditOp, from: FieldPath, to: FieldPath): EditOp {
  const fromKey = from.split('.').pop()!;
  const toKey = to.split('.').pop()!;
  const parent = from.split('.').slice(0, -1).join('.');
  const swap = (p: string) => (p === from ? to : p.startsWith(`${from}.`) ? to + p.slice(from.length) : p);
  const copy = JSON.parse(JSON.stringify(op)) as EditOp;
  if ('path' in copy) copy.path = swap(copy.path);
  if (copy.type === 'addField') {
    copy.parent = swap(copy.parent);
    if (copy.parent === parent && copy.after === fromKey) copy.after = toKey;
    if (copy.parent === parent && copy.field.showWhen?.field === fromKey) copy.field.showWhen.field = toKey;
  }
  if (copy.type === 'moveField' && copy.path.split('.').slice(0, -1).join('.') === parent && copy.after === fromKey) copy.after = toKey;
  if (copy.type === 'setShowWhen' && copy.showWhen && copy.path.split('.').slice(0, -1).join('.') === parent && copy.showWhen.field === fromKey) copy.showWhen.field = toKey;
  if (copy.type === 'setCapacity' && copy.capacity?.countOf) copy.capacity.countOf = swap(copy.capacity.countOf);
  if (copy.type === 'setLogic' && copy.logic) for (const rule of Array.isArray(copy.logic) ? copy.logic : [copy.logic]) rule.when = renameInCondition(rule.when, swap);
  if (copy.type === 'moveToStep' && parent === '' && copy.field === fromKey) copy.field = toKey;
  if (copy.type === 'setAttachment' && copy.attachment.condition) copy.attachment.condition.field = swap(copy.attachment.condition.field);
  return copy;
}

/** Conflicts visible before applying: a vanished target, a key the new version took. */
function structuralConflict(op: EditOp, doc: FormDocument, label: (p: string) => string): OpConflict | undefined {
  if (op.type === 'addField') {
    const holder = objectAt(doc.schema, op.parent);
    if (!holder) return { kind: 'target-removed', message: `追加先の「${label(op.parent)}」は新しい版で削除されました。`, choices: ['drop'] };
    if (fieldKeys(holder).includes(op.field.key)) {
      const theirs = locateField(doc.schema, joinPath(op.parent, op.field.key))?.node.title ?? op.field.key;
      return {
        kind: 'key-taken',
        message: `新しい版に同じキー「${op.field.key}」の項目「${theirs}」が加わりました。残す場合は、追加した「${op.field.label}」を別のキーで追加します。`,
        choices: ['keep', 'drop'],
      };
    }
    return undefined;
  }
  const path = opPath(op);
  if (path && !locateField(doc.schema, path)) return { kind: 'target-removed', message: `対象の「${label(path)}」は新しい版で削除されました。`, choices: ['drop'] };
  if ((op.type === 'renameStep' || op.type === 'removeStep' || op.type === 'moveStep') && !stepsOf(doc)?.[op.index]) {
    return { kind: 'target-removed', message: `対象のステップは新しい版にありません。`, choices: ['drop'] };
  }
  return undefined;
}

/** Re-applies a layer's edits on a new preset version (see the file comment). */
export function rebaseLayer(input: RebaseInput): RebaseResult {
  const { oldBase, newBase, decisions = {} } = input;
  const oldInfo = new Map(flattenFields(describeFields(oldBase)).map((f) => [f.path, f]));
  const newInfo = new Map(flattenFields(describeFields(newBase)).map((f) => [f.path, f]));
  const oldLabel = (p: string) => (p === '' ? oldBase.procedure.title : oldInfo.get(p)?.label || p);
  let doc = newBase;
  let replay = oldBase; // the old composition, for describing each edit with the labels it was made with
  const ops: EditOp[] = [];
  const outcomes: OpOutcome[] = [];
  let unresolved = 0;
  const renames: Array<[FieldPath, FieldPath]> = [];

  for (const original of input.ops) {
    let op = renames.reduce((o, [from, to]) => renamed(o, from, to), original);
    const description = describeOp(original, replay);
    try {
      replay = applyOp(replay, original);
    } catch {
      /* an edit that did not fit the old version either is judged on the new one alone */
    }
    const decision = decisions[original.id];
    const record = (status: OpOutcome['status'], conflict?: OpConflict) => {
      outcomes.push({ opId: original.id, description, status, ...(conflict ? { conflict } : {}) });
      if (status === 'conflict') unresolved++;
    };
    const undecided = (conflict: OpConflict) => record(decision === 'drop' ? 'dropped' : 'conflict', conflict);

    const structural = structuralConflict(op, doc, oldLabel);
    if (structural && !(decision === 'keep' && structural.choices.includes('keep'))) {
      undecided(structural);
      continue;
    }
    if (structural?.kind === 'key-taken' && op.type === 'addField') {
      const taken = fieldKeys(objectAt(doc.schema, op.parent)!);
      let key = `${op.field.key}Local`;
      for (let n = 2; taken.includes(key); n++) key = `${op.field.key}Local${n}`;
      renames.push([joinPath(op.parent, op.field.key), joinPath(op.parent, key)]);
      op = { ...op, field: { ...op.field, key } };
    }

    let next: FormDocument;
    try {
      next = applyOp(doc, op);
    } catch (error) {
      if (!(error instanceof EditRefusedError)) throw error;
      undecided({ kind: 'cannot-apply', message: `新しい版には適用できません：${error.message}`, choices: ['drop'] });
      continue;
    }
    if (same(next, doc)) {
      record('obsolete');
      continue;
    }
    const violation = input.enforceLocks ? findLockViolation(newBase, next) : undefined;
    if (violation) {
      undecided({ kind: 'now-locked', message: violation, choices: ['drop'] });
      continue;
    }
    const path = opPath(op);
    const fieldBefore = path ? oldInfo.get(path) : undefined;
    const wasPresetField = path === undefined || fieldBefore !== undefined;
    let kept = structural;
    const theirs = attribute(op, newBase, path ? newInfo.get(path) : undefined);
    if (wasPresetField && !structural && !same(attribute(op, oldBase, fieldBefore), theirs)) {
      const shown = typeof theirs === 'string' ? `「${theirs}」に` : Array.isArray(theirs) && theirs.every((t) => typeof t === 'string') ? `「${theirs.join('、')}」に` : '';
      const conflict: OpConflict = {
        kind: 'changed-upstream',
        message: `新しい版で同じところ（${path ? `「${oldLabel(path)}」` : 'この設定'}）が${shown}変更されています。この変更を残すと、新しい版の内容を上書きします。`,
        choices: ['keep', 'drop'],
      };
      if (decision !== 'keep') {
        undecided(conflict);
        continue;
      }
      kept = conflict;
    }
    record(kept ? 'kept' : 'reapplied', kept);
    doc = next;
    ops.push(op);
  }
  return { ops, outcomes, unresolved, document: doc };
}
