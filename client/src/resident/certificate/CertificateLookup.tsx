/**
 * On a follow-up procedure's form (応急修理, 支援金 …): 「罹災証明書から被害の
 * 程度を入れる」 asks for the certificate's number and 照合番号 and fills in
 * the damage level it states (what intake checks anyway). Loaded only on the
 * step that asks for the certificate.
 */
import { useState } from 'react';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { apiJson } from '../../common/api/http';
import { translateFrom, type Catalogue, type TextParams } from '../../common/i18n/catalogue';

// Its own few words: the apply page then loads one chunk for it, not the certificate pages' catalogue as well.
const WORDS = {
  lookup: ['罹災証明書から被害の程度を入れる', 'Fill in the damage level from the certificate'],
  lookupDone: ['証明書の被害の程度「{level}」を入れました。', 'Filled in the damage level on the certificate: {level}.'],
  number: ['証明書番号', 'Certificate number'],
  code: ['照合番号', 'Verification code'],
  check: ['確認する', 'Check'],
  checking: ['確認しています…', 'Checking…'],
  failed: ['確認できませんでした。時間をおいてもう一度お試しください。', 'The check could not be made. Please try again later.'],
} as const satisfies Catalogue;

type Reference = { number?: string; damageLevel?: string };

export default function CertificateLookup({ data, onData }: { data: Record<string, unknown>; onData: (data: Record<string, unknown>) => void }) {
  const value = data.risaiCertificate as Reference | undefined;
  const onFound = (found: { number: string; damageLevel: string }) => onData({ ...data, risaiCertificate: { ...value, ...found } });
  const { language } = useLanguage();
  const c = (key: keyof typeof WORDS, params?: TextParams) => translateFrom(WORDS, language, key, params);
  const [open, setOpen] = useState(false);
  const [number, setNumber] = useState(value?.number ?? '');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <button type="button" className="button button--secondary certificate-lookup" onClick={() => setOpen(true)}>
        {c('lookup')}
      </button>
    );
  }
  const look = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const q = `number=${encodeURIComponent(number.trim())}&code=${encodeURIComponent(code.trim())}`;
      const found = await apiJson<{ number: string; damageLevel: string }>(`/certificates/reference?${q}`, { language });
      onFound({ number: found.number, damageLevel: found.damageLevel });
      setMessage({ error: false, text: c('lookupDone', { level: found.damageLevel }) });
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message || c('failed') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice certificate-lookup" role="group" aria-label={c('lookup')}>
      <div className="field">
        <label className="field__label" htmlFor="lookup-number">
          {c('number')}
        </label>
        <input id="lookup-number" className="input" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="lookup-code">
          {c('code')}
        </label>
        <input id="lookup-code" className="input input--medium" autoComplete="off" autoCapitalize="characters" value={code} onChange={(e) => setCode(e.target.value)} />
      </div>
      <button type="button" className="button button--primary" disabled={busy || !number.trim() || !code.trim()} onClick={() => void look()}>
        {busy ? c('checking') : c('check')}
      </button>
      {message && (
        <p className={message.error ? 'field__error' : undefined} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
