/**
 * 申請状況の確認: receipt number and status key typed in, or taken from the
 * link `/status/<receipt>#<key>` (the key stays in the fragment, out of logs).
 */
import CorrectionPanel from './correction/CorrectionPanel';
import CertificatePanel from '../certificate/CertificatePanel';
import NoticePanel from '../notice/NoticePanel';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { StatusResponse } from '@madoguchi/shared';
import { PageHeading } from '../../common/PageHeading';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { getStatus } from '../../common/api/residentApi';
import { formatDateTime } from '../../common/format';
import { formatDateEnglish, formatWareki } from '../../common/wareki';
import { MessageList } from './MessageList';
import { ResidentThread } from './ResidentThread';
import { ApiError } from '../../common/api/http';
import { getBundleStatus } from '../bundle/bundleApi';
import { bundleStatusPath } from '../bundle/bundleReceipt';
import { useBundleText } from '../bundle/bundleMessages';

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function StatusResult({ status }: { status: StatusResponse }) {
  const { t, language } = useLanguage();
  return (
    <section className="status-result" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('status.current')}</h2>
      <p className={`status-badge status-badge--${status.status}`}>{status.statusLabel}</p>
      <dl className="facts">
        <dt>{t('status.receipt')}</dt>
        <dd>{status.receiptNumber}</dd>
        <dt>{t('status.procedure')}</dt>
        <dd>{status.procedureTitle}</dd>
        <dt>{t('status.formVersion')}</dt>
        <dd>{status.versionLabel}</dd>
        <dt>{t('status.submittedAt')}</dt>
        <dd>{formatDateTime(status.submittedAt, language)}</dd>
        <dt>{t('status.updatedAt')}</dt>
        <dd>{formatDateTime(status.updatedAt, language)}</dd>
        {status.deadline && (
          <>
            <dt>{t('status.deadline')}</dt>
            <dd>
              {t(status.deadline.unit === 'business' ? 'status.deadline.business' : 'status.deadline.calendar', {
                date: language === 'ja' ? formatWareki(status.deadline.dueDate) : formatDateEnglish(status.deadline.dueDate),
                days: status.deadline.days,
              })}
              {status.deadline.paused && <span className="status-deadline__paused">{t('status.deadline.paused')}</span>}
            </dd>
          </>
        )}
      </dl>
      <h3>{t('status.messages')}</h3>
      {status.messages.length === 0 ? <p>{t('status.noMessages')}</p> : <MessageList messages={status.messages} />}
    </section>
  );
}

export default function StatusPage() {
  const { receipt: receiptParam } = useParams();
  const location = useLocation();
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const b = useBundleText();
  const [receipt, setReceipt] = useState(receiptParam ? decode(receiptParam) : '');
  const [secret, setSecret] = useState(location.hash ? decode(location.hash.slice(1)) : '');
  const [status, setStatus] = useState<StatusResponse | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const check = async (r: string, s: string) => {
    setBusy(true);
    setError('');
    try {
      setStatus(await getStatus(r.trim(), s.trim(), language));
    } catch (e) {
      // A まとめ番号 (applications sent together) opens the bundle's page, which lists each application and its status.
      const bundle = e instanceof ApiError && e.status === 404 ? await getBundleStatus(r.trim(), s.trim(), language).catch(() => null) : null;
      if (bundle) return navigate(bundleStatusPath(bundle.municipalityCode, bundle.receiptNumber, s.trim()));
      setStatus(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  // A link with both parts looks the status up straight away.
  useEffect(() => {
    if (receipt && secret) void check(receipt, secret);
    // The key has been read: take it out of the address bar and the history.
    if (location.hash) window.history.replaceState(window.history.state, '', location.pathname + location.search);
  }, [language]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void check(receipt, secret);
  };
  return (
    <>
      <PageHeading title={t('status.title')}>{t('status.title')}</PageHeading>
      <p className="lead">{t('status.lead')}</p>
      <p>{b('statusHint')}</p>
      <form className="status-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="receipt">
            {t('status.receipt')}
          </label>
          <p className="field__help" id="receipt-help">
            {t('status.receiptHelp')}
          </p>
          <input
            id="receipt"
            className="input input--medium"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={receipt}
            aria-describedby="receipt-help"
            onChange={(e) => setReceipt(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="secret">
            {t('status.secret')}
          </label>
          <input id="secret" className="input" autoComplete="off" spellCheck={false} value={secret} onChange={(e) => setSecret(e.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy || !receipt || !secret}>
          {t('status.check')}
        </button>
      </form>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {status && <StatusResult status={status} />}
      {/* A 罹災証明書 application: the certificate once issued (download, 郵送, or withdrawn). */}
      {status?.procedureId === 'risai-shomeisho' && <CertificatePanel receiptNumber={status.receiptNumber} secret={secret.trim()} />}
      {(status?.status === 'completed' || status?.status === 'rejected') && <NoticePanel receiptNumber={status.receiptNumber} secret={secret.trim()} status={status.status} />}
      {/* The panel shows a pending correction request and earlier revisions; it renders nothing otherwise. */}
      {status && <CorrectionPanel receiptNumber={status.receiptNumber} secret={secret.trim()} language={language} onAnswered={() => void check(receipt, secret)} />}
      {/* Messages with the desk (issue #21): questions, reminders, files; unread ones marked. */}
      {status && <ResidentThread key={status.updatedAt} receiptNumber={status.receiptNumber} secret={secret.trim()} language={language} />}
    </>
  );
}
