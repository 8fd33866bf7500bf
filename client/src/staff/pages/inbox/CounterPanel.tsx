/**
 * 「窓口で受付」: how an application made at the counter came about
 * (書かない窓口, issue #19): 受付番号, desk, the clerk who served, how the 基本4情報 were
 * entered, 事前入力, how and when the visitor confirmed, and the signature
 * they drew on the tablet. The image is fetched from the server behind the
 * submission's own access check (and audited); it is never embedded in the page data.
 */
import { useStaffText } from '../../i18n';
import { jst, type SubmissionView } from './inboxApi';

export function CounterPanel({ view }: { view: SubmissionView }) {
  const t = useStaffText();
  const c = view.counter;
  if (!c) return null;
  const at = jst(c.confirmation.at);
  return (
    <section className="counter-origin" aria-labelledby="counter-title">
      <h2 id="counter-title">{t('inbox.counter.title')}</h2>
      <dl className="facts">
        <dt>{t('inbox.counter.ticket')}</dt>
        <dd className="mono">{c.ticketNumber}</dd>
        <dt>{t('inbox.counter.desk')}</dt>
        <dd>{c.desk}</dd>
        <dt>{t('inbox.counter.servedBy')}</dt>
        <dd>{c.servedBy.name}</dd>
        <dt>{t('inbox.counter.identity')}</dt>
        <dd>{t(c.identitySource === 'card' ? 'inbox.counter.identity.card' : 'inbox.counter.identity.typed')}</dd>
        <dt>{t('inbox.counter.prefilled')}</dt>
        <dd>{t(c.prefilled ? 'inbox.counter.prefilled.yes' : 'inbox.counter.prefilled.no')}</dd>
        <dt>{t('inbox.counter.confirmation')}</dt>
        <dd>{t(c.confirmation.method === 'tablet' ? 'inbox.counter.confirmation.tablet' : 'inbox.counter.confirmation.paper', { at })}</dd>
        <dt>{t('inbox.counter.signature')}</dt>
        <dd>
          {c.confirmation.signatureHref ? (
            <img className="counter-origin__signature" src={c.confirmation.signatureHref} alt={t('inbox.counter.signatureAlt')} />
          ) : (
            t(c.confirmation.method === 'paper' ? 'inbox.counter.paperOriginal' : 'inbox.counter.noSignature')
          )}
        </dd>
      </dl>
      {Object.values(c.sources).some((s) => s !== 'staff') && <p className="muted counter-origin__note">{t('inbox.counter.sourcesNote')}</p>}
    </section>
  );
}
