/**
 * Saved views over the inbox: pick one to apply its filter, order and columns;
 * save the current ones by name, for oneself or shared under a desk; rename or
 * delete those one may (the creator, or a municipal admin for a shared view).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { staffApi } from '../../api';
import { useStaffText, type StaffMessageKey } from '../../i18n';
import type { Filters } from './inboxApi';
import { createView, deleteView, filterOf, listViews, renameView, type SavedView } from './bulkApi';

/** The list's columns a view can show or hide (server: INBOX_VIEW_COLUMNS in modules/inbox/savedViews.ts). */
export const VIEW_COLUMNS: Array<[string, StaffMessageKey]> = [
  ['receiptNumber', 'common.receiptNo'],
  ['applicant', 'common.applicant'],
  ['procedure', 'common.procedure'],
  ['receivedAt', 'common.receivedAt'],
  ['status', 'common.status'],
  ['due', 'deadlines.column'],
  ['assignee', 'inbox.list.assignee'],
];

interface Props {
  code: string;
  filters: Filters;
  /** Visible columns; empty: all. */
  columns: string[];
  onApply: (filters: Filters, columns: string[]) => void;
}

export function SavedViews({ code, filters, columns, onApply }: Props) {
  const t = useStaffText();
  const id = useId();
  const [views, setViews] = useState<SavedView[]>([]);
  const [desks, setDesks] = useState<Array<{ id: string; name: string }>>([]);
  const [current, setCurrent] = useState('');
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [deskId, setDeskId] = useState('');
  const [chosenColumns, setChosenColumns] = useState<string[]>(columns.length ? columns : VIEW_COLUMNS.map(([k]) => k));
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const reload = useCallback(() => listViews(code).then(setViews, (e: Error) => setError(e.message)), [code]);
  useEffect(() => {
    void reload();
    void staffApi<{ items: Array<{ id: string; name: string }> }>('GET', `/municipalities/${code}/desks`).then(
      (r) => setDesks(r.items),
      () => setDesks([]),
    );
  }, [code, reload]);

  const view = views.find((v) => v.id === current);
  const apply = (id: string) => {
    setCurrent(id);
    const v = views.find((x) => x.id === id);
    if (v) onApply({ ...v.filter, ...(v.sort ? { sort: v.sort } : {}) }, v.columns);
  };
  const attempt = async (action: () => Promise<unknown>) => {
    setError('');
    setMessage('');
    try {
      await action();
      await reload();
    } catch (e) {
      const err = e as Error & { fields?: Array<{ message: string }> };
      setError([err.message, ...(err.fields ?? []).map((f) => f.message)].join(' '));
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      const all = chosenColumns.length === VIEW_COLUMNS.length;
      const saved = await createView(code, { name, deskId: deskId || null, filter: filterOf(filters), sort: filters.sort ?? null, columns: all ? [] : chosenColumns });
      setMessage(t('inbox.views.saved', { name: saved.name }));
      setSaving(false);
      setName('');
      setCurrent(saved.id);
    });
  };
  const rename = () => {
    const next = view && window.prompt(t('inbox.views.newName'), view.name);
    if (view && next) void attempt(() => renameView(code, view.id, next));
  };
  const remove = () => {
    if (view && window.confirm(t('inbox.views.confirmDelete', { name: view.name }))) void attempt(() => deleteView(code, view.id).then(() => setCurrent('')));
  };

  return (
    <div className="saved-views">
      <div className="inbox-tools">
        <span className="field-stack">
          <label htmlFor={`${id}-view`}>{t('inbox.views.title')}</label>
          <select id={`${id}-view`} value={current} onChange={(e) => apply(e.target.value)}>
            <option value="">{t('inbox.views.none')}</option>
            {views.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}（{v.deskId ? t('inbox.views.shared', { desk: v.deskName ?? v.deskId }) : t('inbox.views.personal')}）
              </option>
            ))}
          </select>
        </span>
        {view?.manageable && (
          <>
            <button type="button" className="button button--small" onClick={rename}>
              {t('inbox.views.rename')}
            </button>
            <button type="button" className="button button--small" onClick={remove}>
              {t('inbox.views.delete')}
            </button>
          </>
        )}
        <button type="button" className="button button--small" aria-expanded={saving} onClick={() => setSaving((s) => !s)}>
          {t('inbox.views.saveCurrent')}
        </button>
      </div>
      {saving && (
        <form onSubmit={save}>
          <label>
            <span>{t('inbox.views.name')}</span>
            <input value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
          </label>
          <span className="field-stack">
            <label htmlFor={`${id}-desk`}>{t('inbox.views.shareWith')}</label>
            <select id={`${id}-desk`} value={deskId} onChange={(e) => setDeskId(e.target.value)}>
              <option value="">{t('inbox.views.onlyMe')}</option>
              {desks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </span>
          <fieldset>
            <legend>{t('inbox.views.columns')}</legend>
            {VIEW_COLUMNS.map(([key, label]) => (
              <label key={key}>
                <input type="checkbox" checked={chosenColumns.includes(key)} onChange={(e) => setChosenColumns((c) => (e.target.checked ? [...c, key] : c.filter((x) => x !== key)))} />
                {t(label)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--small button--primary">
            {t('inbox.views.save')}
          </button>
        </form>
      )}
      {message && <p role="status">{message}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
