/**
 * `/m/:code/counter`: the tablet at a counter desk (書かない窓口, issue #19).
 * Paired by the code on the clerk's screen, it asks the server every ~2 s
 * what to show: please wait (the clerk is filling in), the answers to confirm
 * (with a signature where asked), thank you (with the 到達番号 once sent).
 * When the visit ends the server forgets the tablet (401) and the page goes
 * back to the code entry for the next visitor. The page fills the screen on
 * its own: no links lead a visitor away from the desk's tablet.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { CounterTabletView } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { ApiError } from '../../common/api/http';
import { Loading } from '../../common/StatusMessages';
import { getTabletView, unpairTablet } from './counterApi';
import { useCounterText } from './counterMessages';
import { usePolling } from './usePolling';
import { PairingScreen } from './PairingScreen';
import { ConfirmScreen } from './ConfirmScreen';
import { DoneScreen, WaitingScreen } from './StatusScreens';
import { UnpairButton } from './UnpairButton';
import './counter.css';

type Phase = { kind: 'checking' } | { kind: 'unpaired'; notice?: string } | { kind: 'paired'; view: CounterTabletView | null };

/** The same visit as shown (any change of answers or status moves the revision): keep the screen as it is. */
const sameView = (a: CounterTabletView | null, b: CounterTabletView) => !!a && a.revision === b.revision && a.status === b.status && a.receipts.length === b.receipts.length;

export default function CounterPage() {
  const { code = '' } = useParams();
  const { language, setLanguage } = useLanguage();
  const text = useCounterText();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [offline, setOffline] = useState(false);
  // The revision whose answers were first shown for confirmation: a later one means the clerk changed them.
  const [firstShown, setFirstShown] = useState<number>();
  const mainRef = useRef<HTMLElement>(null);
  const paired = phase.kind === 'paired';

  const ended = useCallback(() => {
    setFirstShown(undefined);
    setOffline(false);
    setPhase((was) => ({ kind: 'unpaired', ...(was.kind === 'paired' && was.view ? { notice: text('visitEnded') } : {}) }));
  }, [text]);
  const show = useCallback(
    (view: CounterTabletView) => {
      if (view.status === 'ended') return ended();
      setOffline(false);
      // A poll that brings nothing new keeps the screen (and the answers worked out from it) as they are.
      setPhase((was) => (was.kind === 'paired' && sameView(was.view, view) ? was : { kind: 'paired', view }));
      setFirstShown((first) => (view.status !== 'confirming' ? undefined : (first ?? view.revision)));
    },
    [ended],
  );

  /** Asks once; true when the server answered (a 401 included: the page then goes back to pairing). */
  const refresh = useCallback(
    async (signal?: AbortSignal): Promise<boolean> => {
      try {
        show(await getTabletView(language, signal));
        return true;
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 401) {
          ended();
          return true;
        }
        if ((failure as Error).name !== 'AbortError') setOffline(true);
        return false;
      }
    },
    [language, show, ended],
  );

  // Is this tablet still paired (a reload, the morning after)? Without a pairing, the code entry.
  useEffect(() => {
    getTabletView(language).then(show, (failure) => setPhase(failure instanceof ApiError && failure.status === 401 ? { kind: 'unpaired' } : { kind: 'paired', view: null }));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  usePolling(paired, refresh);

  const view = phase.kind === 'paired' ? phase.view : null;
  const screen = view?.status ?? 'none';
  // Each new screen starts at its top, with focus on the page for screen readers (the code entry keeps it on its field).
  useEffect(() => {
    window.scrollTo(0, 0);
    if (phase.kind === 'paired') mainRef.current?.focus({ preventScroll: true });
  }, [phase.kind, screen]);
  useEffect(() => {
    document.title = `${text('pageTitle')} | 窓口 Madoguchi`;
  }, [text]);

  const unpair = async () => {
    await unpairTablet(language).catch(() => undefined);
    setFirstShown(undefined);
    setPhase({ kind: 'unpaired' });
  };

  const other = language === 'ja' ? 'en' : 'ja';
  return (
    <div className="counter">
      <header className="counter-header">
        <p className="counter-header__place">{view?.municipalityName ?? '窓口'}</p>
        {view && (
          <p className="counter-header__ticket">
            <span className="counter-header__ticket-label">{text('ticket')}</span> <span className="counter-header__ticket-number">{view.ticketNumber}</span>
          </p>
        )}
        <button type="button" className="lang-switch counter-lang" lang={other} onClick={() => setLanguage(other)}>
          {other === 'en' ? 'English' : '日本語'}
        </button>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="counter-main">
        {offline && (
          <p className="counter-notice counter-notice--warning" role="status">
            {text('reconnecting')}
          </p>
        )}
        {phase.kind === 'checking' && <Loading />}
        {phase.kind === 'unpaired' && <PairingScreen municipalityCode={code} {...(phase.notice ? { notice: phase.notice } : {})} onPaired={() => refresh()} />}
        {phase.kind === 'paired' && !view && <Loading />}
        {view && (view.status === 'waiting' || view.status === 'serving') && <WaitingScreen view={view} />}
        {view?.status === 'confirming' && (
          <ConfirmScreen view={view} changed={firstShown !== undefined && view.revision !== firstShown} onConfirmed={show} onRefresh={() => refresh()} onEnded={ended} />
        )}
        {view && (view.status === 'confirmed' || view.status === 'submitted') && <DoneScreen view={view} />}
        {paired && <UnpairButton onUnpair={unpair} />}
      </main>
    </div>
  );
}
