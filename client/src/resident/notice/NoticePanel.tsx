/**
 * The status page's decision notice: once the municipality closed the
 * application as 処理完了 or 却下, its 決定通知書 / 却下通知書 (number, date,
 * the PDF to download; a 却下通知書 says how to appeal).
 */
import { useEffect, useState } from 'react';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../common/i18n/catalogue';
import { dateText } from '../certificate/CertificatePanel';
import { fetchNoticePdf, getResidentNotice, type DecisionNotice } from './noticeApi';

const NOTICE_MESSAGES = {
  completed: ['申請についての決定通知書が発行されました。', 'The decision notice on your application has been issued.'],
  rejected: ['申請は却下されました。理由と不服申立ての方法は却下通知書に記載しています。', 'Your application was rejected. The notice states why and how to appeal.'],
  facts: ['{title} {number}（{date}）', '{title} {number} ({date})'],
  download: ['{title}をダウンロード（PDF）', 'Download the {title} (PDF)'],
  downloading: ['ダウンロードしています…', 'Downloading…'],
  downloadFailed: ['ダウンロードできませんでした。時間をおいてもう一度お試しください。', 'The download failed. Please try again later.'],
} as const satisfies Catalogue;

export default function NoticePanel({ receiptNumber, secret, status }: { receiptNumber: string; secret: string; status: string }) {
  const { language } = useLanguage();
  const n = (key: keyof typeof NOTICE_MESSAGES, params?: TextParams) => translateFrom(NOTICE_MESSAGES, language, key, params);
  const [notice, setNotice] = useState<DecisionNotice | null>(null);
  const [download, setDownload] = useState<'idle' | 'loading' | 'failed'>('idle');

  useEffect(() => {
    getResidentNotice(receiptNumber, secret, language)
      .then((r) => setNotice(r.notice))
      .catch(() => setNotice(null));
  }, [receiptNumber, secret, language, status]);

  if (!notice) return null;

  const save = async () => {
    setDownload('loading');
    try {
      const url = URL.createObjectURL(await fetchNoticePdf(receiptNumber, secret, language));
      const a = document.createElement('a');
      a.href = url;
      a.download = `notice-${receiptNumber}.pdf`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDownload('idle');
    } catch {
      setDownload('failed');
    }
  };

  return (
    <section className="status-result notice-panel" aria-labelledby="decision-notice-heading">
      <h2 id="decision-notice-heading">{notice.title}</h2>
      <p className={`notice ${notice.kind === 'rejected' ? 'notice--warning' : 'notice--success'}`}>{n(notice.kind)}</p>
      <p>{n('facts', { title: notice.title, number: notice.number, date: dateText(notice.decidedOn, language) })}</p>
      <button type="button" className="button button--primary" onClick={() => void save()} disabled={download === 'loading'}>
        {download === 'loading' ? n('downloading') : n('download', { title: notice.title })}
      </button>
      {download === 'failed' && (
        <p className="field__error" role="alert">
          {n('downloadFailed')}
        </p>
      )}
    </section>
  );
}
