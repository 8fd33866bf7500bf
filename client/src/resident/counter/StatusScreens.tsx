/** The tablet between confirmations: please wait (the clerk is filling in), and thank you (with the 到達番号 once sent). */
import type { CounterTabletView } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { inLanguage } from '../../common/i18n/inLanguage';
import { useCounterText } from './counterMessages';

export function WaitingScreen({ view }: { view: CounterTabletView }) {
  const text = useCounterText();
  return (
    <div className="counter-status">
      <h1 className="counter-title">{text('waitTitle')}</h1>
      <p className="counter-big-ticket" aria-hidden="true">
        {view.ticketNumber}
      </p>
      {view.status === 'waiting' ? (
        <p className="counter-lead">{text('waitQueue')}</p>
      ) : (
        <>
          <p className="counter-lead">{text('waitLead')}</p>
          <p className="counter-note">{text('waitNext')}</p>
        </>
      )}
    </div>
  );
}

export function DoneScreen({ view }: { view: CounterTabletView }) {
  const { language } = useLanguage();
  const text = useCounterText();
  const submitted = view.status === 'submitted' && view.receipts.length > 0;
  return (
    <div className="counter-status">
      <h1 className="counter-title counter-title--thanks">{text('thanksTitle')}</h1>
      <p className="counter-lead">{submitted ? text('thanksSubmitted') : text('thanksConfirmed')}</p>
      {submitted && (
        <section className="counter-receipts-panel" aria-labelledby="counter-receipts">
          <h2 id="counter-receipts" className="counter-procedure__title">
            {text('receipts')}
          </h2>
          <p className="counter-note">{text('receiptsLead')}</p>
          <dl className="counter-receipts">
            {view.receipts.map((r) => (
              <div className="counter-receipts__row" key={r.receiptNumber}>
                <dt lang={inLanguage(language, r.title, r.titleEn).lang}>{inLanguage(language, r.title, r.titleEn).text}</dt>
                <dd className="counter-receipts__number">{r.receiptNumber}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
