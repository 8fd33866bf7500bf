/**
 * Route `/m/:code/bundle/:receipt#secret`: the bundle receipt right after sending
 * (its 到達番号 and status key, to keep) and, then and later, where each of
 * its applications stands, each with its own 到達番号 and status link.
 */
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { PageHeading } from '../../common/PageHeading';
import { CopyButton } from '../../common/CopyButton';
import { ErrorBlock, Loading } from '../../common/StatusMessages';
import { formatDateTime } from '../../common/format';
import { useAsync } from '../../common/useAsync';
import { statusPath } from '../done/receiptStore';
import { MessageList } from '../status/MessageList';
import { getBundleStatus } from './bundleApi';
import { wasBundleJustSent } from './bundleReceipt';
import { useBundleText } from './bundleMessages';
import './bundle.css';

export default function BundleStatusPage() {
  const { receipt = '' } = useParams();
  const location = useLocation();
  const { t, language } = useLanguage();
  const b = useBundleText();
  const [secret] = useState(() => (location.hash ? decodeURIComponent(location.hash.slice(1)) : ''));
  const kept = wasBundleJustSent(receipt);
  // The key has been read: take it out of the address bar and the history.
  useEffect(() => {
    if (location.hash) window.history.replaceState(window.history.state, '', location.pathname + location.search);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const status = useAsync(() => getBundleStatus(receipt, secret, language), [receipt, secret, language]);
  if (status.status === 'loading') return <Loading />;
  if (status.status === 'error') return <ErrorBlock error={status.error} onRetry={status.reload} />;
  const { items, submittedAt, municipalityCode } = status.value;
  const title = kept ? b('doneTitle') : b('statusTitle');
  return (
    <>
      <div className={kept ? 'panel panel--success' : 'panel'}>
        <PageHeading title={title}>{title}</PageHeading>
        {kept && <p className="panel__caption">{b('doneLead', { n: items.length })}</p>}
        <p className="panel__label">{b('bundleReceipt')}</p>
        <p className="receipt-number" id="bundle-receipt-number">
          {status.value.receiptNumber}
        </p>
        {kept && <CopyButton text={status.value.receiptNumber} label={`${t('done.copy')}（${b('bundleReceipt')}）`} className="button button--inverse" />}
      </div>
      <dl className="facts">
        {kept && (
          <>
            <dt>{b('bundleSecret')}</dt>
            <dd>
              <code className="secret" id="bundle-secret">
                {secret}
              </code>
              <CopyButton text={secret} label={`${t('done.copy')}（${b('bundleSecret')}）`} />
            </dd>
          </>
        )}
        <dt>{t('done.submittedAt')}</dt>
        <dd>{formatDateTime(submittedAt, language)}</dd>
      </dl>
      {kept && <p className="notice">{b('keepNote')}</p>}
      <ol className="bundle-items">
        {items.map(({ status: item, secret: own }) => (
          <li key={item.receiptNumber} className="bundle-item">
            <h2 className="bundle-item__title">{item.procedureTitle}</h2>
            <dl className="facts">
              <dt>{b('receiptOf')}</dt>
              <dd className="bundle-item__receipt">{item.receiptNumber}</dd>
              <dt>{b('status')}</dt>
              <dd>
                <span className={`status-badge status-badge--${item.status}`}>{item.statusLabel}</span>
              </dd>
            </dl>
            {item.messages.length > 0 && <MessageList messages={item.messages} />}
            <Link to={statusPath(item.receiptNumber, own)}>{b('itemStatus')}</Link>
          </li>
        ))}
      </ol>
      <p>
        <Link to={`/m/${municipalityCode}`}>{t('done.toCatalog')}</Link>
      </p>
    </>
  );
}
