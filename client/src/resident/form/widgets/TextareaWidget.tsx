/** Free text with a live count of the characters left, when the schema limits the length. */
import type { WidgetProps } from '@rjsf/utils';
import { describedBy } from '../templates/describedBy';
import { useLanguage } from '../../../common/i18n/LanguageContext';

export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, onChange, onBlur, onFocus, options, schema, placeholder, rawErrors } = props;
  const { t } = useLanguage();
  const text = typeof value === 'string' ? value : '';
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  const rows = typeof options.rows === 'number' ? options.rows : 4;
  const invalid = (rawErrors?.length ?? 0) > 0;
  return (
    <>
      <textarea
        id={id}
        name={htmlName || id}
        className={`textarea ${invalid ? 'input--error' : ''}`}
        rows={rows}
        value={text}
        placeholder={placeholder || undefined}
        disabled={disabled}
        readOnly={readonly}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, { ...props, extra: [max ? `${id}__count` : undefined] })}
        onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
      />
      {max !== undefined && (
        <p className={`char-count ${text.length > max ? 'char-count--over' : ''}`} id={`${id}__count`}>
          {text.length > max ? t('form.charsOver', { n: text.length - max }) : t('form.charsLeft', { n: max - text.length })}
        </p>
      )}
    </>
  );
}
