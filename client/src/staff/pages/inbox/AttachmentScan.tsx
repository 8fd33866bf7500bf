/**
 * How an attachment's malware scan is shown to staff (issue #8): one badge per
 * file and one warning for the whole submission when a file is infected or
 * not yet scanned. The server refuses infected downloads; this says why first.
 */
import type { AttachmentView, SubmissionView } from '@madoguchi/shared';
import { useStaffText } from '../../i18n';

export function ScanBadge({ file }: { file: AttachmentView }) {
  const t = useStaffText();
  switch (file.scanState) {
    case 'clean':
      return <span className="scan-badge scan-badge--clean">{t('inbox.scan.scannedClean')}</span>;
    case 'pending':
      return <span className="scan-badge scan-badge--pending">{t('inbox.scan.scanPending')}</span>;
    case 'infected':
      return <span className="scan-badge scan-badge--infected">{t('inbox.scan.infected', { signature: file.scanSignature ?? t('inbox.scan.unknownSignature') })}</span>;
    default:
      return <span className="scan-badge scan-badge--off">{t('inbox.scan.scanningOff')}</span>;
  }
}

/** Shown at the top of a submission when any attachment is infected or still waiting for its scan. */
export function AttachmentScanWarning({ view }: { view: SubmissionView }) {
  const t = useStaffText();
  const files = view.attachments.flatMap((g) => g.files);
  const infected = files.filter((f) => f.scanState === 'infected').length;
  const pending = files.filter((f) => f.scanState === 'pending').length;
  if (!infected && !pending) return null;
  return (
    <div className="scan-warning" role="note">
      {infected > 0 && <p>{t('inbox.scan.infectedNotice', { infected })}</p>}
      {pending > 0 && <p>{t('inbox.scan.pendingNotice', { pending })}</p>}
    </div>
  );
}
