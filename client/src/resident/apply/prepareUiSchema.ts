/**
 * The preset's uiSchema with the resident app's defaults: no reordering or
 * copying of repeated entries unless the preset asks, and no RJSF submit
 * button (the step navigation submits).
 */
import type { JsonSchema, UiSchema } from '@madoguchi/shared';
import { withCapacityWidgets } from '../form/capacity';

/** With `schema`, choices with a capacity get the widget that shows the places left (issue #22). */
export function prepareUiSchema(uiSchema: UiSchema, schema?: JsonSchema): UiSchema {
  return {
    ...(schema ? withCapacityWidgets(uiSchema, schema) : uiSchema),
    'ui:globalOptions': { orderable: false, copyable: false, ...(uiSchema['ui:globalOptions'] ?? {}) },
    'ui:submitButtonOptions': { norender: true },
  };
}
