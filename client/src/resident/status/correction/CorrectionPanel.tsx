/**
 * The applicant's side of a 補正依頼, for the status page: the municipality's
 * message, the answers it asks to correct (each as a plain input), documents
 * to add and a reply. Sending creates a new version of the application; the
 * earlier versions and the messages so far stay readable below.
 *
 * Mount it on the status page once the receipt number and secret are known:
 *   <CorrectionPanel receiptNumber={r} secret={s} language={language} onAnswered={reload} />
 * It renders nothing when there is no correction to show.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { loadCorrection, newUploadToken, sendAnswer, startCorrectionSigning, uploadFile, type CorrectionView, type FieldProblem, type Lang } from './correctionApi';
import { readStored, removeStored, writeStored } from '../../../common/storage';
import { CorrectionFieldInput, fieldId } from './CorrectionFieldInput';
import { CorrectionHistory } from './CorrectionHistory';
import { dateTime, text } from './correctionText';
import './correction.css';
import type { ApiError } from '../../../common/api/http';

export interface CorrectionPanelProps {
  receiptNumber: string;
  secret: string;
  language?: Lang;
  /** Called after an answer was accepted (e.g. to reload the status shown above). */
  onAnswered?: () => void;
}

/** What the panel holds while the resident signs with the card (the browser leaves the page and comes back). */
interface PendingAnswer {
  values: Record<string, unknown>;
  message: string;
  files: Record<string, Array<{ fileId: string; fileName: string }>>;
  uploadToken: string;
}

/** The signature handle the signing step sent back (`?signature=`), or a refusal (`?cardError=`); read once. */
function signingOutcome(): { signature?: string; failed: boolean } {
  const params = new URLSearchParams(window.location.search);
  const signature = params.get('signature') ?? undefined;
  const failed = params.has('cardError');
  if (signature || failed) window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  return { ...(signature ? { signature } : {}), failed };
}

export default function CorrectionPanel({ receiptNumber, secret, language = 'ja', onAnswered }: CorrectionPanelProps) {
  const pendingKey = `madoguchi:correction-signing:${receiptNumber}`;
  const [pending] = useState(() => readStored<PendingAnswer>(pendingKey, 'session'));
  const [outcome] = useState(signingOutcome);
  const [view, setView] = useState<CorrectionView | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [message, setMessage] = useState(pending?.message ?? '');
  const [files, setFiles] = useState<Record<string, Array<{ fileId: string; fileName: string }>>>(pending?.files ?? {});
  const [uploadToken] = useState(() => pending?.uploadToken ?? newUploadToken());
  const [kind, setKind] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState<'' | 'sending' | 'uploading'>('');
  const summary = useRef<HTMLDivElement>(null);

  // Back from signing, the first load shows the answers the resident had typed, not the stored ones.
  const typedBeforeSigning = useRef(pending?.values);
  const load = useCallback(async () => {
    try {
      const v = await loadCorrection(receiptNumber, secret, language);
      setView(v);
      const typed = typedBeforeSigning.current;
      typedBeforeSigning.current = undefined;
      setValues(typed ?? Object.fromEntries((v.request?.fields ?? []).map((f) => [f.pointer, f.value])));
      setKind((k) => k || v.attachments[0]?.id || '');
    } catch {
      setView(null); // the status lookup above already says what went wrong
    }
  }, [receiptNumber, secret, language]);
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (problems.length || error) summary.current?.focus();
  }, [problems, error]);

  if (!view || (!view.request && view.messages.length === 0 && view.revisions.length === 0 && !sent)) return null;

  const attach = async (specId: string, list: FileList | null) => {
    if (!list?.length) return;
    setBusy('uploading');
    setError('');
    try {
      for (const file of Array.from(list)) {
        const up = await uploadFile(view.municipalityCode, view.procedureId, specId, uploadToken, file, language);
        setFiles((f) => ({ ...f, [specId]: [...(f[specId] ?? []), { fileId: up.fileId, fileName: up.fileName }] }));
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy('');
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('sending');
    setError('');
    setProblems([]);
    const original = Object.fromEntries((view.request?.fields ?? []).map((f) => [f.pointer, f.value]));
    const changes = Object.fromEntries(Object.entries(values).filter(([p, v]) => JSON.stringify(v ?? null) !== JSON.stringify(original[p] ?? null)));
    const attachments = Object.fromEntries(Object.entries(files).map(([id, list]) => [id, list.map((f) => f.fileId)]));
    const changed = Object.keys(changes).length > 0 || Object.keys(attachments).length > 0;
    try {
      if (view.signatureRequired && changed && !outcome.signature) {
        // Signed first, with the card: the browser goes to the デジタル認証アプリ and comes back here.
        writeStored(pendingKey, { values, message, files, uploadToken } satisfies PendingAnswer, 'session');
        // Back to this page with the key in the fragment (never in the query, so it reaches no server log).
        const returnTo = `${window.location.pathname}#${encodeURIComponent(secret)}`;
        const { url } = await startCorrectionSigning(view.receiptNumber, secret, { message, changes, attachments, uploadToken, revision: view.revision, returnTo }, language);
        window.location.assign(url);
        return;
      }
      await sendAnswer(view.receiptNumber, secret, { message, changes, attachments, uploadToken, revision: view.revision, ...(outcome.signature ? { signature: outcome.signature } : {}) }, language);
      removeStored(pendingKey, 'session');
      setSent(true);
      setMessage('');
      setFiles({});
      await load();
      onAnswered?.();
    } catch (err) {
      const ce = err as ApiError;
      setProblems(ce.fields ?? []);
      setError(ce.message);
    } finally {
      setBusy('');
    }
  };

  const problemFor = (pointer: string) => problems.find((p) => p.pointer === pointer)?.message;
  const fileProblems = problems.filter((p) => p.pointer.startsWith('/attachments/'));
  const request = view.request;
  const spec = view.attachments.find((a) => a.id === kind);

  return (
    <section className="correction section" aria-labelledby="correction-title">
      <h2 id="correction-title" className="section__title">
        {text(language, 'title')}
      </h2>
      {sent && (
        <div className="notice" role="status">
          <p>{text(language, 'sent')}</p>
        </div>
      )}
      {request && (
        <form onSubmit={submit} noValidate>
          <p className="lead">{text(language, 'lead')}</p>
          <div className="correction__request">
            <p className="correction__meta">
              {text(language, 'requestedAt')}：{dateTime(request.requestedAt, language)}
            </p>
            <p className="correction__body">{request.message}</p>
          </div>
          {(error || problems.length > 0) && (
            <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="correction-errors-title">
              <h3 id="correction-errors-title" className="error-summary__title">
                {text(language, 'errorsTitle')}
              </h3>
              <p>{error}</p>
              {problems.length > 0 && (
                <ul className="error-summary__list">
                  {problems.map((p) => (
                    <li key={p.pointer}>
                      <a href={`#${p.pointer.startsWith('/attachments/') ? 'correction-file' : fieldId(p.pointer)}`}>{p.message}</a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {request.fields.length > 0 && (
            <fieldset className="correction__fields">
              <legend className="subsection__title">{text(language, 'fieldsTitle')}</legend>
              <p className="field__help">{text(language, 'fieldsHelp')}</p>
              {request.fields.map((f) => (
                <CorrectionFieldInput
                  key={f.pointer}
                  field={f}
                  value={values[f.pointer]}
                  language={language}
                  {...(problemFor(f.pointer) ? { error: problemFor(f.pointer)! } : {})}
                  onChange={(v) => setValues((s) => ({ ...s, [f.pointer]: v }))}
                />
              ))}
            </fieldset>
          )}
          <fieldset className="correction__files">
            <legend className="subsection__title">{text(language, 'filesTitle')}</legend>
            <p className="field__help">{text(language, 'filesHelp')}</p>
            {fileProblems.map((p) => (
              <p key={p.pointer} className="field__error">
                {p.message}
              </p>
            ))}
            <div className="field">
              <label className="field__label" htmlFor="correction-file-kind">
                {text(language, 'fileKind')}
              </label>
              <select id="correction-file-kind" className="select" value={kind} onChange={(e) => setKind(e.target.value)}>
                {view.attachments.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                    {a.files.length ? `（${text(language, 'attached')} ${a.files.length}）` : ''}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="correction-file">
                {text(language, 'fileChoose')}
              </label>
              <input
                id="correction-file"
                type="file"
                accept={spec?.accept.join(',')}
                multiple={(spec?.maxFiles ?? 1) > 1}
                disabled={busy !== ''}
                onChange={(e) => void attach(kind, e.target.files).then(() => (e.target.value = ''))}
              />
            </div>
            {Object.values(files).some((l) => l.length > 0) && (
              <ul className="file-list">
                {Object.entries(files).flatMap(([specId, list]) =>
                  list.map((f) => (
                    <li key={f.fileId} className="file-list__item">
                      <span className="file-list__name">{f.fileName}</span> <span className="correction__group">{view.attachments.find((a) => a.id === specId)?.label}</span>{' '}
                      <button type="button" className="button button--tertiary" onClick={() => setFiles((s) => ({ ...s, [specId]: s[specId]!.filter((x) => x.fileId !== f.fileId) }))}>
                        {text(language, 'remove')}
                      </button>
                    </li>
                  )),
                )}
              </ul>
            )}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor="correction-message">
              {text(language, 'messageLabel')}
            </label>
            <p className="field__help" id="correction-message-help">
              {text(language, 'messageHelp')}
            </p>
            <textarea id="correction-message" className="textarea" rows={4} maxLength={2000} value={message} aria-describedby="correction-message-help" onChange={(e) => setMessage(e.target.value)} />
          </div>
          {view.signatureRequired && (
            <div className={outcome.failed ? 'notice notice--error' : 'notice'} role="status">
              <p>{outcome.signature ? text(language, 'signedNow') : outcome.failed ? text(language, 'signFailed') : text(language, 'signFirst')}</p>
            </div>
          )}
          <button type="submit" className="button button--primary" disabled={busy !== ''}>
            {busy === 'sending'
              ? text(language, 'sending')
              : busy === 'uploading'
                ? text(language, 'uploading')
                : view.signatureRequired && !outcome.signature
                  ? text(language, 'signAndSend')
                  : text(language, 'send')}
          </button>
        </form>
      )}
      {/* The open request is shown above; the history holds what came before it. */}
      <CorrectionHistory view={request ? { ...view, messages: view.messages.slice(0, -1) } : view} secret={secret} language={language} />
    </section>
  );
}
