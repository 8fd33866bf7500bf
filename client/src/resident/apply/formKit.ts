/**
 * The form's renderer, lent to the staff console's counter (staff/pages/counter/CounterForms): the step form,
 * its uiSchema preparation, the top-level fields, the validator and the places left (定員). Reached only through the application
 * page's module (`import('…/apply/ApplyPage')`), for the reason reviewKit.ts gives: a second way into the
 * form's chunks would split them, and the phone's application page would pay for the split.
 */
import { StepForm } from './StepForm';
import { prepareUiSchema } from './prepareUiSchema';
import { topLevelProperties } from './steps';
import { SharedRjsfValidator } from '../form/sharedRjsfValidator';
import { useCapacity } from './useCapacity';

export const loadFormKit = async () => ({ StepForm, prepareUiSchema, topLevelProperties, SharedRjsfValidator, useCapacity });

export type FormKit = Awaited<ReturnType<typeof loadFormKit>>;
