/**
 * A readable difference between two versions of a form: fields added, changed
 * (which attribute, before → after) and removed, and changes to the procedure
 * (attachments, signature, texts, steps) — what municipalities read before
 * taking a preset update.
 */
import type { AttachmentSpec } from '../form/types';
import type { FormDocument } from './types';
import { describeFields, flattenFields, type FieldInfo } from './describeForm';
import { FIELD_KIND_LABELS } from './fieldKinds';
import { describeLogic } from '../logic/describe';
import { PROCEDURE_TEXT_LABELS, SIGNATURE_POLICY_LABELS } from './describeOp';
import { stepsOf } from './formLayout';
import { receptionSummary } from '../time/receptionWording';

/** One attribute of a field that changed. */
export interface AttributeChange {
  /** What changed, in Japanese (項目名, 必須, 選択肢 …). */
  what: string;
  before: string;
  after: string;
}

/** A field added, removed or changed between two versions. */
export interface FieldDiff {
  path: string;
  label: string;
  change: 'added' | 'removed' | 'changed';
  changes?: AttributeChange[];
}

/** A change to the procedure itself (texts, attachments, signature, steps). */
export interface ProcedureDiff {
  what: string;
  change: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

/** Everything that changed between two versions. */
export interface FormDiff {
  fields: FieldDiff[];
  procedure: ProcedureDiff[];
}

const RULE_LABELS: Record<string, string> = {
  minLength: '最小文字数',
  maxLength: '最大文字数',
  minimum: '最小値',
  maximum: '最大値',
  minItems: '最少件数',
  maxItems: '最多件数',
  charset: '文字の種類',
  dateRule: '日付の範囲',
};

function rulesText(f: FieldInfo): string {
  return (
    Object.entries(f.rules)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `${RULE_LABELS[k] ?? k}: ${String(v)}`)
      .join('、') || 'なし'
  );
}

function conditionText(f: FieldInfo, all: Map<string, FieldInfo>): string {
  if (f.logic === null) return '常に表示';
  if (f.logic === 'custom') return '条件付き（詳細な条件）';
  return describeLogic(f.logic, (p) => all.get(p)?.label || p);
}

function fieldChanges(a: FieldInfo, b: FieldInfo, allA: Map<string, FieldInfo>, allB: Map<string, FieldInfo>): AttributeChange[] {
  const kind = (f: FieldInfo) => (f.kind === 'custom' ? 'その他' : FIELD_KIND_LABELS[f.kind]);
  const pairs: Array<[string, string, string]> = [
    ['項目名', a.label, b.label],
    ['入力の種類', kind(a), kind(b)],
    ['必須', a.required ? '必須' : '任意', b.required ? '必須' : '任意'],
    ['選択肢', (a.options ?? []).join('、'), (b.options ?? []).join('、')],
    ['表示条件', conditionText(a, allA), conditionText(b, allB)],
    ['説明', a.help ?? '', b.help ?? ''],
    ['補足説明', a.description ?? '', b.description ?? ''],
    ['入力例', a.placeholder ?? '', b.placeholder ?? ''],
    ['入力規則', rulesText(a), rulesText(b)],
    ['機微情報', a.sensitive ? '伏せる' : '伏せない', b.sensitive ? '伏せる' : '伏せない'],
  ];
  return pairs.filter(([, x, y]) => x !== y).map(([what, before, after]) => ({ what, before, after }));
}

function attachmentText(a: AttachmentSpec): string {
  const when = a.required === 'always' ? '必須' : a.required === 'conditional' ? `${a.conditionText ?? '条件付き'}に必要` : '任意';
  return `${a.label}（${when}、${a.maxFiles}点まで）`;
}

function procedureChanges(a: FormDocument, b: FormDocument): ProcedureDiff[] {
  const out: ProcedureDiff[] = [];
  for (const key of ['title', 'description', 'eligibility', 'deadline', 'prepare', 'legalBasis'] as const) {
    const x = JSON.stringify(a.procedure[key] ?? ''),
      y = JSON.stringify(b.procedure[key] ?? '');
    if (x !== y) out.push({ what: PROCEDURE_TEXT_LABELS[key], change: 'changed', before: String(a.procedure[key] ?? ''), after: String(b.procedure[key] ?? '') });
  }
  if (a.procedure.signaturePolicy !== b.procedure.signaturePolicy) {
    out.push({ what: '電子署名', change: 'changed', before: SIGNATURE_POLICY_LABELS[a.procedure.signaturePolicy], after: SIGNATURE_POLICY_LABELS[b.procedure.signaturePolicy] });
  }
  const reception = (d: FormDocument) => receptionSummary(d.procedure.reception);
  if (reception(a) !== reception(b)) out.push({ what: '受付期間', change: 'changed', before: reception(a), after: reception(b) });
  const before = new Map((a.procedure.attachments ?? []).map((x) => [x.id, x]));
  const after = new Map((b.procedure.attachments ?? []).map((x) => [x.id, x]));
  for (const [id, x] of after) {
    const old = before.get(id);
    if (!old) out.push({ what: `添付書類「${x.label}」`, change: 'added', after: attachmentText(x) });
    else if (JSON.stringify(old) !== JSON.stringify(x)) out.push({ what: `添付書類「${x.label}」`, change: 'changed', before: attachmentText(old), after: attachmentText(x) });
  }
  for (const [id, x] of before) if (!after.has(id)) out.push({ what: `添付書類「${x.label}」`, change: 'removed', before: attachmentText(x) });
  const steps = (d: FormDocument) => (stepsOf(d) ?? []).map((s) => s.title).join(' → ');
  if (steps(a) !== steps(b)) out.push({ what: 'ステップ', change: 'changed', before: steps(a), after: steps(b) });
  return out;
}

/** What changed from `a` to `b`. */
export function diffForms(a: FormDocument, b: FormDocument): FormDiff {
  const listA = flattenFields(describeFields(a));
  const listB = flattenFields(describeFields(b));
  const allA = new Map(listA.map((f) => [f.path, f]));
  const allB = new Map(listB.map((f) => [f.path, f]));
  const fields: FieldDiff[] = [];
  // A field under an added or removed parent is reported with its parent only.
  const under = (path: string, set: Set<string>) => [...set].some((p) => path.startsWith(`${p}.`));
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const f of listB) {
    const old = allA.get(f.path);
    if (!old) {
      if (!under(f.path, added)) fields.push({ path: f.path, label: f.label, change: 'added' });
      added.add(f.path);
    } else {
      const changes = fieldChanges(old, f, allA, allB);
      if (changes.length > 0) fields.push({ path: f.path, label: f.label || old.label, change: 'changed', changes });
    }
  }
  for (const f of listA) {
    if (allB.has(f.path)) continue;
    if (!under(f.path, removed)) fields.push({ path: f.path, label: f.label, change: 'removed' });
    removed.add(f.path);
  }
  return { fields, procedure: procedureChanges(a, b) };
}

/** Whether a diff has anything in it. */
export const isEmptyDiff = (d: FormDiff) => d.fields.length === 0 && d.procedure.length === 0;
