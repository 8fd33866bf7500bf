/** Help under the label and errors right above the control, each with the id `aria-describedby` points at. */
import type { FieldErrorProps, FieldHelpProps, DescriptionFieldProps } from '@rjsf/utils';
import { errorId, helpId } from '@rjsf/utils';
import { useLanguage } from '../../../common/i18n/LanguageContext';

type FieldPathId = FieldHelpProps['fieldPathId'];

/** The help text of a field, a fieldset or a repeating group. */
export function HelpText({ fieldPathId, help }: { fieldPathId: FieldPathId; help?: FieldHelpProps['help'] }) {
  if (!help) return null;
  return (
    <div id={helpId(fieldPathId)} className="field__help">
      {help}
    </div>
  );
}

/** The errors of a field, a fieldset or a repeating group, announced with their prefix. */
export function ErrorList({ fieldPathId, errors = [] }: { fieldPathId: FieldPathId; errors?: FieldErrorProps['errors'] }) {
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

export function FieldHelpTemplate({ fieldPathId, help }: FieldHelpProps) {
  return <HelpText fieldPathId={fieldPathId} help={help} />;
}

export function FieldErrorTemplate({ errors, fieldPathId }: FieldErrorProps) {
  return <ErrorList fieldPathId={fieldPathId} errors={errors} />;
}

export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <div id={id} className="field__description">
      {description}
    </div>
  );
}
