/** 処理時間の集計: per procedure, how long submissions stay in each status (median, 90th percentile), and arrival-to-closing lead time. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { staffApi } from '../../api';
import { useSession } from '../../session';
import { useStaffText, type StaffT } from '../../i18n';
import './inbox.css';

interface Spread {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}
interface Figures {
  receivedFrom: string;
  receivedTo: string;
  procedures: Array<{ procedureId: string; title: string; submissions: number; leadTime: Spread; statuses: Array<Spread & { status: string; label: string; current: number }> }>;
}

/** Hours as a desk reads them: 5.2時間, or 3.1日 beyond two days. */
const duration = (h: number | null, t: StaffT) => (h === null ? '—' : h >= 48 ? t('inbox.times.days', { n: (h / 24).toFixed(1) }) : t('inbox.times.hours', { n: h }));

export default function ProcessingTimesPage() {
  const t = useStaffText();
  const { session } = useSession();
  const code = session!.user!.municipalityCode!;
  const [range, setRange] = useState({ from: '', to: '' });
  const [data, setData] = useState<Figures | null>(null);
  const load = useCallback(async (from = '', to = '') => setData(await staffApi<Figures>('GET', `/municipalities/${code}/inbox/stats?from=${from}&to=${to}`)), [code]);
  useEffect(() => {
    void load();
  }, [load]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(range.from, range.to);
  };
  return (
    <section aria-labelledby="times-title">
      <p>
        <Link to="/staff/inbox">← {t('common.backToInbox')}</Link>
      </p>
      <h1 id="times-title">{t('common.processingTimes')}</h1>
      <p className="field__hint">{t('inbox.times.lead')}</p>
      <form className="toolbar" onSubmit={submit}>
        <div className="field">
          <label htmlFor="times-from">{t('inbox.times.from')}</label>
          <input id="times-from" type="date" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        </div>
        <div className="field">
          <label htmlFor="times-to">{t('inbox.times.to')}</label>
          <input id="times-to" type="date" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t('inbox.times.show')}
          </button>
        </div>
      </form>
      {data?.procedures.length === 0 && <p>{t('inbox.times.noSubmissionsPeriod')}</p>}
      {data?.procedures.map((p) => (
        <table key={p.procedureId} className="table times">
          <caption>
            {p.title}（{t('inbox.times.submissionCount', { submissions: p.submissions })}）
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('inbox.times.stays')}</th>
              <th scope="col">{t('inbox.times.median')}</th>
              <th scope="col">{t('inbox.times.p90')}</th>
              <th scope="col">{t('inbox.times.now')}</th>
            </tr>
          </thead>
          <tbody>
            {p.statuses.map((s) => (
              <tr key={s.status}>
                <th scope="row">{s.label}</th>
                <td>{s.count}</td>
                <td>{duration(s.medianHours, t)}</td>
                <td>{duration(s.p90Hours, t)}</td>
                <td>{s.current}</td>
              </tr>
            ))}
            <tr className="times__total">
              <th scope="row">{t('inbox.times.arrivalClosing')}</th>
              <td>{p.leadTime.count}</td>
              <td>{duration(p.leadTime.medianHours, t)}</td>
              <td>{duration(p.leadTime.p90Hours, t)}</td>
              <td>—</td>
            </tr>
          </tbody>
        </table>
      ))}
    </section>
  );
}
