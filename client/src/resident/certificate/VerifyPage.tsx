/**
 * 罹災証明書の確認 (`/verify`): anyone holding a certificate types its number
 * and 照合番号 and sees what the municipality issued — 有効 with the level
 * and date, 取り消し with its date, or 一致しません (the same for an unknown
 * number and a wrong code). The QR code on the paper fills in the number.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { DAMAGE_LEVEL_EN, type DamageLevel } from '@madoguchi/shared';
import { PageHeading } from '../../common/PageHeading';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { verifyCertificate, type Verification } from './certificateApi';
import { useCertificateText } from './certificateMessages';
import { dateText } from './CertificatePanel';

function Answer({ answer }: { answer: Verification }) {
  const { language } = useLanguage();
  const c = useCertificateText();
  if (answer.result === 'mismatch') {
    return (
      <div className="notice notice--error" role="alert">
        <p className="verify-answer">{c('mismatch')}</p>
        <p>{c('mismatchLead')}</p>
      </div>
    );
  }
  if (answer.result === 'withdrawn') {
    return (
      <div className="notice notice--warning" role="status">
        <p className="verify-answer">{c('revoked')}</p>
        <p>{c('revokedLead', { date: dateText(answer.withdrawnOn, language) })}</p>
        <p>
          {c('number')}：{answer.number}
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice--success" role="status">
      <p className="verify-answer">{c('valid')}</p>
      <p>{c('validLead')}</p>
      <dl className="facts">
        <dt>{c('number')}</dt>
        <dd>{answer.number}</dd>
        <dt>{c('municipality')}</dt>
        <dd>{answer.municipalityName}</dd>
        <dt>{c('disaster')}</dt>
        <dd>
          {answer.disasterName}（{dateText(answer.disasterDate, language)}）
        </dd>
        <dt>{c('damageLevel')}</dt>
        <dd>
          <strong>{answer.damageLevel}</strong>
          {language === 'en' && ` (${DAMAGE_LEVEL_EN[answer.damageLevel as DamageLevel] ?? ''})`}
        </dd>
        <dt>{c('issuedOn')}</dt>
        <dd>{dateText(answer.issuedOn, language)}</dd>
      </dl>
    </div>
  );
}

export default function VerifyPage() {
  const { language } = useLanguage();
  const c = useCertificateText();
  const [params] = useSearchParams();
  const [number, setNumber] = useState(params.get('number') ?? '');
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<Verification | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    setAnswer(null);
    try {
      setAnswer(await verifyCertificate(number.trim(), code.trim(), language));
    } catch (err) {
      setError((err as Error).message || c('failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={c('verifyTitle')}>{c('verifyTitle')}</PageHeading>
      <p className="lead">{c('verifyLead')}</p>
      <p>{c('verifyHelp')}</p>
      <form className="status-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="certificate-number">
            {c('number')}
          </label>
          <p className="field__help" id="certificate-number-help">
            {c('numberHelp')}
          </p>
          <input
            id="certificate-number"
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={number}
            aria-describedby="certificate-number-help"
            onChange={(e) => setNumber(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="certificate-code">
            {c('code')}
          </label>
          <p className="field__help" id="certificate-code-help">
            {c('codeHelp')}
          </p>
          <input
            id="certificate-code"
            className="input input--medium"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={code}
            aria-describedby="certificate-code-help"
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy || !number.trim() || !code.trim()}>
          {busy ? c('checking') : c('check')}
        </button>
      </form>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {answer && <Answer answer={answer} />}
    </>
  );
}
