/**
 * The visitor reads what the clerk filled in, application by application,
 * signs where a procedure asks for it, and confirms with one big button. The
 * revision shown is the revision confirmed: answers the clerk changes
 * meanwhile are shown again, never confirmed unseen.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { CounterTabletView } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { ApiError } from '../../common/api/http';
import { confirmOnTablet } from './counterApi';
import { useCounterText } from './counterMessages';
import { SignaturePad } from './SignaturePad';
import { hasInk, signaturePng, type Stroke } from './signatureImage';
import { loadProcedureAnswers } from './ProcedureAnswers';
import { Loading } from '../../common/StatusMessages';

// The answers are shown with the form's own schema tools, which come with the application page's chunks.
const ProcedureAnswers = lazy(loadProcedureAnswers);

interface Props {
  view: CounterTabletView;
  /** The clerk changed the answers after they were first shown. */
  changed: boolean;
  onConfirmed: (view: CounterTabletView) => void;
  /** Ask the server for the visit again (it changed, or ended). */
  onRefresh: () => void;
  onEnded: () => void;
}

export function ConfirmScreen({ view, changed, onConfirmed, onRefresh, onEnded }: Props) {
  const { language } = useLanguage();
  const text = useCounterText();
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const errorRef = useRef<HTMLDivElement>(null);
  const reasonId = useId();
  const signature = view.items.some((i) => i.signature === 'required') ? 'required' : view.items.some((i) => i.signature === 'optional') ? 'optional' : 'none';
  const signed = hasInk(strokes);
  const blocked = signature === 'required' && !signed;
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const confirm = async () => {
    if (blocked || sending) return;
    setSending(true);
    setError(undefined);
    try {
      onConfirmed(await confirmOnTablet(view.revision, signature === 'none' ? undefined : signaturePng(strokes), language));
    } catch (failure) {
      setSending(false);
      if (failure instanceof ApiError && failure.status === 401) return onEnded();
      if (failure instanceof ApiError && failure.code === 'stale_counter_session') {
        setError(text('confirmChanged'));
        return onRefresh();
      }
      setError(failure instanceof ApiError && failure.status !== 0 ? failure.message : text('network'));
      if (failure instanceof ApiError && failure.status === 409) onRefresh();
    }
  };

  return (
    <>
      <h1 className="counter-title">{text('confirmTitle')}</h1>
      {changed && (
        <p className="counter-notice counter-notice--warning" role="status">
          {text('confirmChanged')}
        </p>
      )}
      <p className="counter-lead">{text('confirmLead', { n: view.items.length })}</p>
      <p className="counter-note">{text('confirmCorrect')}</p>
      <Suspense fallback={<Loading />}>
        {view.items.map((item, i) => (
          <ProcedureAnswers key={item.procedureId} item={item} index={i} count={view.items.length} />
        ))}
      </Suspense>
      <p className="counter-note counter-note--end">{text('confirmCorrect')}</p>
      {signature !== 'none' && (
        <section className="counter-sign" aria-labelledby="counter-sign-title">
          <h2 id="counter-sign-title" className="counter-procedure__title">
            {text('signTitle')}
          </h2>
          <p className="counter-lead">{signature === 'required' ? text('signRequired') : text('signOptional')}</p>
          <SignaturePad strokes={strokes} onChange={setStrokes} disabled={sending} />
        </section>
      )}
      {error && (
        <div className="counter-error" role="alert" tabIndex={-1} ref={errorRef}>
          <p>{error}</p>
        </div>
      )}
      <div className="counter-confirm">
        <button
          type="button"
          className="button button--primary counter-primary"
          onClick={confirm}
          disabled={blocked || sending}
          aria-busy={sending || undefined}
          aria-describedby={blocked ? reasonId : undefined}
        >
          {sending ? text('confirmSending') : text('confirmButton')}
        </button>
        {blocked && (
          <p id={reasonId} className="counter-reason">
            {text('confirmNeedsSignature')}
          </p>
        )}
      </div>
    </>
  );
}
