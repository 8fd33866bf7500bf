/** Webhooks per procedure: URL, events, signing secret (shown once), test ping, pause, delete; and the delivery log. */
import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { jst } from './inboxApi';
import { createHook, deleteHook, EVENT_LABELS, eventLabel, failureLabel, listDeliveries, listHooks, pingHook, retryDelivery, updateHook, type Delivery, type Webhook } from './integrationsApi';

export function WebhooksPanel({ code, procedures }: { code: string; procedures: Array<{ id: string; name: string }> }) {
  const t = useT();
  const [hooks, setHooks] = useState<Webhook[]>([]);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [form, setForm] = useState({ url: '', procedureId: '', events: ['submission.received'] as string[] });
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const load = () => {
    void listHooks(code).then(setHooks);
    void listDeliveries(code).then(setDeliveries);
  };
  useEffect(load, [code]);
  const act = (fn: () => Promise<unknown>, done?: string) => {
    setError('');
    fn().then(
      () => (done && setMessage(done), load()),
      (err: Error) => setError(err.message),
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act(async () => {
      const created = await createHook(code, { url: form.url, procedureId: form.procedureId || null, events: form.events });
      setSecret(created.secret);
      setForm({ url: '', procedureId: '', events: ['submission.received'] });
    });
  };
  const title = (id: string | null) => (id ? (procedures.find((p) => p.id === id)?.name ?? id) : t({ ja: 'すべての手続', en: 'All procedures' }));
  return (
    <section aria-labelledby="hooks-title">
      <h2 id="hooks-title">{t({ ja: 'Webhook（通知）', en: 'Webhooks' })}</h2>
      <ul className="plain-list">
        {hooks.map((h) => (
          <li key={h.id} className="hook">
            <span className="mono">{h.url}</span>：{title(h.procedureId)}・{h.events.map((e) => t(EVENT_LABELS[e]!)).join('、')}
            {!h.active && `（${t({ ja: '停止中', en: 'paused' })}）`}
            <span className="buttons">
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  act(async () => {
                    const r = await pingHook(code, h.id);
                    setMessage(
                      r.ok
                        ? t({ ja: `テスト送信に成功しました（HTTP ${r.statusCode}）。`, en: `Ping OK (${r.statusCode})` })
                        : t({ ja: `テスト送信に失敗しました（${failureLabel(r.error ?? '').ja}）。`, en: `Ping failed: ${failureLabel(r.error ?? '').en}` }),
                    );
                  })
                }
              >
                {t({ ja: 'テスト送信', en: 'Ping' })}
              </button>
              <button type="button" className="button button--small" onClick={() => act(() => updateHook(code, h.id, { active: !h.active }))}>
                {h.active ? t({ ja: '停止', en: 'Pause' }) : t({ ja: '再開', en: 'Resume' })}
              </button>
              <button type="button" className="button button--small" onClick={() => act(async () => setSecret((await updateHook(code, h.id, { rotateSecret: true })).secret ?? ''))}>
                {t({ ja: '署名鍵を再発行', en: 'Rotate secret' })}
              </button>
              <button type="button" className="button button--small" onClick={() => act(() => deleteHook(code, h.id), t({ ja: '削除しました。', en: 'Deleted.' }))}>
                {t({ ja: '削除', en: 'Delete' })}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {secret && (
        <div className="notice" role="status">
          <p>{t({ ja: '署名鍵です。受信側でHMAC-SHA256署名（Madoguchi-Signature ヘッダー）の検証に使います。この画面でしか表示されません。', en: 'Signing secret, shown only now.' })}</p>
          <input className="link-box" readOnly value={secret} aria-label={t({ ja: '署名鍵', en: 'Signing secret' })} onFocus={(e) => e.target.select()} />
        </div>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
      <form onSubmit={submit} className="hook-form">
        <div className="field">
          <label htmlFor="hook-url">{t({ ja: '送信先URL（https）', en: 'URL (https)' })}</label>
          <input id="hook-url" type="url" value={form.url} onChange={(e) => setForm((f) => ({ ...f, url: e.target.value }))} required />
        </div>
        <div className="field">
          <label htmlFor="hook-procedure">{t({ ja: '手続', en: 'Procedure' })}</label>
          <select id="hook-procedure" value={form.procedureId} onChange={(e) => setForm((f) => ({ ...f, procedureId: e.target.value }))}>
            <option value="">{t({ ja: 'すべての手続', en: 'All procedures' })}</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="checks">
          <legend>{t({ ja: '通知するイベント', en: 'Events' })}</legend>
          {Object.keys(EVENT_LABELS).map((e) => (
            <label key={e} className="checkbox">
              <input type="checkbox" checked={form.events.includes(e)} onChange={() => setForm((f) => ({ ...f, events: f.events.includes(e) ? f.events.filter((x) => x !== e) : [...f.events, e] }))} />{' '}
              {t(EVENT_LABELS[e]!)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary">
          {t({ ja: 'Webhookを追加', en: 'Add webhook' })}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h3>{t({ ja: '配信の記録', en: 'Delivery log' })}</h3>
      <table className="table">
        <caption className="visually-hidden">{t({ ja: '配信の記録（新しい順）', en: 'Deliveries, newest first' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ ja: '日時', en: 'Time' })}</th>
            <th scope="col">{t({ ja: '宛先', en: 'To' })}</th>
            <th scope="col">{t({ ja: 'イベント', en: 'Event' })}</th>
            <th scope="col">{t({ ja: '結果', en: 'Result' })}</th>
            <th scope="col">{t({ ja: '操作', en: 'Actions' })}</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td>{jst(d.createdAt)}</td>
              <td>{d.channel === 'email' ? t({ ja: '申請者へのメール', en: 'Applicant e-mail' }) : (hooks.find((h) => h.id === d.targetId)?.url ?? 'Webhook')}</td>
              <td>
                {t(eventLabel(d.event))}
                <br />
                <span className="mono">{d.event.receiptNumber}</span>
              </td>
              <td>
                {d.status === 'delivered'
                  ? t({ ja: '配信済', en: 'Delivered' })
                  : d.status === 'failed'
                    ? t({ ja: '失敗（再送停止）', en: 'Failed' })
                    : t({ ja: `再送待ち（${jst(d.nextAttemptAt)}）`, en: `Retrying at ${jst(d.nextAttemptAt)}` })}
                {t({ ja: `・試行${d.attempts}回`, en: ` · ${d.attempts} attempt(s)` })}
                {d.log.at(-1)?.error && (
                  <>
                    <br />
                    <span className="muted">{t(failureLabel(d.log.at(-1)!.error!))}</span>
                  </>
                )}
              </td>
              <td>
                {d.status === 'failed' && (
                  <button type="button" className="button button--small" onClick={() => act(() => retryDelivery(code, d.id))}>
                    {t({ ja: '再送', en: 'Retry' })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
