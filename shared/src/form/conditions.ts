/** Evaluates the data-only conditions attachments carry (see `FieldCondition`). */
import type { FieldCondition } from './types';

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
