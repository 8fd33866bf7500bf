/**
 * Recognises the shared blocks (氏名, 住所) and the widgets that are a group
 * of controls, so templates can lay them out and label them as one question.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

const DATE_FORMATS = new Set(['date', 'past-date', 'future-date']);

/** A `personName` block: 氏・名 and their readings side by side. */
export const isPersonNameSchema = (schema: RJSFSchema) => Boolean(schema.properties?.familyName && schema.properties?.givenName);

/** An `address` block whose postal code can fill the rest. */
export function isAddressSchema(schema: RJSFSchema): boolean {
  const p = schema.properties as Record<string, RJSFSchema> | undefined;
  return Boolean(p?.postalCode && p.prefecture && p.city && p.street);
}

/** Fields rendered as several controls (radio buttons, checkboxes, the 和暦 date): a fieldset with a legend, not a label. */
export function isGroupWidget(schema: RJSFSchema, uiSchema: UiSchema | undefined): boolean {
  const widget = uiSchema?.['ui:widget'];
  if (widget === 'radio' || widget === 'checkboxes') return true;
  if (typeof schema.format === 'string' && DATE_FORMATS.has(schema.format) && !widget) return true;
  return false;
}

/** Objects and arrays of objects draw their own fieldset; multi-selects are a widget. */
export function isContainer(schema: RJSFSchema, uiSchema: UiSchema | undefined): boolean {
  if (schema.type === 'object') return true;
  if (schema.type !== 'array') return false;
  if (uiSchema?.['ui:widget']) return false;
  const items = schema.items as RJSFSchema | undefined;
  return !(items && (Array.isArray(items.enum) || items.type === 'string'));
}
