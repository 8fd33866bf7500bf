/** Evaluates the data-only conditions attachments carry (see `FieldCondition`). */
import type { AttachmentSpec, FieldCondition, Procedure, SignaturePolicy } from './types';

export function valueAt(data: unknown, dotPath: string): unknown {
  return dotPath.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

export function conditionHolds(condition: FieldCondition, data: unknown): boolean {
  const value = valueAt(data, condition.field);
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.notEquals !== undefined && (value === undefined || value === condition.notEquals)) return false;
  if (condition.in !== undefined) {
    const values = Array.isArray(value) ? value : [value];
    if (!values.some((v) => condition.in!.includes(v as string))) return false;
  }
  return true;
}

/**
 * Whether an attachment must be sent with these answers, under the signature
 * policy the municipality chose (the same rule for the server and the browser).
 */
export function attachmentNeeded(spec: AttachmentSpec, data: unknown, signaturePolicy: SignaturePolicy): boolean {
  if (spec.required === 'always') return true;
  if (spec.required === 'conditional' && spec.condition !== undefined && conditionHolds(spec.condition, data)) return true;
  return (spec.requiredWhenSignature ?? []).includes(signaturePolicy);
}

/** The procedure's attachments as the resident meets them: those its signature policy requires become always required. */
export function attachmentsFor(procedure: Pick<Procedure, 'attachments' | 'signaturePolicy'>): AttachmentSpec[] {
  return procedure.attachments.map((a) => ((a.requiredWhenSignature ?? []).includes(procedure.signaturePolicy) ? { ...a, required: 'always' as const } : a));
}
