/** The resident's answer when a chosen option has no place left (issue #22): 409 capacity_full naming the option and its field. */
import { capacityFields, type CapacityTake, type JsonSchema } from '@madoguchi/shared';
import { FieldConflictError } from '../../errors';

export function capacityFullError(schema: JsonSchema, take: CapacityTake, ja: boolean): FieldConflictError {
  const label = capacityFields(schema).find((f) => f.path === take.fieldPath)?.title ?? take.fieldPath;
  const message = ja ? `「${label}」の「${take.option}」は定員に達したため、申し込めません。ほかの選択肢を選んでください。` : `"${take.option}" of "${label}" is full. Please choose another option.`;
  return new FieldConflictError(message, 'capacity_full', [{ pointer: `/${take.fieldPath.split('.').join('/')}`, property: `.${take.fieldPath}`, label, keyword: 'capacity_full', message }]);
}
