/** 保存期間: per procedure, how many days closed submissions are kept, then deleted or stripped to their record. */
import { useEffect, useState, type FormEvent } from 'react';
import { useStaffText } from '../../i18n';
import { listRetention, removeRetention, setRetention, type RetentionPolicy } from './integrationsApi';

export function RetentionPanel({ code, procedures }: { code: string; procedures: Array<{ id: string; name: string }> }) {
  const t = useStaffText();
  const [items, setItems] = useState<RetentionPolicy[]>([]);
  const [form, setForm] = useState({ procedureId: '', days: '1825', mode: 'strip' });
  const [error, setError] = useState('');
  const load = () => void listRetention(code).then(setItems);
  useEffect(load, [code]);
  const name = (id: string) => procedures.find((p) => p.id === id)?.name ?? id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError('');
    setRetention(code, form.procedureId, Number(form.days), form.mode).then(load, (err: Error) => setError(err.message));
  };
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">{t('integrations.retention.title')}</h2>
      <p className="field__hint">{t('integrations.retention.lead')}</p>
      {items.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('integrations.retention.retentionPolicies')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.procedure')}</th>
              <th scope="col">{t('integrations.retention.days')}</th>
              <th scope="col">{t('integrations.retention.then')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.procedureId}>
                <th scope="row">{name(p.procedureId)}</th>
                <td>{p.days}</td>
                <td>{p.mode === 'delete' ? t('common.delete') : t('integrations.retention.strip')}</td>
                <td>
                  <button type="button" className="button button--small" onClick={() => void removeRetention(code, p.procedureId).then(load)}>
                    {t('integrations.retention.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="toolbar" onSubmit={submit}>
        <div className="field">
          <label htmlFor="ret-procedure">{t('common.procedure')}</label>
          <select id="ret-procedure" value={form.procedureId} onChange={(e) => setForm((f) => ({ ...f, procedureId: e.target.value }))} required>
            <option value="">{t('integrations.retention.choose')}</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ret-days">{t('integrations.retention.days')}</label>
          <input id="ret-days" type="number" min={1} max={36500} value={form.days} onChange={(e) => setForm((f) => ({ ...f, days: e.target.value }))} required />
        </div>
        <div className="field">
          <label htmlFor="ret-mode">{t('integrations.retention.thenLabel')}</label>
          <select id="ret-mode" value={form.mode} onChange={(e) => setForm((f) => ({ ...f, mode: e.target.value }))}>
            <option value="strip">{t('integrations.retention.stripKeepRecord')}</option>
            <option value="delete">{t('integrations.retention.delete')}</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button--primary">
            {t('common.save')}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
