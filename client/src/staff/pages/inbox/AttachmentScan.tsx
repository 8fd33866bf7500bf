/**
 * How an attachment's malware scan is shown to staff (issue #8): one badge per
 * file and one warning for the whole submission when a file is infected or
 * not yet scanned. The server refuses infected downloads; this says why first.
 */
import type { AttachmentView, SubmissionView } from '@madoguchi/shared';
import { useT } from '../../i18n';

export function ScanBadge({ file }: { file: AttachmentView }) {
  const t = useT();
  switch (file.scanState) {
    case 'clean':
      return <span className="scan-badge scan-badge--clean">{t({ ja: 'ウイルス検査済み', en: 'Scanned: clean' })}</span>;
    case 'pending':
      return <span className="scan-badge scan-badge--pending">{t({ ja: '検査待ち', en: 'Scan pending' })}</span>;
    case 'infected':
      return <span className="scan-badge scan-badge--infected">{t({ ja: `ウイルス検出：${file.scanSignature ?? '不明'}`, en: `Malware found: ${file.scanSignature ?? 'unknown'}` })}</span>;
    default:
      return <span className="scan-badge scan-badge--off">{t({ ja: '未検査（検査機能が無効）', en: 'Not scanned (scanning is off)' })}</span>;
  }
}

/** Shown at the top of a submission when any attachment is infected or still waiting for its scan. */
export function AttachmentScanWarning({ view }: { view: SubmissionView }) {
  const t = useT();
  const files = view.attachments.flatMap((g) => g.files);
  const infected = files.filter((f) => f.scanState === 'infected').length;
  const pending = files.filter((f) => f.scanState === 'pending').length;
  if (!infected && !pending) return null;
  return (
    <div className="scan-warning" role="note">
      {infected > 0 && (
        <p>
          {t({
            ja: `添付ファイル${infected}件からウイルスが検出されました。このファイルはダウンロードできません。申請者に別のファイルの提出を依頼してください。`,
            en: `Malware was found in ${infected} attachment(s). They cannot be downloaded; ask the applicant for another file.`,
          })}
        </p>
      )}
      {pending > 0 && (
        <p>
          {t({
            ja: `添付ファイル${pending}件はウイルス検査が終わっていません（検査待ち）。開く場合は十分注意してください。`,
            en: `${pending} attachment(s) have not been scanned yet (pending). Take care when opening them.`,
          })}
        </p>
      )}
    </div>
  );
}
