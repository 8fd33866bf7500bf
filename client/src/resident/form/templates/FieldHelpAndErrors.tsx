/** Help under the label and errors right above the control, each with the id `aria-describedby` points at. */
import type { FieldErrorProps, FieldHelpProps, DescriptionFieldProps } from '@rjsf/utils';
import { errorId, helpId } from '@rjsf/utils';
import { useLanguage } from '../../../common/i18n/LanguageContext';

export function FieldHelpTemplate({ fieldPathId, help }: FieldHelpProps) {
  if (!help) return null;
  return (
    <div id={helpId(fieldPathId)} className="field__help">
      {help}
    </div>
  );
}

export function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const { t } = useLanguage();
  const messages = errors.filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <div id={errorId(fieldPathId)} className="field__error">
      {messages.map((message, i) => (
        <p key={i}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {message}
        </p>
      ))}
    </div>
  );
}

export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <div id={id} className="field__description">
      {description}
    </div>
  );
}
