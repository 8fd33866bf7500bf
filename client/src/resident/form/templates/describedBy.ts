/**
 * `aria-describedby` for a control: only the ids of the help, description
 * and error blocks that are on the page (RJSF's ariaDescribedByIds names all
 * three whether or not they exist, which screen readers report as broken).
 */
import { descriptionId, errorId, helpId, type RJSFSchema, type UiSchema } from '@rjsf/utils';

interface Parts {
  schema: RJSFSchema;
  uiSchema?: UiSchema;
  rawErrors?: string[];
  /** Extra ids of the widget's own (a live count, the other calendar …). */
  extra?: Array<string | false | undefined>;
}

/** The id of the note a condition shows under a control (FieldTemplate). */
export const noteId = (id: string) => `${id}__note`;

export function describedBy(id: string, { schema, uiSchema, rawErrors, extra = [] }: Parts): string | undefined {
  const ids = [
    (rawErrors?.length ?? 0) > 0 && errorId(id),
    (schema.description || uiSchema?.['ui:description']) && descriptionId(id),
    uiSchema?.['ui:help'] && helpId(id),
    schema['x-note'] !== undefined && noteId(id),
    ...extra,
  ].filter((x): x is string => typeof x === 'string' && x !== '');
  return ids.length ? ids.join(' ') : undefined;
}
