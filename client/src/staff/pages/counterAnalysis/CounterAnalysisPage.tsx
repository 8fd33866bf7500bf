/**
 * 窓口の分析: the counter's figures of a period — headline numbers, and per
 * hour of arrival, per desk and per procedure a chart with the same numbers
 * in a table below it — and the CSV for Excel (one row per visit, or the
 * figures). Figures come from the server (counterFigures.ts); this page only shows them.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../../session';
import { AnalysisChart, CHART_COLORS } from './AnalysisChart';
import { counterAnalysisApi, type CounterAnalysis, type CounterGroupFigures, type PeriodQuery } from './counterAnalysisApi';
import { useAnalysisText, type AnalysisT } from './analysisMessages';
import './counterAnalysis.css';

const minutes = (n: number | null, t: AnalysisT) => (n === null ? '—' : t('minutes', { n }));
const hours = (n: number | null, t: AnalysisT) => (n === null ? '—' : t('hours', { n }));
const percent = (share: number | null, t: AnalysisT) => (share === null ? '—' : t('percent', { n: Math.round(share * 1000) / 10 }));
const number = (n: number | null) => (n === null ? '—' : String(n));
const deskName = (key: string, t: AnalysisT) => key || t('notCalled');

function Headline({ a, t }: { a: CounterAnalysis; t: AnalysisT }) {
  const o = a.overall;
  const facts: [string, string, string?][] = [
    [t('visits'), String(o.visits), o.open ? t('openNote', { n: o.open }) : undefined],
    [t('waitingMedian'), minutes(o.waiting.medianMinutes, t)],
    [t('serviceMedian'), minutes(o.service.medianMinutes, t)],
    [t('proceduresPerVisit'), number(o.proceduresPerVisit)],
    [t('prefilledShare'), percent(o.prefilledShare, t)],
    [t('cardReadShare'), percent(o.cardReadShare, t)],
    [t('submissions'), String(o.submissions)],
  ];
  return (
    <section aria-labelledby="analysis-headline">
      <h2 id="analysis-headline">{t('headline')}</h2>
      <dl className="analysis__headline">
        {facts.map(([label, value, note]) => (
          <div key={label} className="analysis__fact">
            <dt>{label}</dt>
            <dd>
              <span className="analysis__value">{value}</span>
              {note && <span className="analysis__note">{note}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Column headers for a spread: 「待ち時間 中央値」「90%値」. */
function SpreadHeads({ label, t }: { label: string; t: AnalysisT }) {
  return (
    <>
      <th scope="col">
        {label} {t('median')}
      </th>
      <th scope="col">
        {label} {t('p90')}
      </th>
    </>
  );
}

function SpreadCells({ s, t }: { s: CounterGroupFigures['waiting']; t: AnalysisT }) {
  return (
    <>
      <td>{minutes(s.medianMinutes, t)}</td>
      <td>{minutes(s.p90Minutes, t)}</td>
    </>
  );
}

const axis = (title: string) => ({ beginAtZero: true, title: { display: true, text: title } });

function ByHour({ a, t }: { a: CounterAnalysis; t: AnalysisT }) {
  const labels = a.hours.map((h) => t('hourValue', { h: Number(h.key) }));
  return (
    <section aria-labelledby="analysis-hours" className="analysis__section">
      <h2 id="analysis-hours">{t('byHour')}</h2>
      <AnalysisChart
        description={t('byHourChart')}
        data={{
          labels,
          datasets: [
            { type: 'bar', label: t('visits'), data: a.hours.map((h) => h.visits), backgroundColor: CHART_COLORS.primary, yAxisID: 'visits', order: 2 },
            {
              type: 'line',
              label: `${t('waiting')}（${t('median')}）`,
              data: a.hours.map((h) => h.waiting.medianMinutes),
              borderColor: CHART_COLORS.line,
              backgroundColor: CHART_COLORS.line,
              yAxisID: 'minutes',
              order: 1,
              spanGaps: true,
            },
          ],
        }}
        options={{
          scales: { visits: { ...axis(t('visitsAxis')), position: 'left', ticks: { precision: 0 } }, minutes: { ...axis(t('minutesAxis')), position: 'right', grid: { drawOnChartArea: false } } },
        }}
      />
      <div className="analysis__table">
        <table className="table">
          <caption>{t('byHour')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hour')}</th>
              <th scope="col">{t('visits')}</th>
              <th scope="col">{t('open')}</th>
              <SpreadHeads label={t('waiting')} t={t} />
              <SpreadHeads label={t('service')} t={t} />
            </tr>
          </thead>
          <tbody>
            {a.hours.map((h, i) => (
              <tr key={h.key}>
                <th scope="row">{labels[i]}</th>
                <td>{h.visits}</td>
                <td>{h.open}</td>
                <SpreadCells s={h.waiting} t={t} />
                <SpreadCells s={h.service} t={t} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ByDesk({ a, t }: { a: CounterAnalysis; t: AnalysisT }) {
  const labels = a.desks.map((d) => deskName(d.key, t));
  return (
    <section aria-labelledby="analysis-desks" className="analysis__section">
      <h2 id="analysis-desks">{t('byDesk')}</h2>
      <AnalysisChart
        description={t('byDeskChart')}
        data={{
          labels,
          datasets: [
            { type: 'bar', label: `${t('waiting')}（${t('median')}）`, data: a.desks.map((d) => d.waiting.medianMinutes), backgroundColor: CHART_COLORS.secondary },
            { type: 'bar', label: `${t('service')}（${t('median')}）`, data: a.desks.map((d) => d.service.medianMinutes), backgroundColor: CHART_COLORS.primary },
          ],
        }}
        options={{ scales: { y: axis(t('minutesAxis')) } }}
      />
      <div className="analysis__table">
        <table className="table">
          <caption>{t('byDesk')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('desk')}</th>
              <th scope="col">{t('visits')}</th>
              <th scope="col">{t('open')}</th>
              <SpreadHeads label={t('waiting')} t={t} />
              <SpreadHeads label={t('service')} t={t} />
              <th scope="col">{t('proceduresPerVisit')}</th>
              <th scope="col">{t('prefilledShare')}</th>
              <th scope="col">{t('cardReadShare')}</th>
            </tr>
          </thead>
          <tbody>
            {a.desks.map((d, i) => (
              <tr key={d.key}>
                <th scope="row">{labels[i]}</th>
                <td>{d.visits}</td>
                <td>{d.open}</td>
                <SpreadCells s={d.waiting} t={t} />
                <SpreadCells s={d.service} t={t} />
                <td>{number(d.proceduresPerVisit)}</td>
                <td>{percent(d.prefilledShare, t)}</td>
                <td>{percent(d.cardReadShare, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ByProcedure({ a, t }: { a: CounterAnalysis; t: AnalysisT }) {
  return (
    <section aria-labelledby="analysis-procedures" className="analysis__section">
      <h2 id="analysis-procedures">{t('byProcedure')}</h2>
      <AnalysisChart
        description={t('byProcedureChart')}
        height={Math.max(160, 70 + a.procedures.length * 48)}
        data={{
          // Long official titles: cut for the axis; the table has them whole.
          labels: a.procedures.map((p) => (p.title.length > 16 ? `${p.title.slice(0, 15)}…` : p.title)),
          datasets: [
            { type: 'bar', label: t('median'), data: a.procedures.map((p) => p.procedure.medianMinutes), backgroundColor: CHART_COLORS.primary },
            { type: 'bar', label: t('p90'), data: a.procedures.map((p) => p.procedure.p90Minutes), backgroundColor: CHART_COLORS.secondary },
          ],
        }}
        options={{ indexAxis: 'y', scales: { x: axis(t('minutesAxis')) } }}
      />
      <div className="analysis__table">
        <table className="table">
          <caption>{t('byProcedure')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('procedure')}</th>
              <th scope="col">{t('visits')}</th>
              <SpreadHeads label={t('procedureTime')} t={t} />
              <SpreadHeads label={t('confirmation')} t={t} />
              <th scope="col">{t('prefilledShare')}</th>
              <th scope="col">{t('submissions')}</th>
              <th scope="col">
                {t('leadTime')} {t('median')}
              </th>
              <th scope="col">
                {t('leadTime')} {t('p90')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.procedures.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.title}</th>
                <td>{p.visits}</td>
                <SpreadCells s={p.procedure} t={t} />
                <SpreadCells s={p.confirmation} t={t} />
                <td>{percent(p.prefilledShare, t)}</td>
                <td>{p.inbox.submissions}</td>
                <td>{hours(p.inbox.leadTime.medianHours, t)}</td>
                <td>{hours(p.inbox.leadTime.p90Hours, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CsvButtons({ code, period, t }: { code: string; period: PeriodQuery; t: AnalysisT }) {
  const [encoding, setEncoding] = useState<'utf-8' | 'cp932'>('utf-8');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const run = async (kind: 'visits' | 'figures') => {
    setMessage('');
    setError('');
    try {
      setMessage(t('exported', { rows: await counterAnalysisApi.downloadCsv(code, period, kind, encoding) }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="analysis__export">
      <span className="analysis__export-label">{t('csv')}</span>
      <button type="button" className="button button--small" onClick={() => void run('visits')}>
        {t('csvVisits')}
      </button>
      <button type="button" className="button button--small" onClick={() => void run('figures')}>
        {t('csvFigures')}
      </button>
      <span className="analysis__encoding">
        <label htmlFor="analysis-encoding" className="analysis__export-label">
          {t('csvEncoding')}
        </label>
        <select id="analysis-encoding" value={encoding} onChange={(e) => setEncoding(e.target.value as 'utf-8' | 'cp932')}>
          <option value="utf-8">{t('csvUtf8')}</option>
          <option value="cp932">Shift_JIS</option>
        </select>
      </span>
      <p className="analysis__export-result" role="status" aria-live="polite">
        {message}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export default function CounterAnalysisPage() {
  const t = useAnalysisText();
  const { session } = useSession();
  const code = session!.user!.municipalityCode!;
  const [form, setForm] = useState<PeriodQuery>({ from: '', to: '' });
  const [data, setData] = useState<CounterAnalysis | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(
    async (period: PeriodQuery) => {
      setError('');
      try {
        const figures = await counterAnalysisApi.figures(code, period);
        setData(figures);
        setForm({ from: figures.from, to: figures.to });
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [code],
  );
  useEffect(() => {
    void load({ from: '', to: '' });
  }, [load]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(form);
  };
  return (
    <section aria-labelledby="analysis-title" className="analysis">
      <h1 id="analysis-title">{t('title')}</h1>
      <p className="field__hint">{t('lead')}</p>
      <form className="toolbar analysis__period" onSubmit={submit}>
        <div className="field">
          <label htmlFor="analysis-from">{t('from')}</label>
          <input id="analysis-from" type="date" value={form.from} onChange={(e) => setForm((f) => ({ ...f, from: e.target.value }))} />
        </div>
        <div className="field">
          <label htmlFor="analysis-to">{t('to')}</label>
          <input id="analysis-to" type="date" value={form.to} onChange={(e) => setForm((f) => ({ ...f, to: e.target.value }))} />
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t('show')}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p role="status">{t('loading')}</p>}
      {data && (
        <>
          <p className="analysis__period-text">{t('period', { from: data.from, to: data.to })}</p>
          <CsvButtons code={code} period={{ from: data.from, to: data.to }} t={t} />
          {data.overall.visits === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <>
              <Headline a={data} t={t} />
              <ByHour a={data} t={t} />
              <ByDesk a={data} t={t} />
              <ByProcedure a={data} t={t} />
            </>
          )}
        </>
      )}
    </section>
  );
}
