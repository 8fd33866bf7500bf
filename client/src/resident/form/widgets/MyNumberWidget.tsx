/**
 * 個人番号: hidden like a password unless the resident asks to see it, the
 * numeric keypad, and the check digit verified as soon as 12 digits are in
 * (the same check the server makes).
 */
import { useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { describedBy } from '../templates/describedBy';
import { maskMyNumber, myNumberDigits, myNumberStatus } from '../../../common/myNumber';
import { useLanguage } from '../../../common/i18n/LanguageContext';

export function MyNumberWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, onChange, onBlur, onFocus, rawErrors, placeholder } = props;
  const { t } = useLanguage();
  const [revealed, setRevealed] = useState(false);
  const text = typeof value === 'string' ? value : '';
  const status = myNumberStatus(text);
  const invalid = (rawErrors?.length ?? 0) > 0 || status.kind === 'invalid-check-digit' || status.kind === 'too-long';
  const statusText =
    status.kind === 'incomplete'
      ? t('myNumber.remaining', { n: status.remaining })
      : status.kind === 'valid'
        ? t('myNumber.valid')
        : status.kind === 'invalid-check-digit'
          ? t('myNumber.invalid')
          : status.kind === 'too-long'
            ? t('myNumber.tooLong')
            : t('myNumber.hint');
  return (
    <div className="my-number">
      <div className="my-number__row">
        <input
          id={id}
          name={htmlName || id}
          className={`input input--medium my-number__input ${invalid ? 'input--error' : ''}`}
          type={revealed ? 'text' : 'password'}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={14}
          value={text}
          placeholder={placeholder || undefined}
          disabled={disabled}
          readOnly={readonly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(id, { ...props, extra: [`${id}__status`] })}
          onChange={(e) => {
            const digits = myNumberDigits(e.target.value);
            onChange(digits === '' ? undefined : digits);
          }}
          onBlur={(e) => onBlur(id, e.target.value)}
          onFocus={(e) => onFocus(id, e.target.value)}
        />
        <button type="button" className="button button--tertiary my-number__toggle" aria-pressed={revealed} aria-controls={id} onClick={() => setRevealed((r) => !r)}>
          {revealed ? t('myNumber.hide') : t('myNumber.show')}
        </button>
      </div>
      {/* Only the verdict is announced, not every digit count. */}
      <span className="visually-hidden" aria-live="polite">
        {status.kind === 'valid' || status.kind === 'invalid-check-digit' ? statusText : ''}
      </span>
      <p id={`${id}__status`} className={`my-number__status my-number__status--${status.kind}`}>
        {statusText}
        {text && !revealed && (
          <span className="my-number__masked">
            {' '}
            （{t('myNumber.masked')}: <span lang="en">{maskMyNumber(text)}</span>）
          </span>
        )}
      </p>
    </div>
  );
}
