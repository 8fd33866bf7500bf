/**
 * What a municipality's local edits may never remove or weaken. In a preset,
 * only a field marked `"x-legal": "<provision>"` (form/legal.ts) is required
 * by law: it is locked in the conditions the preset requires it under, and so
 * are the groups holding it and the fields its condition tests. Fields the
 * preset requires for design reasons stay required by default, but a
 * municipality may relax them. Likewise an attachment is locked only when it
 * cites its provision (`legalBasis`), and the signature policy only when
 * `signatureLegalBasis` does.
 *
 * The check compares a composed document with the preset version it was made
 * on, after every edit — so no sequence of edits can wear a locked item down.
 */
import type { JsonSchema } from '../form/jsonSchema';
import type { AttachmentSpec, SignaturePolicy } from '../form/types';
import { COMMON_DEFINITIONS } from '../form/commonDefinitions';
import type { FieldPath, FormDocument } from './types';
import { containerOf, fieldKeys, findInObject, joinPath, locateField } from './fieldPaths';
import { optionsOf } from './fieldKinds';
import { SENSITIVE_KEYWORD } from '../form/sensitive';
import { legalProvisionOf } from '../form/legal';
import { describeFields, flattenFields } from './describeForm';

/** A field of a preset version that local edits may not remove or weaken. */
export interface LockedField {
  path: FieldPath;
  label: string;
  /**
   * `required`: the law requires it (`x-legal`); `container`: it holds such a
   * field; `condition`: a locked field's condition tests it.
   */
  reason: 'required' | 'container' | 'condition';
  /** The provision the lock rests on (for `container`/`condition`: that of the field it serves). */
  provision: string;
}

/** Calls `visit` for an object and each if/then branch in it, with the chain of `if`s leading there. */
function eachBranch(node: JsonSchema, visit: (n: JsonSchema, chain: string) => void, chain: unknown[] = []): void {
  visit(node, JSON.stringify(chain));
  for (const b of (node.allOf ?? []) as JsonSchema[]) if (b?.then) eachBranch(b.then, visit, [...chain, b.if ?? null]);
}

/** The conditions (as `if` chains) under which a key is required; `[]` means always. */
function requiredUnder(holder: JsonSchema, key: string): Set<string> {
  const found = new Set<string>();
  eachBranch(holder, (n, chain) => {
    if (((n.required ?? []) as string[]).includes(key)) found.add(chain);
  });
  return found;
}

/** The `if` chain under which a key is shown; `[]` for always. */
function shownUnder(holder: JsonSchema, key: string): string | undefined {
  let at: string | undefined;
  eachBranch(holder, (n, chain) => {
    if (at === undefined && n.properties && Object.prototype.hasOwnProperty.call(n.properties, key)) at = chain;
  });
  return at;
}

/** Every field of a preset version the law requires (marked `x-legal`), with the groups holding them and the fields their conditions test. */
export function lockedFields(base: FormDocument): LockedField[] {
  const result = new Map<FieldPath, LockedField>();
  const add = (lock: LockedField) => {
    const had = result.get(lock.path);
    if (!had || (had.reason !== 'required' && lock.reason === 'required')) result.set(lock.path, lock);
  };
  /** Visits a holder's fields; returns the provision of the first legal field found inside it. */
  const visit = (holder: JsonSchema, parentPath: FieldPath): string | undefined => {
    let firstInside: string | undefined;
    for (const key of fieldKeys(holder)) {
      const found = findInObject(holder, key)!;
      const path = joinPath(parentPath, key);
      const label = found.node.title ?? key;
      const own = legalProvisionOf(found.node);
      const container = containerOf(found.node);
      const inside = container ? visit(container, path) : undefined;
      const provision = own ?? inside;
      if (!provision) continue;
      firstInside ??= provision;
      add({ path, label, reason: own ? 'required' : 'container', provision });
      for (const tested of Object.keys((found.branch?.if?.properties ?? {}) as object)) {
        const testedNode = findInObject(holder, tested)?.node;
        if (testedNode) add({ path: joinPath(parentPath, tested), label: testedNode.title ?? tested, reason: 'condition', provision });
      }
    }
    return firstInside;
  };
  visit(base.schema, '');
  return [...result.values()];
}

function resolved(node: JsonSchema, root: JsonSchema): JsonSchema {
  if (typeof node.$ref !== 'string') return node;
  const name = node.$ref.replace('#/definitions/', '');
  const { $ref: _r, ...local } = node;
  return { ...((root.definitions?.[name] ?? COMMON_DEFINITIONS[name] ?? {}) as JsonSchema), ...local };
}

const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems'];
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems'];
const STRICTER_FORMATS: Record<string, string[]> = { date: ['past-date', 'future-date'] };

/** Whether `after` accepts anything `before` refuses (a looser rule, another type, lost options). */
function weakened(before: JsonSchema, after: JsonSchema): boolean {
  if (before.type !== after.type || before.const !== after.const) return true;
  for (const k of LOWER_BOUNDS) if (typeof before[k] === 'number' && !(after[k] >= before[k])) return true;
  for (const k of UPPER_BOUNDS) if (typeof before[k] === 'number' && !(after[k] <= before[k])) return true;
  if (before.format && after.format !== before.format && !(STRICTER_FORMATS[before.format] ?? []).includes(after.format)) return true;
  if (before.pattern && after.pattern !== before.pattern) return true;
  return false;
}

const RANK: Record<AttachmentSpec['required'], number> = { optional: 0, conditional: 1, always: 2 };
const SIGNATURE_RANK: Record<string, number> = { none: 0, optional: 1, required: 2 };

/** The attachments of a preset version that local edits may not remove or weaken: required ones that cite a provision. */
export function lockedAttachments(base: FormDocument): AttachmentSpec[] {
  return (base.procedure.attachments ?? []).filter((a) => a.required !== 'optional' && !!a.legalBasis);
}

function attachmentViolation(before: AttachmentSpec, after: AttachmentSpec | undefined): string | undefined {
  const law = `法令（${before.legalBasis}）`;
  if (!after) return `添付書類「${before.label}」は${law}で提出が求められているため、削除できません。`;
  if (RANK[after.required] < RANK[before.required]) return `添付書類「${before.label}」は${law}で提出が求められているため、任意にはできません。`;
  if (after.required === 'conditional' && JSON.stringify(after.condition) !== JSON.stringify(before.condition)) {
    return `添付書類「${before.label}」の提出が必要となる条件は${law}で定められているため、変更できません。`;
  }
  return undefined;
}

/** A preset's signature policy is a recommendation, unless it cites the provision that requires it. */
function signatureViolation(before: FormDocument['procedure'], after: SignaturePolicy): string | undefined {
  const provision = before.signatureLegalBasis;
  if (!provision || before.signaturePolicy === after || before.signaturePolicy === 'municipality-choice') return undefined;
  if (after !== 'municipality-choice' && SIGNATURE_RANK[after]! >= SIGNATURE_RANK[before.signaturePolicy]!) return undefined;
  return `この手続の電子署名は法令（${provision}）で定められているため、プリセットの定めより緩めることはできません。`;
}

function fieldViolation(base: FormDocument, after: FormDocument, locked: LockedField): string | undefined {
  const b = locateField(base.schema, locked.path)!;
  const a = locateField(after.schema, locked.path);
  const kind = locked.reason === 'condition' ? '項目の表示条件に使われる項目' : locked.reason === 'container' ? '項目を含む項目' : '必須の項目';
  const what = `「${locked.label}」は法令（${locked.provision}）で定められた${kind}のため、`;
  if (!a) return `${what}削除できません。`;
  const beforeOptions = optionsOf(b.node, base.schema.definitions);
  const afterOptions = optionsOf(a.node, after.schema.definitions) ?? [];
  const lost = (beforeOptions ?? []).filter((o) => !afterOptions.includes(o));
  if (lost.length > 0) return `${what}選択肢「${lost.join('」「')}」を削除できません。`;
  const blockChanged = typeof b.node.$ref === 'string' && resolved(b.node, base.schema).type === 'object' && a.node.$ref !== b.node.$ref;
  if (blockChanged || weakened(resolved(b.node, base.schema), resolved(a.node, after.schema))) return `${what}入力の種類や入力規則を緩めることはできません。`;
  if (locked.reason === 'condition') return undefined;
  // A group holding a legal field stays as shown and required as the preset has it, or the field could be skipped.
  const afterShown = shownUnder(a.holder, a.key);
  if (afterShown !== '[]' && afterShown !== shownUnder(b.holder, b.key)) return `${what}表示する条件を付けたり変えたりできません。`;
  const beforeRequired = requiredUnder(b.holder, b.key);
  const afterRequired = requiredUnder(a.holder, a.key);
  if (!afterRequired.has('[]') && [...beforeRequired].some((c) => !afterRequired.has(c))) return `${what}任意の項目にはできません。`;
  return undefined;
}

/** A field the preset marks sensitive that local edits left unmarked (privacy is a floor, like the law's requirements). */
function sensitivityViolation(base: FormDocument, after: FormDocument): string | undefined {
  for (const f of flattenFields(describeFields(base))) {
    if (locateField(base.schema, f.path)?.node[SENSITIVE_KEYWORD] !== true) continue;
    const a = locateField(after.schema, f.path);
    if (a && a.node[SENSITIVE_KEYWORD] !== true) return `「${f.label}」はプリセットで機微情報とされているため、機微情報の設定を解除できません。`;
  }
  return undefined;
}

/** The first way `after` removes or weakens something `base` (a preset version) requires by law, in Japanese; undefined if none. */
export function findLockViolation(base: FormDocument, after: FormDocument): string | undefined {
  const sensitive = sensitivityViolation(base, after);
  if (sensitive) return sensitive;
  for (const locked of lockedFields(base)) {
    const problem = fieldViolation(base, after, locked);
    if (problem) return problem;
  }
  for (const attachment of lockedAttachments(base)) {
    const problem = attachmentViolation(
      attachment,
      (after.procedure.attachments ?? []).find((x) => x.id === attachment.id),
    );
    if (problem) return problem;
  }
  return signatureViolation(base.procedure, after.procedure.signaturePolicy);
}

/** Whether a field (or something inside it) is locked in a preset version — the builder disables removing it. */
export function isLocked(locks: LockedField[], path: FieldPath): LockedField | undefined {
  return locks.find((l) => l.path === path) ?? locks.find((l) => l.path.startsWith(`${path}.`));
}
