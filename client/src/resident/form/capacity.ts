/**
 * Capacity (定員, issue #22) in the resident form: fields with `x-capacity` get the CapacityWidget,
 * which reads the places left per option from the form context (fetched from the public count).
 */
import { capacityFields, capacityTakes, type CapacityAvailability, type CapacityOptionState, type FieldError, type JsonSchema, type UiSchema } from '@madoguchi/shared';

export const CAPACITY_WIDGET = 'CapacityWidget';

/** The uiSchema with the capacity widget on every limited field (its path in `ui:options`, for the widget to look up). */
export function withCapacityWidgets(uiSchema: UiSchema, schema: JsonSchema): UiSchema {
  const fields = capacityFields(schema).filter((f) => !f.inArray);
  if (!fields.length) return uiSchema;
  const out: UiSchema = { ...uiSchema };
  for (const field of fields) {
    const keys = field.path.split('.');
    let at: Record<string, unknown> = out;
    for (const key of keys) {
      const next = { ...((at[key] as Record<string, unknown> | undefined) ?? {}) };
      at[key] = next;
      at = next;
    }
    at['ui:widget'] = CAPACITY_WIDGET;
    at['ui:options'] = { ...((at['ui:options'] as object | undefined) ?? {}), capacityField: field.path };
  }
  return out;
}

/** The live state of one option, when the count is known. */
export function optionState(availability: CapacityAvailability | undefined, fieldPath: string, option: unknown): CapacityOptionState | undefined {
  return availability?.fields.find((f) => f.path === fieldPath)?.options.find((o) => o.option === option);
}

/**
 * The count as it reads before anyone has applied: every limited option with all its places left.
 * The builder's preview shows a draft's options this way (a draft has no bookings; the live count
 * of the published version is on the capacity page).
 */
export function untakenAvailability(schema: JsonSchema, procedureId: string): CapacityAvailability {
  return {
    procedureId,
    fields: capacityFields(schema)
      .filter((f) => !f.inArray)
      .map((f) => ({
        path: f.path,
        title: f.title,
        options: f.options.map((option) => {
          const limit = f.rule.limits[option];
          return typeof limit === 'number' ? { option, capacity: limit, taken: 0, remaining: limit } : { option, capacity: null, taken: 0, remaining: null };
        }),
      })),
  };
}

/** Whether the form has a field with a capacity (only then is the count fetched). */
export const hasCapacity = (schema: JsonSchema) => capacityFields(schema).some((f) => !f.inArray);

/**
 * A chosen option without enough places left, as a problem at its field (keyword capacity_full, as
 * intake words it): after a 409 the count is fetched again and the field says so, also when a
 * one-stop bundle sends the resident back to the form. Intake stays the judge; this only tells early.
 */
export function fullChoiceErrors(availability: CapacityAvailability | undefined, schema: JsonSchema, data: unknown, language: 'ja' | 'en'): FieldError[] {
  if (!availability) return [];
  const titles = new Map(capacityFields(schema).map((f) => [f.path, f.title]));
  return capacityTakes(schema, data).flatMap((take) => {
    const remaining = optionState(availability, take.fieldPath, take.option)?.remaining;
    if (remaining == null || take.places <= remaining) return [];
    const label = titles.get(take.fieldPath) ?? take.fieldPath;
    const message =
      language === 'en'
        ? remaining === 0
          ? `"${take.option}" of "${label}" is full. Please choose another option.`
          : `"${take.option}" of "${label}" has only ${remaining} places left. Please choose another option.`
        : remaining === 0
          ? `「${label}」の「${take.option}」は定員に達したため、申し込めません。ほかの選択肢を選んでください。`
          : `「${label}」の「${take.option}」は残り${remaining}人分です。ほかの選択肢を選んでください。`;
    return [{ pointer: `/${take.fieldPath.split('.').join('/')}`, property: `.${take.fieldPath}`, label, keyword: 'capacity_full', message }];
  });
}
