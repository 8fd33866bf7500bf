/** 事前入力: the answers a resident prepared at home come in through their resume link (a QR scanner types it into the field). */
import { useState } from 'react';
import { useCounterText } from './counterMessages';

export function PrefillPanel({ disabled, prefilled, onLoad }: { disabled: boolean; prefilled: boolean; onLoad: (link: string) => Promise<boolean> }) {
  const t = useCounterText();
  const [link, setLink] = useState('');
  return (
    <form
      className="counter-prefill"
      onSubmit={(e) => {
        e.preventDefault();
        void onLoad(link).then((ok) => ok && setLink(''));
      }}
    >
      <div className="field">
        <label htmlFor="counter-prefill">{t('prefill')}</label>
        <p className="field__hint" id="counter-prefill-hint">
          {t('prefillHint')}
        </p>
        <div className="counter-picker__add">
          <input id="counter-prefill" value={link} disabled={disabled} onChange={(e) => setLink(e.target.value)} aria-describedby="counter-prefill-hint" autoComplete="off" inputMode="url" />
          <button type="submit" className="button" disabled={disabled || !link.trim()}>
            {t('prefillLoad')}
          </button>
        </div>
      </div>
      {prefilled && (
        <p className="notice" role="status">
          {t('prefillDone')}
        </p>
      )}
    </form>
  );
}
