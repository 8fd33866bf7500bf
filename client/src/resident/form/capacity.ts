/**
 * Capacity (定員, issue #22) in the resident form: fields with `x-capacity` get the CapacityWidget,
 * which reads the places left per option from the form context (fetched from the public count).
 */
import { capacityFields, type CapacityAvailability, type CapacityOptionState, type JsonSchema, type UiSchema } from '@madoguchi/shared';

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

/** Whether the form has a field with a capacity (only then is the count fetched). */
export const hasCapacity = (schema: JsonSchema) => capacityFields(schema).some((f) => !f.inArray);
