/**
 * The state of one task in a task list (a section of a long form, or a whole
 * procedure of a bundle), the way GOV.UK's task-list pattern names them.
 */
export type TaskState = 'notStarted' | 'inProgress' | 'complete' | 'cannotStart';

/** A task whose answers validate is complete; otherwise it is in progress once anything is answered. */
export function stateOf(hasErrors: boolean, hasAnswer: boolean): TaskState {
  if (!hasErrors) return 'complete';
  return hasAnswer ? 'inProgress' : 'notStarted';
}

/** The state of a task made of parts (a procedure of sections): complete when all are, untouched when none is begun. */
export function combinedState(parts: readonly TaskState[]): TaskState {
  if (parts.every((s) => s === 'complete')) return 'complete';
  if (parts.every((s) => s === 'notStarted' || s === 'cannotStart')) return 'notStarted';
  return 'inProgress';
}
