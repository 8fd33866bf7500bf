/**
 * The counter workspace of one visit (書かない窓口): choose the procedures,
 * take the 基本4情報 from the card (or type them), load what the resident
 * prepared online, fill in the forms while talking, let the visitor confirm
 * on the tablet (or on paper), submit, end. Nothing reloads the page; every
 * step is timed by the server.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { japanClock, type CardIdentity, type ProcedureDetail } from '@madoguchi/shared';
import { useSession } from '../../session';
import { FormError } from '../../ui/FormError';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { catalogApi, counterApi, type CardData } from './counterApi';
import { useCounterVisit } from './useCounterVisit';
import { useCounterText } from './counterMessages';
import { statusKey } from './CounterQueuePage';
import { ProcedurePicker } from './ProcedurePicker';
import { PrefillPanel } from './PrefillPanel';
import { CounterForms } from './CounterForms';
import { ConfirmationPanel } from './ConfirmationPanel';
import { CardReaderPanel } from './CardReaderPanel';
import { identityIntoWork } from './counterWork';
import './counter.css';

/** How often the screen looks whether the visitor has confirmed on the tablet. */
const CONFIRM_POLL_MS = 2000;

export default function CounterVisitPage() {
  const { sessionId = '' } = useParams();
  const { session } = useSession();
  const code = session?.municipality?.code ?? '';
  const t = useCounterText();
  const { language } = useLanguage();
  const { visit, work, error, saving, change, act, reload } = useCounterVisit(code, sessionId);
  const [details, setDetails] = useState<ProcedureDetail[]>([]);
  const cache = useRef(new Map<string, ProcedureDetail>());

  // The page appears once the visit's procedures are loaded too: their forms then come with it, instead of
  // pushing the buttons below them down while the clerk reaches for one (on reopening a visit with three forms).
  const [proceduresLoaded, setProceduresLoaded] = useState(false);
  const workLoaded = work !== null;
  const procedureIds = work?.procedureIds.join(',') ?? '';
  useEffect(() => {
    if (!workLoaded) return;
    const ids = procedureIds ? procedureIds.split(',') : [];
    Promise.all(ids.map(async (id) => cache.current.get(id) ?? (await catalogApi.procedure(code, id))))
      .then(
        (loaded) => {
          for (const d of loaded) cache.current.set(d.procedure.id, d);
          setDetails(loaded);
        },
        () => undefined, // not loaded: the page still opens, titles fall back to the procedure ids
      )
      .finally(() => setProceduresLoaded(true));
  }, [code, procedureIds, language, workLoaded]);

  // While a tablet is being paired, or the visitor confirms on it, look for it.
  const waitingForTablet = visit?.status === 'confirming' || (!!visit?.pairingExpiresAt && !visit.tabletPaired);
  useEffect(() => {
    if (!waitingForTablet) return;
    const timer = window.setInterval(() => void reload().catch(() => undefined), CONFIRM_POLL_MS);
    return () => window.clearInterval(timer);
  }, [waitingForTablet, reload]);

  const finished = useMemo(() => new Set((visit?.steps ?? []).filter((s) => s.kind === 'procedureFinished').map((s) => s.procedureId!)), [visit?.steps]);
  if (!code || !visit || !work || !proceduresLoaded) return <FormError message={error?.message ?? null} />;

  const editable = visit.status === 'serving' || visit.status === 'confirming';
  const started = visit.steps.find((s) => s.kind === 'serviceStarted');
  const titleOf = (id: string) => details.find((d) => d.procedure.id === id)?.procedure.title ?? id;
  const problems = (error?.fields ?? []).map((f) => {
    const item = /^\/items\/(\d+)/.exec(f.pointer);
    return `${item ? `${titleOf(visit.procedureIds[Number(item[1])] ?? '')}：` : ''}${f.label ? `${f.label} ` : ''}${f.message}`;
  });

  const cardRead = async (data: CardData): Promise<CardIdentity | undefined> => {
    const v = await act((revision) => counterApi.card(code, sessionId, revision, data));
    if (v?.identity) change((w) => identityIntoWork(w, v.identity as unknown as CardIdentity, details), true);
    return (v?.identity as unknown as CardIdentity) ?? undefined;
  };

  return (
    <section className="counter-page counter-visit" aria-labelledby="visit-title">
      <p>
        <Link to="/staff/counter">{t('backToQueue')}</Link>
      </p>
      <header className="counter-visit__head">
        <h1 id="visit-title">{t('visitTitle', { ticket: visit.ticketNumber })}</h1>
        <span className="counter-badge">{t(statusKey(visit.status))}</span>
        <span>{visit.desk}</span>
        {started && <span className="field__hint">{japanClock(started.at).time}〜</span>}
        <span className="field__hint" aria-live="polite">
          {saving ? t('saving') : ''}
        </span>
      </header>
      <FormError message={error ? [error.message, ...problems].join('\n') : null} />

      <Section title={t('choose')}>
        <ProcedurePicker
          code={code}
          procedureIds={work.procedureIds}
          guideId={work.guideId}
          disabled={!editable}
          onChange={(ids, guideId) => change((w) => ({ ...w, procedureIds: ids, guideId, answers: Object.fromEntries(Object.entries(w.answers).filter(([id]) => ids.includes(id))) }), true)}
        />
      </Section>

      <Section title={t('identity')}>
        <CardReaderPanel disabled={!editable} onRead={cardRead} />
        <p className="field__hint">
          {visit.identitySource === 'card' && visit.identity
            ? t('identityCard', { time: japanClock(String((visit.identity as { verifiedAt?: string }).verifiedAt ?? visit.updatedAt)).time })
            : t('identityTyped')}
        </p>
        <PrefillPanel
          disabled={!editable}
          prefilled={visit.prefilled}
          onLoad={async (link) => {
            const v = await act((revision) => counterApi.prefill(code, sessionId, revision, link));
            if (v) await reload();
            return !!v;
          }}
        />
      </Section>

      <Section title={t('forms')}>
        <CounterForms
          municipalityCode={code}
          details={details}
          work={work}
          finished={finished}
          disabled={!editable}
          onChange={change}
          onStarted={(id) => void act((revision) => counterApi.step(code, sessionId, revision, 'procedureStarted', id))}
          onFinished={(id) => void act((revision) => counterApi.step(code, sessionId, revision, 'procedureFinished', id))}
        />
      </Section>

      <Section title={t('confirm')}>
        <ConfirmationPanel
          visit={visit}
          details={details}
          actions={{
            pair: async () => {
              const r = await act(
                (revision) => counterApi.pair(code, sessionId, revision),
                (p) => p.session,
              );
              return r ? { code: r.code, expiresAt: r.expiresAt } : undefined;
            },
            ask: () => act((revision) => counterApi.askConfirmation(code, sessionId, revision)),
            paperSigned: () => act((revision) => counterApi.paperConfirmed(code, sessionId, revision)),
            submit: () =>
              act(
                () => counterApi.submit(code, sessionId),
                (r) => r.session,
              ),
            end: () => act((revision) => counterApi.end(code, sessionId, revision)),
            paperUrl: (id) => counterApi.paperUrl(code, sessionId, id),
          }}
        />
      </Section>
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="counter-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
