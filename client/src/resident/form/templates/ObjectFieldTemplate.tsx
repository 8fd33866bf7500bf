/**
 * An object is a fieldset with a legend. The root object shows only the
 * current step's questions (all answers stay in one RJSF form, so conditions
 * across steps keep working and nothing is lost when moving between steps).
 */
import type { ObjectFieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import { errorId, getUiOptions, helpId } from '@rjsf/utils';
import { formContextOf } from '../formContext';
import { isAddressSchema, isPersonNameSchema } from '../schemaKinds';
import { RequirementBadge } from './RequirementBadge';
import { ErrorList, HelpText } from './FieldHelpAndErrors';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { japaneseOnly } from '../../../common/i18n/inLanguage';

/** 「お子さん 2」: array items are numbered so a screen reader user knows which one they are in. */
function itemTitle(title: string, path: ReadonlyArray<string | number>): string {
  const last = path[path.length - 1];
  return typeof last === 'number' ? `${title.replace(/-\d+$/, '')} ${last + 1}` : title;
}

export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, fieldPathId, registry, title, description, uiSchema, schema, required, errorSchema } = props;
  const { language } = useLanguage();
  const path = fieldPathId.path;
  if (path.length === 0) {
    const stepFields = formContextOf(registry).stepFields;
    const shown = stepFields ? properties.filter((p) => stepFields.includes(p.name)) : properties;
    return <div className="form-root">{shown.map((p) => p.content)}</div>;
  }
  const options = getUiOptions(uiSchema);
  const help = typeof uiSchema?.['ui:help'] === 'string' ? uiSchema['ui:help'] : undefined;
  const errors = (errorSchema?.__errors ?? []) as string[];
  const layout = isPersonNameSchema(schema as RJSFSchema) ? 'object__body--name' : isAddressSchema(schema as RJSFSchema) ? 'object__body--address' : '';
  const depth = Math.min(path.filter((s) => typeof s === 'string').length, 3);
  const legend = itemTitle(String(options.title ?? title ?? ''), path);
  const describedBy = [help ? helpId(fieldPathId) : '', errors.length ? errorId(fieldPathId) : ''].join(' ').trim();
  return (
    <fieldset className={`object object--depth-${depth} ${errors.length ? 'field--error' : ''}`} id={fieldPathId.$id} aria-describedby={describedBy || undefined}>
      {legend && (
        <legend className="object__legend" lang={japaneseOnly(language)}>
          {legend}
          {depth > 1 && typeof path[path.length - 1] !== 'number' && <RequirementBadge required={required} />}
        </legend>
      )}
      {description && <div className="field__description">{description}</div>}
      <HelpText fieldPathId={fieldPathId} help={help} />
      <ErrorList fieldPathId={fieldPathId} errors={errors} />
      <div className={`object__body ${layout}`}>{properties.map((p) => p.content)}</div>
    </fieldset>
  );
}
