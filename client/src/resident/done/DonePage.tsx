/**
 * After submitting: the 到達番号 (large, copyable), the status key, the
 * status link, and a PDF copy of the application.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../common/PageHeading';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { CopyButton } from '../../common/CopyButton';
import { fetchReceiptPdf } from '../../common/api/residentApi';
import { formatDateTime } from '../../common/format';
import { loadReceipt, statusPath } from './receiptStore';

function PdfButton({ receiptNumber, secret }: { receiptNumber: string; secret: string }) {
  const { t, language } = useLanguage();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const download = async () => {
    setState('loading');
    try {
      const blob = await fetchReceiptPdf(receiptNumber, secret, language);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `madoguchi-${receiptNumber}.pdf`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => void download()} disabled={state === 'loading'}>
        {state === 'loading' ? t('done.pdfLoading') : t('done.pdf')}
      </button>
      {state === 'failed' && (
        <p className="field__error" role="alert">
          {t('done.pdfFailed')}
        </p>
      )}
    </>
  );
}

export default function DonePage() {
  const { code = '', procedureId = '' } = useParams();
  const { t, language } = useLanguage();
  const receipt = loadReceipt(code, procedureId);
  if (!receipt) {
    return (
      <>
        <PageHeading title={t('done.title')}>{t('done.title')}</PageHeading>
        <p>{t('done.noReceipt')}</p>
        <Link to="/status">{t('app.checkStatus')}</Link>
      </>
    );
  }
  const link = statusPath(receipt.receiptNumber, receipt.secret);
  return (
    <>
      <div className="panel panel--success">
        <PageHeading title={t('done.title')}>{t('done.title')}</PageHeading>
        <p className="panel__caption">{receipt.procedureTitle}</p>
        <p className="panel__label">{t('done.receiptNumber')}</p>
        <p className="receipt-number" id="receipt-number">
          {receipt.receiptNumber}
        </p>
        <CopyButton text={receipt.receiptNumber} label={`${t('done.copy')}（${t('done.receiptNumber')}）`} className="button button--inverse" />
      </div>
      <dl className="facts">
        <dt>{t('done.secret')}</dt>
        <dd>
          <code className="secret" id="status-secret">
            {receipt.secret}
          </code>
          <CopyButton text={receipt.secret} label={`${t('done.copy')}（${t('done.secret')}）`} />
        </dd>
        <dt>{t('done.submittedAt')}</dt>
        <dd>{formatDateTime(receipt.submittedAt, language)}</dd>
      </dl>
      <p className="notice">{t('done.keep')}</p>
      <div className="actions">
        <Link className="button button--primary" to={link}>
          {t('done.openStatus')}
        </Link>
        <CopyButton text={`${window.location.origin}${link}`} label={t('done.copyStatusLink')} />
        <PdfButton receiptNumber={receipt.receiptNumber} secret={receipt.secret} />
      </div>
      <p>
        <Link to={`/m/${code}`}>{t('done.toCatalog')}</Link>
      </p>
    </>
  );
}
