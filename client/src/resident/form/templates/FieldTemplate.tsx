/**
 * One question: label (or legend for a group of controls), help, error and
 * the control, in the order people read them (GOV.UK / デジタル庁 style).
 * Objects and arrays draw their own fieldset, so they pass straight through.
 */
import type { FieldTemplateProps } from '@rjsf/utils';
import { descriptionId, errorId, helpId } from '@rjsf/utils';
import { CALC_KEYWORD } from '@madoguchi/shared';
import { RequirementBadge } from './RequirementBadge';
import { isContainer, isGroupWidget } from '../schemaKinds';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { japaneseOnly } from '../../../common/i18n/inLanguage';

export function FieldTemplate(props: FieldTemplateProps) {
  // Questions are written in Japanese by the municipality: on an English page a screen reader needs lang="ja".
  const ja = japaneseOnly(useLanguage().language);
  const { id, label, children, errors, help, description, hidden, required, displayLabel, rawErrors, rawHelp, schema, uiSchema, classNames, rawDescription } = props;
  if (hidden) return <div hidden>{children}</div>;
  if (isContainer(schema, uiSchema)) return <div className={`field field--container ${classNames ?? ''}`}>{children}</div>;
  const hasError = (rawErrors?.length ?? 0) > 0;
  const className = `field ${hasError ? 'field--error' : ''} ${classNames ?? ''}`;
  // RJSF renders the description through DescriptionFieldTemplate, which carries the id itself (one element, one id).
  const descriptionBlock = rawDescription ? description : null;
  if (isGroupWidget(schema, uiSchema)) {
    return (
      <fieldset
        className={`${className} field--group`}
        aria-describedby={[rawDescription ? descriptionId(id) : '', rawHelp ? helpId(id) : '', hasError ? errorId(id) : ''].join(' ').trim() || undefined}
      >
        <legend className="field__label" lang={ja}>
          {label}
          <RequirementBadge required={required} />
        </legend>
        {descriptionBlock}
        {help}
        {errors}
        {children}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      {displayLabel && (
        <label className="field__label" htmlFor={id} lang={ja}>
          {label}
          {/* A calculated value is never typed, so neither 必須 nor 任意 applies. */}
          {typeof (schema as Record<string, unknown>)[CALC_KEYWORD] !== 'string' && <RequirementBadge required={required} />}
        </label>
      )}
      {displayLabel && descriptionBlock}
      {help}
      {errors}
      {children}
    </div>
  );
}
