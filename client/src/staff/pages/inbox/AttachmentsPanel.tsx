/** The attachments: download (safe names from the server), and a preview of images and PDFs in the page. */
import { useState } from 'react';
import { useStaffText } from '../../i18n';
import { fileUrl, type SubmissionView } from './inboxApi';
import { ScanBadge } from './AttachmentScan';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function AttachmentsPanel({ view }: { view: SubmissionView }) {
  const t = useStaffText();
  const [preview, setPreview] = useState<string | null>(null);
  if (view.attachments.every((g) => g.files.length === 0)) return <p className="muted">{t('inbox.attachments.noAttachments')}</p>;
  return (
    <ul className="attachments">
      {view.attachments.map((group) => (
        <li key={group.specId}>
          <h3>{group.label}</h3>
          <ul>
            {group.files.map((f) => (
              <li key={f.id} className="attachment">
                {/* An infected file is never offered for download (the server refuses it too). */}
                {f.scanState === 'infected' ? (
                  <span className="attachment__blocked">{f.fileName}</span>
                ) : (
                  <a href={fileUrl(view.municipalityCode, view.id, f.id)} download>
                    {f.fileName}
                  </a>
                )}{' '}
                <span className="muted">（{size(f.size)}）</span> <ScanBadge file={f} />
                {f.scanState === 'pending' && <span className="attachment__warning">{t('inbox.attachments.notScannedYet')}</span>}
                {f.previewable && (
                  <button type="button" className="button button--small" aria-expanded={preview === f.id} onClick={() => setPreview(preview === f.id ? null : f.id)}>
                    {preview === f.id ? t('inbox.attachments.closePreview') : t('inbox.attachments.preview')}
                  </button>
                )}
                {preview === f.id &&
                  (f.mediaType === 'application/pdf' ? (
                    <iframe className="attachment__pdf" src={fileUrl(view.municipalityCode, view.id, f.id, true)} title={f.fileName} />
                  ) : (
                    <img className="attachment__image" src={fileUrl(view.municipalityCode, view.id, f.id, true)} alt={`${group.label}：${f.fileName}`} />
                  ))}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
