/** 補正依頼: a message to the applicant and the answers they should correct (checked in the answers table). */
import { useState, type FormEvent } from 'react';
import { useStaffText } from '../../i18n';
import { requestCorrection, type SubmissionView } from './inboxApi';

export function CorrectionRequestForm({ view, selected, onCancel, onDone }: { view: SubmissionView; selected: Set<string>; onCancel: () => void; onDone: (message: string) => void }) {
  const t = useStaffText();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const labels = view.answers.filter((a) => selected.has(a.pointer)).map((a) => a.label);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) return setError(t('inbox.correction.messageRequired'));
    setBusy(true);
    setError('');
    try {
      await requestCorrection(view.municipalityCode, view.id, message.trim(), [...selected], view.status);
      onDone(t('inbox.correction.sent'));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel panel--wide panel--attention" onSubmit={submit} aria-labelledby="correction-title">
      <h2 id="correction-title">{t('inbox.correction.title')}</h2>
      <p className="field__hint">{t('inbox.correction.lead')}</p>
      <p aria-live="polite">{labels.length ? t('inbox.correction.fields', { fields: labels.join(t('common.listSeparator')) }) : t('inbox.correction.noFields')}</p>
      <div className="field">
        <label htmlFor="correction-message">{t('inbox.correction.messageApplicant')}</label>
        <textarea id="correction-message" rows={4} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} required />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('inbox.correction.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('inbox.correction.cancel')}
        </button>
      </div>
    </form>
  );
}
