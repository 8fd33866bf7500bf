/** 保存期間: per procedure, how many days closed submissions are kept, then deleted or stripped to their record. */
import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { listRetention, removeRetention, setRetention, type RetentionPolicy } from './integrationsApi';

export function RetentionPanel({ code, procedures }: { code: string; procedures: Array<{ id: string; name: string }> }) {
  const t = useT();
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
      <h2 id="retention-title">{t({ ja: '保存期間', en: 'Retention' })}</h2>
      <p className="field__hint">
        {t({
          ja: '処理完了・却下・取下げになった申請を、その日から何日保存するか。過ぎたものは毎時の処理で削除するか、到達番号と履歴だけを残して内容と添付を消去します。',
          en: 'Days closed submissions are kept; then they are deleted, or stripped to their record.',
        })}
      </p>
      {items.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t({ ja: '保存期間の設定', en: 'Retention policies' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t({ ja: '手続', en: 'Procedure' })}</th>
              <th scope="col">{t({ ja: '保存日数', en: 'Days' })}</th>
              <th scope="col">{t({ ja: '期間後', en: 'Then' })}</th>
              <th scope="col">{t({ ja: '操作', en: 'Actions' })}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.procedureId}>
                <th scope="row">{name(p.procedureId)}</th>
                <td>{p.days}</td>
                <td>{p.mode === 'delete' ? t({ ja: '削除', en: 'Delete' }) : t({ ja: '内容を消去（記録は残す）', en: 'Strip' })}</td>
                <td>
                  <button type="button" className="button button--small" onClick={() => void removeRetention(code, p.procedureId).then(load)}>
                    {t({ ja: '設定を外す', en: 'Remove' })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="toolbar" onSubmit={submit}>
        <div className="field">
          <label htmlFor="ret-procedure">{t({ ja: '手続', en: 'Procedure' })}</label>
          <select id="ret-procedure" value={form.procedureId} onChange={(e) => setForm((f) => ({ ...f, procedureId: e.target.value }))} required>
            <option value="">{t({ ja: '選んでください', en: 'Choose' })}</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ret-days">{t({ ja: '保存日数', en: 'Days' })}</label>
          <input id="ret-days" type="number" min={1} max={36500} value={form.days} onChange={(e) => setForm((f) => ({ ...f, days: e.target.value }))} required />
        </div>
        <div className="field">
          <label htmlFor="ret-mode">{t({ ja: '期間後の扱い', en: 'Then' })}</label>
          <select id="ret-mode" value={form.mode} onChange={(e) => setForm((f) => ({ ...f, mode: e.target.value }))}>
            <option value="strip">{t({ ja: '内容と添付を消去（到達番号・履歴は残す）', en: 'Strip (keep the record)' })}</option>
            <option value="delete">{t({ ja: 'すべて削除', en: 'Delete' })}</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button--primary">
            {t({ ja: '保存', en: 'Save' })}
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
