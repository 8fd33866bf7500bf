/** 処理時間の集計: per procedure, how long submissions stay in each status (median, 90th percentile), and arrival-to-closing lead time. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { staffApi } from '../../api';
import { useSession } from '../../session';
import { useT } from '../../i18n';
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
const duration = (h: number | null, en: boolean) => (h === null ? '—' : h >= 48 ? `${(h / 24).toFixed(1)}${en ? ' d' : '日'}` : `${h}${en ? ' h' : '時間'}`);

export default function ProcessingTimesPage() {
  const t = useT();
  const en = t({ ja: 'ja', en: 'en' }) === 'en';
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
        <Link to="/staff/inbox">← {t({ ja: '受付一覧へ戻る', en: 'Back to inbox' })}</Link>
      </p>
      <h1 id="times-title">{t({ ja: '処理時間の集計', en: 'Processing times' })}</h1>
      <p className="field__hint">
        {t({
          ja: '各状況にとどまった時間の中央値と90パーセンタイル（遅い方から1割の境目）です。「現在」はいまその状況にある件数で、時間には含めていません。',
          en: 'Median and 90th percentile of the time spent in each status; "now" counts submissions still in it (not in the times).',
        })}
      </p>
      <form className="toolbar" onSubmit={submit}>
        <div className="field">
          <label htmlFor="times-from">{t({ ja: '到達日（から）', en: 'From' })}</label>
          <input id="times-from" type="date" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        </div>
        <div className="field">
          <label htmlFor="times-to">{t({ ja: '到達日（まで）', en: 'To' })}</label>
          <input id="times-to" type="date" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t({ ja: '集計', en: 'Show' })}
          </button>
        </div>
      </form>
      {data?.procedures.length === 0 && <p>{t({ ja: 'この期間に到達した申請はありません。', en: 'No submissions in this period.' })}</p>}
      {data?.procedures.map((p) => (
        <table key={p.procedureId} className="table times">
          <caption>
            {p.title}（{t({ ja: `${p.submissions}件`, en: `${p.submissions} submissions` })}）
          </caption>
          <thead>
            <tr>
              <th scope="col">{t({ ja: '状況', en: 'Status' })}</th>
              <th scope="col">{t({ ja: '件数', en: 'Stays' })}</th>
              <th scope="col">{t({ ja: '中央値', en: 'Median' })}</th>
              <th scope="col">{t({ ja: '90パーセンタイル', en: '90th pct.' })}</th>
              <th scope="col">{t({ ja: '現在', en: 'Now' })}</th>
            </tr>
          </thead>
          <tbody>
            {p.statuses.map((s) => (
              <tr key={s.status}>
                <th scope="row">{s.label}</th>
                <td>{s.count}</td>
                <td>{duration(s.medianHours, en)}</td>
                <td>{duration(s.p90Hours, en)}</td>
                <td>{s.current}</td>
              </tr>
            ))}
            <tr className="times__total">
              <th scope="row">{t({ ja: '到達から完了・却下・取下げまで', en: 'Arrival to closing' })}</th>
              <td>{p.leadTime.count}</td>
              <td>{duration(p.leadTime.medianHours, en)}</td>
              <td>{duration(p.leadTime.p90Hours, en)}</td>
              <td>—</td>
            </tr>
          </tbody>
        </table>
      ))}
    </section>
  );
}
