/** Webhooks per procedure: URL, events, signing secret (shown once), test ping, pause, delete; and the delivery log. */
import { useEffect, useState, type FormEvent } from 'react';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { useStaffText } from '../../i18n';
import { jst } from './inboxApi';
import { createHook, deleteHook, EVENT_LABELS, eventLabel, failureLabel, listDeliveries, listHooks, pingHook, retryDelivery, updateHook, type Delivery, type Webhook } from './integrationsApi';

export function WebhooksPanel({ code, procedures }: { code: string; procedures: Array<{ id: string; name: string }> }) {
  const t = useStaffText();
  const { language } = useLanguage();
  const [hooks, setHooks] = useState<Webhook[]>([]);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [form, setForm] = useState({ url: '', procedureId: '', events: ['submission.received'] as string[] });
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const load = () => {
    void listHooks(code).then(setHooks);
    // Pushes have their own log (PushPanel.tsx).
    void listDeliveries(code).then((items) => setDeliveries(items.filter((d) => d.channel !== 'push')));
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
  const title = (id: string | null) => (id ? (procedures.find((p) => p.id === id)?.name ?? id) : t('common.allProcedures'));
  return (
    <section aria-labelledby="hooks-title">
      <h2 id="hooks-title">{t('integrations.webhooks.title')}</h2>
      <ul className="plain-list">
        {hooks.map((h) => (
          <li key={h.id} className="hook">
            <span className="mono">{h.url}</span>：{title(h.procedureId)}・{h.events.map((e) => t(EVENT_LABELS[e]!)).join('、')}
            {!h.active && `（${t('integrations.webhooks.paused')}）`}
            <span className="buttons">
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  act(async () => {
                    const r = await pingHook(code, h.id);
                    setMessage(r.ok ? t('integrations.webhooks.pingOk', { statusCode: r.statusCode ?? '' }) : t('integrations.webhooks.pingFailed', { reason: failureLabel(r.error ?? '', language) }));
                  })
                }
              >
                {t('integrations.webhooks.ping')}
              </button>
              <button type="button" className="button button--small" onClick={() => act(() => updateHook(code, h.id, { active: !h.active }))}>
                {h.active ? t('integrations.webhooks.pause') : t('integrations.webhooks.resume')}
              </button>
              <button type="button" className="button button--small" onClick={() => act(async () => setSecret((await updateHook(code, h.id, { rotateSecret: true })).secret ?? ''))}>
                {t('integrations.webhooks.rotateSecret')}
              </button>
              <button type="button" className="button button--small" onClick={() => act(() => deleteHook(code, h.id), t('integrations.webhooks.deleted'))}>
                {t('common.delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {secret && (
        <div className="notice" role="status">
          <p>{t('integrations.webhooks.secretLead')}</p>
          <input className="link-box" readOnly value={secret} aria-label={t('integrations.webhooks.signingSecret')} onFocus={(e) => e.target.select()} />
        </div>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
      <form onSubmit={submit} className="hook-form">
        <div className="field">
          <label htmlFor="hook-url">{t('integrations.webhooks.urlHttps')}</label>
          <input id="hook-url" type="url" value={form.url} onChange={(e) => setForm((f) => ({ ...f, url: e.target.value }))} required />
        </div>
        <div className="field">
          <label htmlFor="hook-procedure">{t('common.procedure')}</label>
          <select id="hook-procedure" value={form.procedureId} onChange={(e) => setForm((f) => ({ ...f, procedureId: e.target.value }))}>
            <option value="">{t('common.allProcedures')}</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="checks">
          <legend>{t('integrations.webhooks.events')}</legend>
          {Object.keys(EVENT_LABELS).map((e) => (
            <label key={e} className="checkbox">
              <input type="checkbox" checked={form.events.includes(e)} onChange={() => setForm((f) => ({ ...f, events: f.events.includes(e) ? f.events.filter((x) => x !== e) : [...f.events, e] }))} />{' '}
              {t(EVENT_LABELS[e]!)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary">
          {t('integrations.webhooks.addWebhook')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('integrations.webhooks.deliveryLog')}</h3>
      <table className="table">
        <caption className="visually-hidden">{t('integrations.webhooks.deliveriesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('integrations.webhooks.time')}</th>
            <th scope="col">{t('integrations.webhooks.to')}</th>
            <th scope="col">{t('integrations.webhooks.event')}</th>
            <th scope="col">{t('common.result')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td>{jst(d.createdAt)}</td>
              <td>{d.channel === 'email' ? t('integrations.webhooks.applicantEmail') : (hooks.find((h) => h.id === d.targetId)?.url ?? 'Webhook')}</td>
              <td>
                {eventLabel(d.event, language)}
                <br />
                <span className="mono">{d.event.receiptNumber}</span>
              </td>
              <td>
                {d.status === 'delivered'
                  ? t('integrations.webhooks.delivered')
                  : d.status === 'failed'
                    ? t('integrations.webhooks.failed')
                    : t('integrations.webhooks.retrying', { nextAttemptAt: jst(d.nextAttemptAt) })}
                {t('integrations.webhooks.attempts', { attempts: d.attempts })}
                {d.log.at(-1)?.error && (
                  <>
                    <br />
                    <span className="muted">{failureLabel(d.log.at(-1)!.error!, language)}</span>
                  </>
                )}
              </td>
              <td>
                {d.status === 'failed' && (
                  <button type="button" className="button button--small" onClick={() => act(() => retryDelivery(code, d.id))}>
                    {t('integrations.webhooks.retry')}
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
