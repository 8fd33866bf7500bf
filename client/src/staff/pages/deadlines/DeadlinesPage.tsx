/** 標準処理期間: per procedure of the municipality, the days (開庁日 or 暦日) a submission should be decided in. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { publicApi } from '../../api';
import { useSession } from '../../session';
import { useStaffText, type StaffMessageKey } from '../../i18n';
import { listPeriods, removePeriod, setPeriod, type ProcessingPeriod } from './deadlinesApi';
import '../inbox/inbox.css';

export default function DeadlinesPage() {
  const t = useStaffText();
  const { session } = useSession();
  const code = session!.user!.municipalityCode!;
  const [procedures, setProcedures] = useState<Array<{ id: string; name: string }>>([]);
  const [items, setItems] = useState<ProcessingPeriod[]>([]);
  const [form, setForm] = useState({ procedureId: '', days: '10', unit: 'business' });
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const load = useCallback(() => void listPeriods(code).then(setItems), [code]);
  useEffect(() => {
    void publicApi<{ items: Array<{ id: string; title: string }> }>(`/municipalities/${code}/procedures`).then((r) => setProcedures(r.items.map((p) => ({ id: p.id, name: p.title }))));
    load();
  }, [code, load]);
  const period = (id: string) => items.find((p) => p.procedureId === id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError('');
    setNotice('');
    setPeriod(code, form.procedureId, Number(form.days), form.unit).then(
      () => (setNotice(t('deadlines.saved')), load()),
      (err: Error) => setError(err.message),
    );
  };
  return (
    <section aria-labelledby="deadlines-title" className="deadlines">
      <h1 id="deadlines-title">{t('deadlines.title')}</h1>
      <p className="field__hint">{t('deadlines.lead')}</p>
      <table className="table">
        <caption className="visually-hidden">{t('deadlines.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.procedure')}</th>
            <th scope="col">{t('deadlines.period')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {procedures.map((p) => {
            const set = period(p.id);
            return (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{set ? t(`deadlines.periodText.${set.unit}` as StaffMessageKey, { days: set.days }) : <span className="muted">{t('deadlines.notSet')}</span>}</td>
                <td>
                  {set && (
                    <button type="button" className="button button--small" onClick={() => void removePeriod(code, p.id).then(load)}>
                      {t('deadlines.remove')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="toolbar" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="period-procedure">{t('common.procedure')}</label>
          <select id="period-procedure" value={form.procedureId} onChange={(e) => setForm((f) => ({ ...f, procedureId: e.target.value }))} required>
            <option value="">{t('deadlines.choose')}</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="period-days">{t('deadlines.days')}</label>
          <input id="period-days" type="number" inputMode="numeric" min={1} max={365} value={form.days} onChange={(e) => setForm((f) => ({ ...f, days: e.target.value }))} required />
        </div>
        <div className="field">
          <label htmlFor="period-unit">{t('deadlines.unit')}</label>
          <select id="period-unit" value={form.unit} onChange={(e) => setForm((f) => ({ ...f, unit: e.target.value }))}>
            <option value="business">{t('deadlines.unit.business')}</option>
            <option value="calendar">{t('deadlines.unit.calendar')}</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button--primary deadlines__save">
            {t('common.save')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite">
        {notice}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
