/**
 * 通知書のひな形: per procedure, the words of the 決定通知書 and 却下通知書
 * (title, text with placeholders, the head's title and name, the issuing
 * section, the number format and the 教示文), saved by the municipality, with
 * a preview PDF made from the unsaved text. Problems are listed per field.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FieldError } from '@madoguchi/shared';
import { useSession } from '../../session';
import { useStaffText, type StaffMessageKey } from '../../i18n';
import { ApiError, publicApi } from '../../api';
import { jst } from '../inbox/inboxApi';
import { getTemplate, previewTemplate, saveTemplate, type NoticeTemplate, type TemplateView } from './noticeApi';
import './notices.css';

const FIELDS: Array<{ key: keyof NoticeTemplate; rows?: number }> = [
  { key: 'numberFormat' },
  { key: 'headTitle' },
  { key: 'headName' },
  { key: 'section' },
  { key: 'completedTitle' },
  { key: 'completedBody', rows: 5 },
  { key: 'rejectedTitle' },
  { key: 'rejectedBody', rows: 6 },
  { key: 'appeal', rows: 10 },
];

export default function NoticeTemplatePage() {
  const t = useStaffText();
  const { session } = useSession();
  const code = session!.user!.municipalityCode!;
  const [procedures, setProcedures] = useState<Array<{ id: string; title: string }>>([]);
  const [procedureId, setProcedureId] = useState('');
  const [view, setView] = useState<TemplateView | null>(null);
  const [draft, setDraft] = useState<NoticeTemplate | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState('');
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void publicApi<{ items: Array<{ id: string; title: string }> }>(`/municipalities/${code}/procedures`).then((r) => {
      setProcedures(r.items);
      setProcedureId((p) => p || r.items[0]?.id || '');
    });
  }, [code]);
  useEffect(() => {
    if (!procedureId) return;
    setErrors([]);
    setMessage('');
    setPreview('');
    void getTemplate(code, procedureId).then((v) => (setView(v), setDraft(v.template)));
  }, [code, procedureId]);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.fields.length) {
      setErrors(e.fields);
      window.setTimeout(() => summary.current?.focus(), 0);
    } else setMessage((e as Error).message);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setMessage('');
    try {
      const saved = await saveTemplate(code, procedureId, draft);
      setErrors([]);
      setView(saved);
      setDraft(saved.template);
      setMessage(t('notices.saved'));
    } catch (err) {
      failed(err);
    }
  };
  const show = async (kind: 'completed' | 'rejected') => {
    if (!draft) return;
    try {
      const blob = await previewTemplate(code, procedureId, draft, kind);
      setErrors([]);
      setPreview(URL.createObjectURL(blob));
    } catch (err) {
      failed(err);
    }
  };
  const errorOf = (key: string) => errors.find((f) => f.pointer === `/${key}`)?.message;

  return (
    <article className="notice-templates" aria-labelledby="notice-templates-title">
      <h1 id="notice-templates-title">{t('notices.templateTitle')}</h1>
      <p>{t('notices.templateLead')}</p>
      <div className="field field--inline">
        <label htmlFor="notice-procedure">{t('notices.procedure')}</label>
        <select id="notice-procedure" value={procedureId} onChange={(e) => setProcedureId(e.target.value)}>
          {procedures.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      {view && draft && (
        <form onSubmit={(e) => void save(e)} noValidate>
          <p className="field__hint">{view.isDefault ? t('notices.isDefault') : t('notices.updatedAt', { at: jst(view.updatedAt!) })}</p>
          <p className="field__hint">{t('notices.placeholders')}</p>
          {errors.length > 0 && (
            <div ref={summary} className="form-error" role="alert" tabIndex={-1}>
              <p>{t('notices.errors', { n: errors.length })}</p>
              <ul>
                {errors.map((f) => (
                  <li key={f.pointer}>
                    <a href={`#notice-${f.pointer.slice(1)}`}>{f.message}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {FIELDS.map(({ key, rows }) => {
            const id = `notice-${key}`;
            const error = errorOf(key);
            const props = {
              id,
              value: draft[key],
              'aria-invalid': error ? true : undefined,
              'aria-describedby': error ? `${id}-error` : undefined,
              onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
            };
            return (
              <div className="field" key={key}>
                <label htmlFor={id}>{t(`notices.field.${key}` as StaffMessageKey)}</label>
                {error && (
                  <p id={`${id}-error`} className="field__error">
                    {error}
                  </p>
                )}
                {rows ? <textarea rows={rows} {...props} /> : <input className="input" {...props} />}
              </div>
            );
          })}
          <p className="notice-live" role="status" aria-live="polite">
            {message}
          </p>
          <div className="button-row">
            <button type="submit" className="button button--primary">
              {t('notices.save')}
            </button>
            <button type="button" className="button" onClick={() => void show('rejected')}>
              {t('notices.previewRejected')}
            </button>
            <button type="button" className="button" onClick={() => void show('completed')}>
              {t('notices.previewCompleted')}
            </button>
          </div>
        </form>
      )}
      {preview && (
        <section aria-labelledby="notice-preview-title">
          <h2 id="notice-preview-title">{t('notices.previewTitle')}</h2>
          <iframe className="notice-templates__preview" title={t('notices.previewTitle')} src={preview} />
        </section>
      )}
    </article>
  );
}
