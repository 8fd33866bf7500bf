/**
 * One question: label (or legend for a group of controls), help, error and
 * the control, in the order people read them (GOV.UK / デジタル庁 style).
 * Objects and arrays draw their own fieldset, so they pass straight through.
 */
import type { FieldTemplateProps } from '@rjsf/utils';
import { descriptionId, errorId, helpId } from '@rjsf/utils';
import { CALC_KEYWORD, NOTE_KEYWORD, type LogicNote } from '@madoguchi/shared';
import { RequirementBadge } from './RequirementBadge';
import { noteId } from './describedBy';
import { isContainer, isGroupWidget } from '../schemaKinds';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { japaneseOnly } from '../../../common/i18n/inLanguage';

export function FieldTemplate(props: FieldTemplateProps) {
  // Questions are written in Japanese by the municipality: on an English page a screen reader needs lang="ja".
  const { language } = useLanguage();
  const ja = japaneseOnly(language);
  const { id, label, children, errors, help, description, hidden, required, displayLabel, rawErrors, rawHelp, schema, uiSchema, classNames, rawDescription } = props;
  if (hidden) return <div hidden>{children}</div>;
  if (isContainer(schema, uiSchema)) return <div className={`field field--container ${classNames ?? ''}`}>{children}</div>;
  const hasError = (rawErrors?.length ?? 0) > 0;
  const className = `field ${hasError ? 'field--error' : ''} ${classNames ?? ''}`;
  // RJSF renders the description through DescriptionFieldTemplate, which carries the id itself (one element, one id).
  const descriptionBlock = rawDescription ? description : null;
  // A note a condition shows (logic/: the `message` effect); it never blocks.
  const note = schema[NOTE_KEYWORD] as LogicNote | undefined;
  const noteBlock = note ? (
    <p id={noteId(id)} className={`field__note field__note--${note.level}`} role="note" lang={language === 'en' && note.en ? undefined : ja}>
      {language === 'en' && note.en ? note.en : note.ja}
    </p>
  ) : null;
  if (isGroupWidget(schema, uiSchema)) {
    return (
      <fieldset
        className={`${className} field--group`}
        aria-describedby={[rawDescription ? descriptionId(id) : '', rawHelp ? helpId(id) : '', note ? noteId(id) : '', hasError ? errorId(id) : ''].join(' ').trim() || undefined}
      >
        <legend className="field__label" lang={ja}>
          {label}
          <RequirementBadge required={required} />
        </legend>
        {descriptionBlock}
        {help}
        {noteBlock}
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
      {noteBlock}
      {errors}
      {children}
    </div>
  );
}
