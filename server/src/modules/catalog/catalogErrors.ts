/**
 * How catalog problems become API errors: refused edits (422, `locked_item`
 * or `invalid_edit`), failed publish or pattern checks (422, one field error per problem) and malformed edit lists (400).
 */
import { EDIT_OPS_SCHEMA, EditRefusedError, createAjv, type DraftProblem, type EditOp, type FieldError } from '@madoguchi/shared';
import { AppError, BadRequestError, ValidationError } from '../../errors';
import { msg } from '../../i18n/messages';

/** A refused edit: the Japanese message says what and why; `opId` names the edit. */
export class EditRefusedApiError extends AppError {
  constructor(readonly refusal: EditRefusedError) {
    super(refusal.code, refusal.message, 422, true);
  }
}

/** Runs `fn`, turning a refused edit into its API error. */
export function refusalsToApi<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof EditRefusedError) throw new EditRefusedApiError(error);
    throw error;
  }
}

const toFieldError = (p: DraftProblem): FieldError => ({
  pointer: p.path ? `/${p.path.replace(/\./g, '/')}` : '',
  property: p.path ? `.${p.path}` : '',
  label: p.where,
  keyword: 'publish_check',
  message: p.message,
});

/** The publish checks failed: nothing was published (422 `validation_failed`, each problem a field error with keyword `publish_check`). */
export function publishCheckFailed(problems: DraftProblem[]): ValidationError {
  return new ValidationError(msg('publishCheckFailed', { count: problems.length }), problems.map(toFieldError));
}

/** A form with patterns that cannot be used was not saved (422 `validation_failed`, each pattern a field error with keyword `pattern_check`). */
export function patternCheckFailed(problems: DraftProblem[]): ValidationError {
  // The message names the first field itself: screens that show only the message (import, autosave) still say where.
  const more = problems.length > 1 ? `（ほかに${problems.length - 1}件）` : '';
  return new ValidationError(
    `使えない入力形式（正規表現）があるため、保存されていません。${problems[0]?.message ?? ''}${more}`,
    problems.map((p) => ({ ...toFieldError(p), keyword: 'pattern_check' })),
  );
}

const checkOps = createAjv().compile(EDIT_OPS_SCHEMA);

/** The edits of a request body, checked for shape (their meaning is checked when they are applied). */
export function parseOps(value: unknown): EditOp[] {
  if (!checkOps(value)) {
    const first = checkOps.errors?.[0];
    throw new BadRequestError(msg('malformedEdits', { where: `${first?.instancePath || '/'} ${first?.message ?? ''}` }), 'malformed_edits');
  }
  return value as EditOp[];
}
