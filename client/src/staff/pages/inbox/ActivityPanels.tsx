/** The submission's history (status trail) and internal notes (the thread with the applicant: StaffThread.tsx). */
import { useState, type FormEvent } from 'react';
import { useStaffText } from '../../i18n';
import { addNote, jst, type SubmissionView } from './inboxApi';

export function HistoryPanel({ view }: { view: SubmissionView }) {
  const t = useStaffText();
  return (
    <ol className="timeline">
      {view.history.map((h, i) => (
        <li key={i}>
          <time dateTime={h.at}>{jst(h.at)}</time> <strong>{h.toLabel}</strong> <span className="muted">（{h.byName}）</span>
          {h.publicNote && (
            <p className="timeline__note">
              <span className="visually-hidden">{t('inbox.activity.messageApplicant')}</span>
              {h.publicNote}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function NotesPanel({ view, onAdded }: { view: SubmissionView; onAdded: () => void }) {
  const t = useStaffText();
  const [body, setBody] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      await addNote(view.municipalityCode, view.id, body);
      setBody('');
      onAdded();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <>
      {view.notes.length > 0 && (
        <ul className="notes">
          {view.notes.map((n) => (
            <li key={n.id}>
              <p>{n.body}</p>
              <p className="muted">
                {n.authorName}・<time dateTime={n.createdAt}>{jst(n.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="notes__form">
        <div className="field">
          <label htmlFor="note-body">{t('inbox.activity.noteLabel')}</label>
          <textarea id="note-body" rows={2} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--small" disabled={!body.trim()}>
          {t('inbox.activity.addNote')}
        </button>
      </form>
    </>
  );
}
