/**
 * Pairing: the six-digit code from the clerk's screen, typed on a large
 * on-screen keypad (or a keyboard), then 「つなぐ」. A wrong code shows the
 * server's own words and empties the boxes for another try.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { ApiError } from '../../common/api/http';
import { pairTablet } from './counterApi';
import { useCounterText } from './counterMessages';
import { CODE_LENGTH, isComplete, normaliseTyped, pressDigit, removeLast } from './pairingCode';

interface Props {
  municipalityCode: string;
  /** A word shown above the keypad (「受付は終了しました」 after a visit). */
  notice?: string;
  onPaired: () => void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function PairingScreen({ municipalityCode, notice, onPaired }: Props) {
  const { language } = useLanguage();
  const text = useCounterText();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const leftId = useId();
  const errorId = useId();
  useEffect(() => inputRef.current?.focus({ preventScroll: true }), []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const update = (next: string) => {
    setCode(next);
    if (next !== code) setError(undefined);
  };
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!isComplete(code) || sending) return;
    setSending(true);
    try {
      await pairTablet(municipalityCode, code, language);
      onPaired();
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status !== 0 ? failure.message : text('network'));
      setCode('');
      setSending(false);
    }
  };

  const left = CODE_LENGTH - code.length;
  return (
    <form className="counter-pairing" onSubmit={submit} noValidate>
      <h1 className="counter-title">{text('pairTitle')}</h1>
      {notice && (
        <p className="counter-notice" role="status">
          {notice}
        </p>
      )}
      <p className="counter-lead">{text('pairLead')}</p>
      {error && (
        <div className="counter-error" role="alert" tabIndex={-1} ref={errorRef} id={errorId}>
          <p>{error}</p>
        </div>
      )}
      <label htmlFor={inputId} className="visually-hidden">
        {text('pairCodeLabel')}
      </label>
      <div className="code-entry">
        {/* The real field (keyboard, paste, screen readers) lies unseen over the boxes that show it digit by digit. */}
        <input
          ref={inputRef}
          id={inputId}
          className="code-entry__input"
          value={code}
          onChange={(e) => update(normaliseTyped(e.target.value))}
          inputMode="none"
          autoComplete="one-time-code"
          maxLength={CODE_LENGTH + 2}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : '', leftId].filter(Boolean).join(' ')}
          disabled={sending}
        />
        <div className="code-entry__boxes" aria-hidden="true">
          {Array.from({ length: CODE_LENGTH }, (_, i) => (
            <span key={i} className={i === code.length ? 'code-entry__box code-entry__box--next' : 'code-entry__box'}>
              {code[i] ?? ''}
            </span>
          ))}
        </div>
      </div>
      <p id={leftId} className="code-entry__left" aria-live="polite">
        {left > 0 ? text('pairDigitsLeft', { n: left }) : text('pairDigitsDone')}
      </p>
      <div className="keypad" role="group" aria-label={text('pairKeypad')}>
        {KEYS.map((key) => (
          <button key={key} type="button" className="keypad__key" onClick={() => update(pressDigit(code, key))} disabled={sending || isComplete(code)}>
            {key}
          </button>
        ))}
        <button type="button" className="keypad__key keypad__key--small" onClick={() => update('')} disabled={sending || code === ''}>
          {text('pairClear')}
        </button>
        <button type="button" className="keypad__key" onClick={() => update(pressDigit(code, '0'))} disabled={sending || isComplete(code)}>
          0
        </button>
        <button type="button" className="keypad__key keypad__key--small" onClick={() => update(removeLast(code))} disabled={sending || code === ''}>
          <span aria-hidden="true">⌫</span>
          {text('pairBackspace')}
        </button>
      </div>
      <button type="submit" className="button button--primary counter-primary" disabled={!isComplete(code) || sending} aria-busy={sending || undefined}>
        {sending ? text('pairSending') : text('pairSubmit')}
      </button>
    </form>
  );
}
