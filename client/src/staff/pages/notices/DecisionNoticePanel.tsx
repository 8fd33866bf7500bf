/** The submission's decision notice (決定通知書 / 却下通知書) in the staff view, once it was closed: number, date, the PDF. */
import { useEffect, useState } from 'react';
import { useStaffText } from '../../i18n';
import { formatWareki } from '../../../common/wareki';
import { getNotice, noticePdfUrl, type DecisionNotice } from './noticeApi';

export function DecisionNoticePanel({ code, submissionId, status }: { code: string; submissionId: string; status: string }) {
  const t = useStaffText();
  const [notice, setNotice] = useState<DecisionNotice | null>(null);
  useEffect(() => {
    if (status !== 'completed' && status !== 'rejected') return setNotice(null);
    void getNotice(code, submissionId)
      .then((r) => setNotice(r.notice))
      .catch(() => setNotice(null));
  }, [code, submissionId, status]);
  if (!notice) return null;
  return (
    <section className="panel panel--wide" aria-labelledby="decision-notice-title">
      <h2 id="decision-notice-title">{t('notices.panelTitle')}</h2>
      <p>{t('notices.facts', { title: notice.title, number: notice.number, date: formatWareki(notice.decidedOn) })}</p>
      <p>
        <a className="button button--small" href={noticePdfUrl(code, submissionId)} download>
          {t('notices.download')}
        </a>
      </p>
      <p className="field__hint">{t('notices.residentSees')}</p>
    </section>
  );
}
