/**
 * 窓口受付: issue a ticket number when a visitor arrives, see today's visits,
 * and call the next visitor to your desk (the desk's name is remembered on
 * this computer). Each visit opens the counter workspace.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { FormError } from '../../ui/FormError';
import { readStored, writeStored } from '../../../common/storage';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { japanClock } from '@madoguchi/shared';
import { counterApi, type CounterTimeline } from './counterApi';
import { useCounterText, type CounterMessageKey } from './counterMessages';
import './counter.css';

const DESK_KEY = 'madoguchi.counter.desk';

export const statusKey = (s: CounterTimeline['status']) => `status.${s}` as CounterMessageKey;

export function useDesk(): [string, (desk: string) => void] {
  const t = useCounterText();
  const [desk, setDesk] = useState(() => readStored<string>(DESK_KEY) ?? t('deskDefault'));
  return [
    desk,
    (value: string) => {
      setDesk(value);
      writeStored(DESK_KEY, value);
    },
  ];
}

export default function CounterQueuePage() {
  const t = useCounterText();
  const { language } = useLanguage();
  const { session } = useSession();
  const navigate = useNavigate();
  const code = session?.municipality?.code;
  const [visits, setVisits] = useState<CounterTimeline[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [desk, setDesk] = useDesk();
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));

  const load = useCallback(() => {
    if (code) counterApi.today(code).then((r) => setVisits(r.items), fail);
  }, [code]);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, 10_000); // other desks issue and call too
    return () => window.clearInterval(timer);
  }, [load]);

  if (!code) {
    return (
      <section>
        <h1>{t('title')}</h1>
        <p>{t('onlyMunicipal')}</p>
      </section>
    );
  }
  const issue = async () => {
    setError(null);
    try {
      const visit = await counterApi.open(code);
      setNotice(t('issued', { ticket: visit.ticketNumber }));
      load();
    } catch (e) {
      fail(e);
    }
  };
  const call = async (visit: CounterTimeline) => {
    setError(null);
    try {
      const current = await counterApi.get(code, visit.sessionId);
      await counterApi.start(code, visit.sessionId, current.revision, desk);
      navigate(`/staff/counter/${visit.sessionId}`);
    } catch (e) {
      fail(e);
      load();
    }
  };
  const arrived = (v: CounterTimeline) => japanClock(v.steps[0]?.at ?? new Date().toISOString()).time;

  return (
    <section className="counter-page" aria-labelledby="counter-title">
      <h1 id="counter-title">{t('title')}</h1>
      <p>{t('lead')}</p>
      <div className="counter-toolbar">
        <div className="field">
          <label htmlFor="counter-desk">{t('desk')}</label>
          <input id="counter-desk" value={desk} maxLength={40} onChange={(e) => setDesk(e.target.value)} aria-describedby="counter-desk-hint" />
          <p className="field__hint" id="counter-desk-hint">
            {t('deskHint')}
          </p>
        </div>
        <button type="button" className="button button--primary counter-toolbar__issue" onClick={() => void issue()}>
          {t('issueTicket')}
        </button>
      </div>
      <FormError message={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <h2>{t('today')}</h2>
      {!visits ? null : visits.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table className="table counter-queue">
          <thead>
            <tr>
              <th scope="col">{t('colTicket')}</th>
              <th scope="col">{t('colArrived')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colDesk')}</th>
              <th scope="col">{t('colProcedures')}</th>
              <th scope="col">
                <span className="visually-hidden">{language === 'en' ? 'Actions' : '操作'}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => (
              <tr key={v.sessionId}>
                <th scope="row" className="counter-queue__ticket">
                  {v.ticketNumber}
                </th>
                <td>{arrived(v)}</td>
                <td>{t(statusKey(v.status))}</td>
                <td>{v.desk}</td>
                <td>{v.procedureIds.length}</td>
                <td>
                  {v.status === 'waiting' ? (
                    <button type="button" className="button button--primary button--small" onClick={() => void call(v)}>
                      {t('call')}
                    </button>
                  ) : v.status !== 'ended' ? (
                    <Link to={`/staff/counter/${v.sessionId}`}>{t('open')}</Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
