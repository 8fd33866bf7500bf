/**
 * Status moves the shared transitions table allows from here (the server
 * refuses anything else), with an optional message the applicant sees on the
 * status page. The 補正依頼 has its own form (CorrectionRequestForm).
 */
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { moveStatus, type Status, type SubmissionView } from './inboxApi';

export function StatusActions({ view, onDone }: { view: SubmissionView; onDone: (message: string) => void }) {
  const t = useT();
  const options = view.transitions.filter((tr) => tr.to !== 'correction-requested');
  const [to, setTo] = useState<Status | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (options.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return setError(t({ ja: '変更後の状況を選んでください。', en: 'Choose the new status.' }));
    setBusy(true);
    setError('');
    try {
      await moveStatus(view.municipalityCode, view.id, to, view.status, note.trim() || undefined);
      const label = options.find((o) => o.to === to)!.label;
      setTo('');
      setNote('');
      onDone(t({ ja: `状況を「${label}」に変更しました。`, en: `Status changed to "${label}".` }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel panel--wide" onSubmit={submit} aria-labelledby="status-form-title">
      <h2 id="status-form-title">{t({ ja: '状況の変更', en: 'Change status' })}</h2>
      <fieldset className="radios">
        <legend>{t({ ja: '変更後の状況', en: 'New status' })}</legend>
        {options.map((o) => (
          <label key={o.to} className="radio">
            <input type="radio" name="to" value={o.to} checked={to === o.to} onChange={() => setTo(o.to)} /> {o.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="public-note">{t({ ja: '申請者へのお知らせ（任意）', en: 'Message to the applicant (optional)' })}</label>
        <textarea id="public-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="public-note-hint" />
        <p id="public-note-hint" className="field__hint">
          {t({ ja: '状況確認ページに表示されます。メールには本文を載せません。', en: 'Shown on the status page; never in the e-mail.' })}
        </p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t({ ja: '状況を変更する', en: 'Change status' })}
      </button>
    </form>
  );
}
