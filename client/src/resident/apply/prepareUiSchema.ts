/**
 * The preset's uiSchema with the resident app's defaults: no reordering or
 * copying of repeated entries unless the preset asks, and no RJSF submit
 * button (the step navigation submits).
 */
import type { UiSchema } from '@madoguchi/shared';

export function prepareUiSchema(uiSchema: UiSchema): UiSchema {
  return {
    ...uiSchema,
    'ui:globalOptions': { orderable: false, copyable: false, ...(uiSchema['ui:globalOptions'] ?? {}) },
    'ui:submitButtonOptions': { norender: true },
  };
}
