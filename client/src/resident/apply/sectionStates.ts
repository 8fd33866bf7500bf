/**
 * The state of each part of a long form for its overview: a section is
 * complete when its answers validate, in progress when something in it was
 * answered but errors remain, not started otherwise. The attachments wait for
 * the answers (they decide which documents are needed); the check page waits
 * for everything.
 */
import type { FieldError } from '@madoguchi/shared';
import { stateOf, type TaskState } from '../tasks/taskState';
import { stepOfPointer, type StepView } from './steps';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nothing given: empty text, an empty list, or a group whose every value is empty. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  if (isPlainObject(value)) return Object.values(value).every(isBlank);
  return false;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return a === b || (isBlank(a) && isBlank(b));
}

/** Whether the resident gave something here: not empty, and not just what the form starts with (its defaults). */
export const isAnswered = (value: unknown, start: unknown) => !isBlank(value) && !sameValue(value, start);

/**
 * One state per step. `start`: the answers of a fresh form (defaults filled in); `errors`: the shared
 * validator's errors for all answers (attachment errors are ignored here).
 */
export function stepStates(steps: readonly StepView[], data: Record<string, unknown>, start: Record<string, unknown>, errors: readonly FieldError[]): TaskState[] {
  const failing = new Set(errors.map((e) => stepOfPointer(steps as StepView[], e.pointer)));
  return steps.map((step, i) =>
    stateOf(
      failing.has(i),
      step.fields.some((name) => isAnswered(data[name], start[name])),
    ),
  );
}

/**
 * The attachments: by their errors once a file is attached; before that they cannot start while a section is
 * unfinished, since the answers decide which documents are needed.
 */
export function attachmentsState(sections: readonly TaskState[], fileCount: number, errors: readonly FieldError[]): TaskState {
  const hasErrors = errors.some((e) => e.pointer.startsWith('/attachments/'));
  if (fileCount === 0 && sections.some((s) => s !== 'complete')) return 'cannotStart';
  return stateOf(hasErrors, fileCount > 0);
}

/** The check page opens when every other part is complete. */
export const reviewOpen = (parts: readonly TaskState[]) => parts.every((s) => s === 'complete');
