/**
 * One attachment of the procedure: what it is, when it is needed, the
 * accepted types and limits, the files attached so far, and a picker that
 * checks type, size and count before uploading with a progress bar.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import type { AttachmentSpec } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { deleteUpload } from '../../common/api/residentApi';
import { uploadFile } from '../../common/api/uploadFile';
import { formatBytes, formatMediaTypes } from '../../common/format';
import type { AttachedFile } from '../apply/localDraft';
import { rejectFile } from './attachmentChecks';
import { retryWhenBusy } from './retryWhenBusy';
import { useBusyText } from '../apply/busyMessages';

export interface AttachmentFieldProps {
  spec: AttachmentSpec;
  files: AttachedFile[];
  requiredNow: boolean;
  /** Applies a change to this attachment's file list (uploads finish in any order). */
  updateFiles: (update: (files: AttachedFile[]) => AttachedFile[]) => void;
  municipalityCode: string;
  procedureId: string;
  uploadToken: string;
  /** Errors from the step check or the server. */
  errors: string[];
  /** Reports uploads in progress, so the step waits for them. */
  onBusyChange: (busy: boolean) => void;
}

interface Upload {
  key: string;
  name: string;
  progress: number;
  /** Seconds until a refused upload (server busy) is sent again. */
  waitSeconds?: number;
}

/** The server's message usually names the file already (「x.png」は…); name it only when it does not. */
export const withFileName = (name: string, message: string) => (message.includes(name) ? message : `${name}: ${message}`);

export function AttachmentField(props: AttachmentFieldProps) {
  const { spec, files, requiredNow, updateFiles, municipalityCode, procedureId, uploadToken, errors, onBusyChange } = props;
  const { t, language } = useLanguage();
  const busyText = useBusyText();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const label = language === 'en' && spec.labelEn ? spec.labelEn : spec.label;
  const headingId = `attachment-${spec.id}-heading`;
  const free = spec.maxFiles - files.length - uploads.length;

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = ''; // the same file can be picked again after a failure
    const found: string[] = [];
    const accepted = picked.filter((file) => {
      const reason = rejectFile(spec, file, language);
      if (reason) found.push(reason);
      return !reason;
    });
    if (accepted.length > free) found.push(t('upload.tooMany', { label, max: spec.maxFiles }));
    setProblems(found);
    const batch = accepted.slice(0, Math.max(free, 0)).map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    if (batch.length === 0) return;
    setUploads((u) => [...u, ...batch.map(({ file, key }) => ({ key, name: file.name, progress: 0 }))]);
    onBusyChange(true);
    await Promise.all(
      batch.map(async ({ file, key }) => {
        try {
          const update = (change: Partial<Upload>) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, ...change } : x)));
          const stored = await retryWhenBusy(
            () => uploadFile({ municipalityCode, procedureId, attachmentId: spec.id, file, uploadToken, language, onProgress: (progress) => update({ progress }) }),
            (waitSeconds) => update({ waitSeconds, progress: 0 }),
          );
          updateFiles((current) => [...current, stored]);
        } catch (error) {
          setProblems((p) => [...p, withFileName(file.name, (error as Error).message)]);
        } finally {
          setUploads((u) => u.filter((x) => x.key !== key));
        }
      }),
    );
    onBusyChange(false);
  };

  const remove = (file: AttachedFile) => {
    updateFiles((current) => current.filter((f) => f.fileId !== file.fileId));
    deleteUpload(file.fileId, uploadToken, language).catch(() => undefined); // unused files are also swept by the server
    inputRef.current?.focus();
  };

  const shownErrors = [...errors, ...problems];
  return (
    <section className={`attachment ${shownErrors.length ? 'field--error' : ''}`} id={`attachment-${spec.id}`} aria-labelledby={headingId}>
      <h2 className="attachment__title" id={headingId}>
        {label}
        {requiredNow ? <span className="badge badge--required">{t('form.required')}</span> : <span className="badge badge--optional">{t('form.optional')}</span>}
      </h2>
      {spec.conditionText && <p className="attachment__condition">{t('upload.whenApplies', { condition: spec.conditionText })}</p>}
      {spec.description && <p className="attachment__description">{spec.description}</p>}
      <p className="attachment__limits" id={`attachment-${spec.id}-limits`}>
        {t('attachment.limits', { types: formatMediaTypes(spec.accept, language), maxFiles: spec.maxFiles, maxSizeMb: spec.maxSizeMb })}
      </p>
      {shownErrors.length > 0 && (
        <div className="field__error" id={`attachment-${spec.id}-error`} role="alert">
          {shownErrors.map((message, i) => (
            <p key={i}>{message}</p>
          ))}
        </div>
      )}
      {(files.length > 0 || uploads.length > 0) && (
        <ul className="file-list">
          {files.map((f, i) => {
            const name = f.fileName ?? t('upload.resumedFile', { n: i + 1 });
            return (
              <li key={f.fileId} className="file-list__item">
                <span className="file-list__name">{name}</span>
                {f.size !== undefined && <span className="file-list__size">{formatBytes(f.size)}</span>}
                <button type="button" className="button button--tertiary" onClick={() => remove(f)} aria-label={t('upload.removeFile', { name })}>
                  {t('upload.remove')}
                </button>
              </li>
            );
          })}
          {uploads.map((u) => (
            <li key={u.key} className="file-list__item file-list__item--uploading">
              <span className="file-list__name">{u.name}</span>
              <progress max={1} value={u.progress} aria-label={`${u.name} ${t('upload.uploading', { percent: Math.round(u.progress * 100) })}`} />
              <span className="file-list__size">{u.waitSeconds ? busyText('uploadWaiting', { seconds: u.waitSeconds }) : t('upload.uploading', { percent: Math.round(u.progress * 100) })}</span>
            </li>
          ))}
        </ul>
      )}
      {free > 0 && (
        <label className="button button--secondary file-picker">
          <span aria-hidden="true">＋ </span>
          {t('upload.choose')}
          <span className="visually-hidden">（{label}）</span>
          <input
            ref={inputRef}
            type="file"
            className="visually-hidden"
            accept={[...spec.accept, ...(spec.accept.includes('image/heic') ? ['.heic', '.heif'] : [])].join(',')}
            multiple={spec.maxFiles > 1}
            aria-describedby={`attachment-${spec.id}-limits${shownErrors.length ? ` attachment-${spec.id}-error` : ''}`}
            onChange={(e) => void pick(e)}
          />
        </label>
      )}
    </section>
  );
}
