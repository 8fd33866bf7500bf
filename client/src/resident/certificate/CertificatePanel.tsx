/**
 * The status page's 罹災証明書 section: issued (download, or 「郵送」 when the
 * resident asked for post), withdrawn (with its date only), or nothing yet.
 */
import { useEffect, useState } from 'react';
import { useLanguage, type Language } from '../../common/i18n/LanguageContext';
import { formatDateEnglish, formatWareki } from '../../common/wareki';
import { fetchCertificatePdf, getResidentCertificate, type ResidentCertificate } from './certificateApi';
import { useCertificateText } from './certificateMessages';

export const dateText = (iso: string, language: Language) => (language === 'en' ? formatDateEnglish(iso) : formatWareki(iso));

export default function CertificatePanel({ receiptNumber, secret }: { receiptNumber: string; secret: string }) {
  const { language } = useLanguage();
  const c = useCertificateText();
  const [certificate, setCertificate] = useState<ResidentCertificate | null>(null);
  const [download, setDownload] = useState<'idle' | 'loading' | 'failed'>('idle');

  useEffect(() => {
    getResidentCertificate(receiptNumber, secret, language)
      .then(setCertificate)
      .catch(() => setCertificate(null));
  }, [receiptNumber, secret, language]);

  if (!certificate || certificate.state === 'none') return null;

  const save = async () => {
    setDownload('loading');
    try {
      const url = URL.createObjectURL(await fetchCertificatePdf(receiptNumber, secret, language));
      const a = document.createElement('a');
      a.href = url;
      a.download = `risai-shomeisho-${receiptNumber}.pdf`;
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
    <section className="status-result certificate-panel" aria-labelledby="certificate-heading">
      <h2 id="certificate-heading">{c('heading')}</h2>
      {certificate.state === 'withdrawn' ? (
        <div className="notice notice--warning">
          <p>{c('withdrawn', { date: dateText(certificate.withdrawnOn, language) })}</p>
          <p>{c('withdrawnHelp')}</p>
        </div>
      ) : (
        <>
          <p className="notice notice--success">{c('issued')}</p>
          <p>{c('issuedFacts', { number: certificate.number, date: dateText(certificate.issuedOn, language) })}</p>
          {certificate.byPost ? (
            <p>{c('byPost')}</p>
          ) : (
            <>
              <button type="button" className="button button--primary" onClick={() => void save()} disabled={download === 'loading'}>
                {download === 'loading' ? c('downloading') : c('download')}
              </button>
              {download === 'failed' && (
                <p className="field__error" role="alert">
                  {c('downloadFailed')}
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
