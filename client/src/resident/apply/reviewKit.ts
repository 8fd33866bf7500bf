/**
 * The check page's way of showing answers, lent to the counter tablet (resident/counter/ProcedureAnswers):
 * the review rows and the form's schema tools. The tablet reaches them only through the application page's
 * module (`import('../apply/ApplyPage')`): a second way into the form's chunks would split them, and the
 * phone's application page would pay about 2 KB gzip for the split (tests/e2e/resident-bundle.test.ts).
 */
import { createSchemaUtils } from '@rjsf/utils';
import { SharedRjsfValidator } from '../form/sharedRjsfValidator';
import { RESIDENT_DEFAULTS_BEHAVIOR } from '../form/defaultsBehavior';
import { stepsOf } from './steps';

export async function loadReviewKit() {
  const [{ reviewRows }, { ReviewRows }] = await Promise.all([import('./reviewModel'), import('./ReviewRows')]);
  return { createSchemaUtils, SharedRjsfValidator, RESIDENT_DEFAULTS_BEHAVIOR, stepsOf, reviewRows, ReviewRows };
}

export type ReviewKit = Awaited<ReturnType<typeof loadReviewKit>>;
