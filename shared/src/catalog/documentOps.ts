/**
 * Edits of the form as a whole: steps, attachments, the contact desk, the
 * signature policy and the procedure's texts. In place, on a private copy.
 */
import type { AttachmentSpec, ProcedureReception } from '../form/types';
import { receptionProblems } from '../form/receptionProblems';
import { APPLICANT_ROLES, LIFE_EVENTS, PROCEDURE_CATEGORIES, SIGNATURE_POLICIES } from '../form/types';
import type { FormDocument, ProcedureTextKey } from './types';
import { fieldKeys, objectAt } from './fieldPaths';
import { alignSteps, placeKey, setSteps, stepsOf } from './formLayout';
import { invalidEdit } from './editRefused';

const stepAt = (doc: FormDocument, index: number) => stepsOf(doc)?.[index] ?? invalidEdit(`ステップ${index + 1}が見つかりません。`);

/** Adds a step. A form without steps first gets one step holding every field. */
/**
 * Adds a step. `first`: the form has no steps yet and the one added becomes step 1, holding every field.
 * Without it (edit layers saved before `first` existed replay this way), a stepless form gets an implicit
 * step 「入力」 with every field and the new step after it.
 */
export function addStep(doc: FormDocument, title: string, at?: number, first?: boolean): void {
  const existing = stepsOf(doc);
  if (!existing && first) {
    setSteps(doc, [{ title, fields: fieldKeys(objectAt(doc.schema, '')!) }]);
    alignSteps(doc);
    return;
  }
  const steps = existing ?? [{ title: '入力', fields: fieldKeys(objectAt(doc.schema, '')!) }];
  const index = at === undefined ? steps.length : Math.max(0, Math.min(at, steps.length));
  steps.splice(index, 0, { title, fields: [] });
  setSteps(doc, steps);
  alignSteps(doc);
}

/** Renames a step. */
export function renameStep(doc: FormDocument, index: number, title: string): void {
  stepAt(doc, index).title = title;
}

/** Removes a step; its fields join the step before it (or after it, for the first). The last step ends the steps. */
export function removeStep(doc: FormDocument, index: number): void {
  const steps = stepsOf(doc)!;
  const removed = stepAt(doc, index);
  steps.splice(index, 1);
  if (steps.length === 0) {
    setSteps(doc, undefined);
    return;
  }
  const target = steps[Math.max(0, index - 1)]!;
  if (index === 0) target.fields.unshift(...removed.fields);
  else target.fields.push(...removed.fields);
  alignSteps(doc);
}

/** Moves a step to another place in the order. */
export function moveStep(doc: FormDocument, index: number, to: number): void {
  const steps = stepsOf(doc)!;
  const [step] = steps.splice(index, 1);
  if (!step) invalidEdit(`ステップ${index + 1}が見つかりません。`);
  steps.splice(Math.max(0, Math.min(to, steps.length)), 0, step);
  alignSteps(doc);
}

/** Puts a top-level field at the end of a step. */
export function moveToStep(doc: FormDocument, field: string, step: number): void {
  stepAt(doc, step);
  if (!fieldKeys(objectAt(doc.schema, '')!).includes(field)) invalidEdit(`項目「${field}」が見つかりません。`);
  placeKey(doc, '', field, undefined, step);
}

/** Adds an attachment, or replaces the one with the same id. */
export function setAttachment(doc: FormDocument, attachment: AttachmentSpec): void {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(attachment.id ?? '')) invalidEdit('添付書類のキーは半角英字で始まる英数字にしてください。');
  if (!attachment.label?.trim()) invalidEdit('添付書類の名前を入力してください。');
  const list = [...(doc.procedure.attachments ?? [])];
  const index = list.findIndex((a) => a.id === attachment.id);
  if (index >= 0) list[index] = attachment;
  else list.push(attachment);
  doc.procedure = { ...doc.procedure, attachments: list };
}

/** Removes an attachment. */
export function removeAttachment(doc: FormDocument, attachmentId: string): void {
  const list = doc.procedure.attachments ?? [];
  if (!list.some((a) => a.id === attachmentId)) invalidEdit(`添付書類「${attachmentId}」が見つかりません。`);
  doc.procedure = { ...doc.procedure, attachments: list.filter((a) => a.id !== attachmentId) };
}

const LIST_KEYS = new Set<ProcedureTextKey>(['prepare', 'keywords', 'legalBasis', 'lifeEvents']);
const CHOICES: Partial<Record<ProcedureTextKey, readonly string[]>> = { category: PROCEDURE_CATEGORIES, applicantRole: APPLICANT_ROLES };

/** Sets one of the procedure's texts or lists (title, description, prepare, …). */
export function setProcedureText(doc: FormDocument, key: ProcedureTextKey, value: string | string[]): void {
  if (LIST_KEYS.has(key)) {
    if (!Array.isArray(value)) invalidEdit('一覧で指定してください。');
    const list = value.map((v) => v.trim()).filter(Boolean);
    if (key === 'lifeEvents' && list.some((v) => !(LIFE_EVENTS as readonly string[]).includes(v))) invalidEdit('ライフイベントの指定が正しくありません。');
    doc.procedure = { ...doc.procedure, [key]: [...new Set(list)] };
    return;
  }
  if (typeof value !== 'string') invalidEdit('文字で指定してください。');
  const choices = CHOICES[key];
  if (choices && !choices.includes(value)) invalidEdit('選択肢の中から選んでください。');
  const next = { ...doc.procedure } as Record<string, unknown>;
  // The form's heading follows the title unless it carries the legal form's own name.
  if (key === 'title' && (doc.schema.title === undefined || doc.schema.title === doc.procedure.title)) doc.schema.title = value;
  if (key === 'deadline' && !value.trim()) delete next.deadline;
  else next[key] = value;
  doc.procedure = next as unknown as FormDocument['procedure'];
}

/** Sets the 受付期間, or removes it (null, or nothing set). Refused in words when a time does not fit. */
export function setReception(doc: FormDocument, reception: ProcedureReception | null): void {
  const problems = receptionProblems(reception ?? undefined, 'ja');
  if (problems.length) invalidEdit(problems.map((p) => p.message).join(' '));
  const next = { ...doc.procedure };
  const set = reception && Object.values(reception).some((v) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length) && v !== false);
  if (set) next.reception = reception;
  else delete next.reception;
  doc.procedure = next;
}

/** Sets whether a My Number Card signature is needed. */
export function setSignaturePolicy(doc: FormDocument, policy: string): void {
  if (!(SIGNATURE_POLICIES as readonly string[]).includes(policy)) invalidEdit('電子署名の指定が正しくありません。');
  doc.procedure = { ...doc.procedure, signaturePolicy: policy as FormDocument['procedure']['signaturePolicy'] };
}
