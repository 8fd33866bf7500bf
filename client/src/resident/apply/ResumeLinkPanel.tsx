/**
 * 「別の端末で続ける」: stores the draft on the server and shows a secret
 * resume link (`/resume/<id>#<secret>`; the part after # never reaches a
 * server log). Once made, the link is kept up to date at each step change.
 */
import { Suspense, lazy, useState } from 'react';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { createDraft, updateDraft, type DraftBody } from '../../common/api/residentApi';
import { CopyButton } from '../../common/CopyButton';
import { formatDateTime } from '../../common/format';
import { attachmentIds, type LocalDraft, type RemoteDraftRef } from './localDraft';

const ResumeQrCode = lazy(() => import('../resume/ResumeQrCode'));

export const draftBodyOf = (d: LocalDraft): DraftBody => ({
  municipalityCode: d.municipalityCode,
  procedureId: d.procedureId,
  formVersion: d.formVersion,
  data: d.data,
  attachments: attachmentIds(d.attachments),
  uploadToken: d.uploadToken,
});

/** Pushes the current answers (`body`: what the link carries, by default the one form) to the resume draft on the server. */
export async function syncRemoteDraft(d: LocalDraft, language: 'ja' | 'en', body = draftBodyOf(d)): Promise<string | undefined> {
  if (!d.remote) return undefined;
  const { expiresAt } = await updateDraft(d.remote.draftId, d.remote.secret, body, language);
  return expiresAt;
}

/** `body`: what the link carries when it is more than this form (a one-stop bundle). */
export function ResumeLinkPanel({ draft, onRemote, body }: { draft: LocalDraft; onRemote: (remote: RemoteDraftRef) => void; body?: DraftBody }) {
  const { t, language } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const make = async () => {
    setBusy(true);
    setError('');
    try {
      if (draft.remote) {
        const expiresAt = (await syncRemoteDraft(draft, language, body)) ?? draft.remote.expiresAt;
        onRemote({ ...draft.remote, expiresAt });
        setMessage(t('resume.updated', { at: formatDateTime(expiresAt, language) }));
      } else {
        const created = await createDraft(body ?? draftBodyOf(draft), language);
        onRemote({ draftId: created.draftId, secret: created.secret, expiresAt: created.expiresAt, resumePath: created.resumePath });
        setMessage(t('resume.created', { at: formatDateTime(created.expiresAt, language) }));
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const link = draft.remote ? `${window.location.origin}${draft.remote.resumePath}` : '';
  return (
    <details className="resume-panel">
      <summary>{t('resume.title')}</summary>
      <p>{t('resume.lead')}</p>
      <button type="button" className="button button--secondary" onClick={() => void make()} disabled={busy}>
        {draft.remote ? t('resume.update') : t('resume.create')}
      </button>
      <p role="status">{message}</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {link && (
        <div className="resume-panel__link">
          <label htmlFor="resume-link" className="field__label">
            {t('resume.linkLabel')}
          </label>
          <input id="resume-link" className="input" readOnly value={link} onFocus={(e) => e.target.select()} />
          <CopyButton text={link} label={t('resume.copy')} />
          <Suspense fallback={null}>
            <ResumeQrCode link={link} />
          </Suspense>
        </div>
      )}
    </details>
  );
}
