/** The error an edit raises when it cannot be made; the message is Japanese and shown to staff as is. */

/** Why an edit was refused. */
export type EditRefusal =
  /** The edit would remove or weaken an item the law requires. */
  | 'locked_item'
  /** The edit does not fit the form (unknown field, duplicate key, bad value…). */
  | 'invalid_edit';

/** An edit that cannot be made (see `code`); nothing was changed. */
export class EditRefusedError extends Error {
  constructor(
    message: string,
    readonly code: EditRefusal = 'invalid_edit',
    /** The edit that was refused, when known. */
    readonly opId?: string,
  ) {
    super(message);
    this.name = 'EditRefusedError';
  }
}

/** Refuses an invalid edit. */
export function invalidEdit(message: string): never {
  throw new EditRefusedError(message, 'invalid_edit');
}
