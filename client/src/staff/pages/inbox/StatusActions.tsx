/**
 * Status moves the shared transitions table allows from here (the server
 * refuses anything else), with an optional message the applicant sees on the
 * status page. The 補正依頼 has its own form (CorrectionRequestForm).
 */
import { useState, type FormEvent } from 'react';
import { useStaffText } from '../../i18n';
import { moveStatus, type Status, type SubmissionView } from './inboxApi';

export function StatusActions({ view, onDone }: { view: SubmissionView; onDone: (message: string) => void }) {
  const t = useStaffText();
  const options = view.transitions.filter((tr) => tr.to !== 'correction-requested');
  const [to, setTo] = useState<Status | ''>('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (options.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return setError(t('inbox.status.chooseNewStatus'));
    setBusy(true);
    setError('');
    try {
      await moveStatus(view.municipalityCode, view.id, to, view.status, note.trim() || undefined, to === 'rejected' ? reason : undefined);
      const label = options.find((o) => o.to === to)!.label;
      setTo('');
      setNote('');
      setReason('');
      onDone(t('inbox.status.statusChanged', { label }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel panel--wide" onSubmit={submit} aria-labelledby="status-form-title">
      <h2 id="status-form-title">{t('inbox.status.changeStatus')}</h2>
      <fieldset className="radios">
        <legend>{t('inbox.status.newStatus')}</legend>
        {options.map((o) => (
          <label key={o.to} className="radio">
            <input type="radio" name="to" value={o.to} checked={to === o.to} onChange={() => setTo(o.to)} /> {o.label}
          </label>
        ))}
      </fieldset>
      {to === 'rejected' && (
        <div className="field">
          <label htmlFor="reject-reason">{t('notices.reason')}</label>
          <textarea id="reject-reason" rows={3} maxLength={2000} required value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="reject-reason-hint" />
          <p id="reject-reason-hint" className="field__hint">
            {t('notices.reasonHelp')}
          </p>
        </div>
      )}
      {(to === 'completed' || to === 'rejected') && <p className="field__hint">{t('notices.willIssue', { title: to === 'rejected' ? '却下通知書' : '決定通知書' })}</p>}
      <div className="field">
        <label htmlFor="public-note">{t('inbox.status.message')}</label>
        <textarea id="public-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="public-note-hint" />
        <p id="public-note-hint" className="field__hint">
          {t('inbox.status.messageHelp')}
        </p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('inbox.status.submit')}
      </button>
    </form>
  );
}
