/**
 * The message thread of a submission (issue #21), the same on the status page
 * and the staff submission page: correction requests, answers and free
 * messages in order, unread ones marked, a form to write (text ≤ 2000
 * characters, up to three PDF/JPEG/PNG files). The caller supplies how to load,
 * send and download (the applicant's secret header or the staff session).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Language } from '@madoguchi/shared';
import type { ThreadData } from './threadTypes';
import { threadTexts } from './threadTexts';
import './thread.css';

export interface ThreadPanelProps {
  language: Language;
  /** Whose page this is: the other side's messages can be unread. */
  side: 'desk' | 'applicant';
  load: () => Promise<ThreadData>;
  send: (form: FormData) => Promise<unknown>;
  download: (fileId: string, fileName: string) => Promise<void>;
  /** Called after each load with the number of unread messages (before they were marked read). */
  onLoaded?: (unread: number) => void;
  /** The label of an answer (JSON pointer), to name what a correction asks about; without it the fields are not listed. */
  fieldLabel?: (pointer: string) => string;
}

const MAX = 2000;

export function ThreadPanel({ language, side, load, send, download, onLoaded, fieldLabel }: ThreadPanelProps) {
  const tx = threadTexts(language);
  const [thread, setThread] = useState<ThreadData | null>(null);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const t = await load();
      setThread(t);
      onLoaded?.(t.unreadCount);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [load, onLoaded]);
  useEffect(() => void refresh(), [refresh]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    setSent(false);
    const form = new FormData();
    form.append('body', body);
    for (const f of files) form.append('files', f, f.name);
    setBusy(true);
    try {
      await send(form);
      setBody('');
      setFiles([]);
      setFormKey((k) => k + 1);
      setSent(true);
      await refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const kindLabel = (kind: ThreadData['items'][number]['kind']) => (kind === 'correction-request' ? tx.request : kind === 'correction-answer' ? tx.answer : tx.message);
  const time = (iso: string) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(iso));

  return (
    <div className="thread">
      {thread && thread.unreadCount > 0 && (
        <p className="thread__unread-summary" role="status">
          <span className="thread__badge">{tx.unread}</span> {tx.unreadCount(thread.unreadCount)}
        </p>
      )}
      {thread && thread.items.length === 0 && <p className="muted">{tx.empty}</p>}
      {thread && thread.items.length > 0 && (
        <ol className="thread__items">
          {thread.items.map((m) => (
            <li key={m.id} className={`thread__item thread__item--${m.from === side ? 'mine' : 'theirs'}${m.unread ? ' thread__item--unread' : ''}`}>
              <p className="thread__meta">
                {m.unread && <span className="thread__badge">{tx.unread}</span>} {kindLabel(m.kind)}・{m.authorName}・<time dateTime={m.createdAt}>{time(m.createdAt)}</time>
              </p>
              {m.body && <p className="thread__body">{m.body}</p>}
              {fieldLabel && m.fields.length > 0 && (
                <p className="thread__fields">
                  {m.kind === 'correction-request' ? tx.fields : tx.changed}
                  {m.fields.map(fieldLabel).join('、')}
                </p>
              )}
              {m.attachments.length > 0 && (
                <ul className="thread__files" aria-label={tx.files}>
                  {m.attachments.map((f) => (
                    <li key={f.id}>
                      <button type="button" className="link-button" onClick={() => void download(f.id, f.fileName).catch((e: Error) => setError(e.message))}>
                        {f.fileName}
                      </button>{' '}
                      <span className="muted">（{Math.max(1, Math.round(f.size / 1024))} KB）</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {thread?.canWrite !== false && (
        <form key={formKey} className="thread__form" onSubmit={submit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor={`thread-body-${side}`}>
              {side === 'desk' ? tx.writeToApplicant : tx.writeToDesk}
            </label>
            <p className="field__help" id={`thread-help-${side}`}>
              {tx.help}
            </p>
            <textarea id={`thread-body-${side}`} className="input thread__textarea" rows={4} value={body} aria-describedby={`thread-help-${side}`} onChange={(e) => setBody(e.target.value)} />
            <p className={`thread__count${[...body].length > MAX ? ' thread__count--over' : ''}`}>{tx.count([...body].length, MAX)}</p>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`thread-files-${side}`}>
              {tx.attach}
            </label>
            <input id={`thread-files-${side}`} type="file" multiple accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {sent && (
            <p className="thread__sent" role="status">
              {tx.sent}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            {tx.send}
          </button>
        </form>
      )}
      {thread?.canWrite === false && <p className="muted">{tx.closed}</p>}
    </div>
  );
}
