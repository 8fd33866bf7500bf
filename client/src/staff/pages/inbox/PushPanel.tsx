/**
 * 基幹システムへの送信: push targets per procedure with their field mapping
 * (answers listed by their Japanese labels from the current form), the signing
 * secret shown once, and the delivery log with 再送. Rows the server refuses
 * (422) are marked where they are.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { STATUS_LABELS, SUBMISSION_STATUSES, type SubmissionStatus } from '@madoguchi/shared';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { ApiError } from '../../api';
import { jst } from './inboxApi';
import { EVENT_LABELS, eventLabel, failureLabel, retryDelivery, type Delivery } from './integrationsApi';
import { useStaffText } from '../../i18n';
import { createPushTarget, deletePushTarget, listPushDeliveries, listPushTargets, pushFields, updatePushTarget, type PushFields, type PushTarget, type PushTargetInput } from './pushApi';
import { META_LABELS, PUSH_FAILURES, pushText, type PushTextKey } from './pushText';
import './push.css';

interface Row {
  field: string;
  /** `answer:<pointer>` or `meta:<name>` ('' until chosen). */
  source: string;
}
interface Draft {
  name: string;
  procedureId: string;
  url: string;
  events: string[];
  statuses: string[];
  includePdf: boolean;
  rows: Row[];
  sensitiveConfirmed: boolean;
}
const EMPTY: Draft = { name: '', procedureId: '', url: '', events: ['submission.received'], statuses: [], includePdf: true, rows: [{ field: '', source: '' }], sensitiveConfirmed: false };

const rowsOf = (t: PushTarget): Row[] => t.mapping.map((r) => ({ field: r.field, source: r.source === 'meta' ? `meta:${r.meta}` : `answer:${r.pointer}` }));
const mappingOf = (rows: Row[]): PushTargetInput['mapping'] =>
  rows
    .filter((r) => r.field || r.source)
    .map((r) => (r.source.startsWith('meta:') ? { field: r.field, source: 'meta' as const, meta: r.source.slice(5) } : { field: r.field, source: 'answer' as const, pointer: r.source.slice(7) }));

export function PushPanel({ code, procedures }: { code: string; procedures: Array<{ id: string; name: string }> }) {
  const { language } = useLanguage();
  const st = useStaffText();
  const t = (key: PushTextKey, vars?: Record<string, string | number>) => pushText(language, key, vars);
  const [targets, setTargets] = useState<PushTarget[]>([]);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [fields, setFields] = useState<PushFields | null>(null);
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});

  const load = () => {
    void listPushTargets(code).then(setTargets);
    void listPushDeliveries(code).then(setDeliveries);
  };
  useEffect(load, [code]);
  useEffect(() => {
    setFields(null);
    if (draft.procedureId) void pushFields(code, draft.procedureId).then(setFields, () => setFields(null));
  }, [code, draft.procedureId]);

  const act = (fn: () => Promise<unknown>, done?: string) => {
    setError('');
    setMessage('');
    setRowErrors({});
    fn().then(
      () => (done && setMessage(done), load()),
      (err: Error) => {
        setError(err.message);
        if (err instanceof ApiError)
          setRowErrors(Object.fromEntries(err.fields.filter((f) => f.pointer.startsWith('/mapping/')).map((f) => [Number(f.pointer.split('/')[2]), f.message.replace(/^\d+: /, '')])));
      },
    );
  };
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setRow = (i: number, patch: Partial<Row>) => setDraft((d) => ({ ...d, rows: d.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
  const sensitivePointers = new Set((fields?.fields ?? []).filter((f) => f.sensitive).map((f) => `answer:${f.pointer}`));
  const mapsSensitive = draft.rows.some((r) => sensitivePointers.has(r.source));
  const title = (id: string) => procedures.find((p) => p.id === id)?.name ?? id;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: PushTargetInput = {
      name: draft.name,
      url: draft.url,
      events: draft.events,
      statuses: draft.events.includes('submission.status-changed') ? draft.statuses : [],
      includePdf: draft.includePdf,
      mapping: mappingOf(draft.rows),
      sensitiveConfirmed: draft.sensitiveConfirmed,
    };
    act(async () => {
      if (editing) await updatePushTarget(code, editing, body);
      else setSecret((await createPushTarget(code, { ...body, procedureId: draft.procedureId })).secret);
      setDraft(EMPTY);
      setEditing(null);
    }, t('saved'));
  };
  const edit = (target: PushTarget) => {
    setEditing(target.id);
    setSecret('');
    setDraft({ ...target, rows: rowsOf(target).concat(target.mapping.length ? [] : [{ field: '', source: '' }]) });
  };

  return (
    <section aria-labelledby="push-title" className="push">
      <h2 id="push-title">{t('title')}</h2>
      <p>{t('lead')}</p>
      {targets.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="plain-list">
          {targets.map((target) => (
            <li key={target.id} className="hook push__target">
              <span>
                <strong>{target.name}</strong>
                {!target.active && `（${t('paused')}）`}
                <br />
                <span className="mono">{target.url}</span>
                <br />
                {title(target.procedureId)}・{target.events.map((e) => st(EVENT_LABELS[e]!)).join('、')}・{t('fieldsCount', { n: target.mapping.length })}
                {target.includePdf && `・${t('withPdf')}`}
              </span>
              <span className="buttons">
                <button type="button" className="button button--small" onClick={() => edit(target)}>
                  {t('edit')}
                </button>
                <button type="button" className="button button--small" onClick={() => act(() => updatePushTarget(code, target.id, { active: !target.active }))}>
                  {target.active ? t('pause') : t('resume')}
                </button>
                <button type="button" className="button button--small" onClick={() => act(async () => setSecret((await updatePushTarget(code, target.id, { rotateSecret: true })).secret ?? ''))}>
                  {t('rotate')}
                </button>
                <button type="button" className="button button--small" onClick={() => act(() => deletePushTarget(code, target.id), t('removed'))}>
                  {t('remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {secret && (
        <div className="notice" role="status">
          <p>{t('secretLead')}</p>
          <input className="link-box" readOnly value={secret} aria-label={t('secretLabel')} onFocus={(e) => e.target.select()} />
        </div>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>

      <form onSubmit={submit} className="push__form" aria-labelledby="push-form-title">
        <h3 id="push-form-title">{editing ? t('update') : t('save')}</h3>
        <div className="push__grid">
          <div className="field">
            <label htmlFor="push-name">{t('name')}</label>
            <input id="push-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} required maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="push-procedure">{t('procedure')}</label>
            <select id="push-procedure" value={draft.procedureId} onChange={(e) => set({ procedureId: e.target.value, rows: [{ field: '', source: '' }] })} required disabled={!!editing}>
              <option value="">{t('chooseProcedure')}</option>
              {procedures.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field push__url">
            <label htmlFor="push-url">{t('url')}</label>
            <input id="push-url" type="url" value={draft.url} onChange={(e) => set({ url: e.target.value })} required />
          </div>
        </div>
        <fieldset className="checks push__checks">
          <legend>{t('events')}</legend>
          {Object.keys(EVENT_LABELS).map((e) => (
            <label key={e} className="checkbox">
              <input type="checkbox" checked={draft.events.includes(e)} onChange={() => set({ events: toggle(draft.events, e) })} /> {st(EVENT_LABELS[e]!)}
            </label>
          ))}
        </fieldset>
        {draft.events.includes('submission.status-changed') && (
          <fieldset className="checks push__checks">
            <legend>{t('statusesLegend')}</legend>
            {(SUBMISSION_STATUSES as SubmissionStatus[]).map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" checked={draft.statuses.includes(s)} onChange={() => set({ statuses: toggle(draft.statuses, s) })} /> {STATUS_LABELS[s][language]}
              </label>
            ))}
          </fieldset>
        )}
        <label className="checkbox push__pdf">
          <input type="checkbox" checked={draft.includePdf} onChange={(e) => set({ includePdf: e.target.checked })} /> {t('includePdf')}
        </label>

        <fieldset className="push__mapping">
          <legend>{t('mapping')}</legend>
          <p className="field__hint">{t('mappingLead')}</p>
          <ol className="push__rows">
            {draft.rows.map((row, i) => (
              <li key={i} className={`push__row${rowErrors[i] ? ' push__row--error' : ''}`}>
                <div className="field">
                  <label htmlFor={`push-row-field-${i}`}>
                    {t('row', { n: i + 1 })} {t('targetField')}
                  </label>
                  <input id={`push-row-field-${i}`} className="mono" value={row.field} onChange={(e) => setRow(i, { field: e.target.value })} aria-invalid={!!rowErrors[i]} />
                </div>
                <div className="field">
                  <label htmlFor={`push-row-source-${i}`}>{t('source')}</label>
                  <select id={`push-row-source-${i}`} value={row.source} onChange={(e) => setRow(i, { source: e.target.value })} aria-invalid={!!rowErrors[i]}>
                    <option value="">{t('chooseSource')}</option>
                    <optgroup label={t('metaGroup')}>
                      {(fields?.meta ?? Object.keys(META_LABELS)).map((name) => (
                        <option key={name} value={`meta:${name}`}>
                          {META_LABELS[name]?.[language === 'ja' ? 0 : 1] ?? name}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label={t('answersGroup')}>
                      {(fields?.fields ?? []).map((f) => (
                        <option key={f.pointer} value={`answer:${f.pointer}`}>
                          {f.label}
                          {f.sensitive ? t('sensitiveMark') : ''}
                        </option>
                      ))}
                      {/* A pointer the current form no longer has stays visible, so the 422 that names it makes sense. */}
                      {row.source.startsWith('answer:') && fields && !fields.fields.some((f) => `answer:${f.pointer}` === row.source) && <option value={row.source}>{row.source.slice(7)}</option>}
                    </optgroup>
                  </select>
                </div>
                <button
                  type="button"
                  className="button button--small push__remove"
                  onClick={() => set({ rows: draft.rows.filter((_, j) => j !== i) })}
                  aria-label={`${t('row', { n: i + 1 })} ${t('removeRow')}`}
                >
                  {t('removeRow')}
                </button>
                {rowErrors[i] && (
                  <p className="form-error push__row-error" id={`push-row-error-${i}`}>
                    {rowErrors[i]}
                  </p>
                )}
              </li>
            ))}
          </ol>
          <button type="button" className="button button--small" onClick={() => set({ rows: [...draft.rows, { field: '', source: '' }] })}>
            {t('addRow')}
          </button>
        </fieldset>
        {(mapsSensitive || draft.sensitiveConfirmed) && (
          <label className="checkbox push__sensitive">
            <input type="checkbox" checked={draft.sensitiveConfirmed} onChange={(e) => set({ sensitiveConfirmed: e.target.checked })} /> {t('sensitiveConfirm')}
          </label>
        )}
        <div className="buttons">
          <button type="submit" className="button button--primary">
            {editing ? t('update') : t('save')}
          </button>
          {editing && (
            <button type="button" className="button" onClick={() => (setEditing(null), setDraft(EMPTY))}>
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <h3>{t('log')}</h3>
      {deliveries.length === 0 ? (
        <p className="muted">{t('noDeliveries')}</p>
      ) : (
        <div className="push__log">
          <table className="table">
            <caption className="visually-hidden">{t('logCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('time')}</th>
                <th scope="col">{t('to')}</th>
                <th scope="col">{t('receipt')}</th>
                <th scope="col">{t('result')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{jst(d.createdAt)}</td>
                  <td>{targets.find((x) => x.id === d.targetId)?.name ?? d.targetId}</td>
                  <td>
                    <span className="mono">{d.event.receiptNumber}</span>
                    <br />
                    {eventLabel(d.event, language)}
                  </td>
                  <td>
                    {d.status === 'delivered' ? t('delivered') : d.status === 'failed' ? t('failed') : t('retrying', { at: jst(d.nextAttemptAt) })}
                    {t('attempts', { n: d.attempts })}
                    {d.log.at(-1)?.error && (
                      <>
                        <br />
                        <span className="muted">{PUSH_FAILURES[d.log.at(-1)!.error!] ? t(PUSH_FAILURES[d.log.at(-1)!.error!]!) : failureLabel(d.log.at(-1)!.error!, language)}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {d.status === 'failed' && (
                      <button type="button" className="button button--small" onClick={() => act(() => retryDelivery(code, d.id), t('resent'))}>
                        {t('resend')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
