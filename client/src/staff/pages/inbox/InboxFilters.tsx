/** The inbox's search form: procedure, assignee, dates, one search box (到達番号・氏名・フリガナ), sort. */
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import type { Filters } from './inboxApi';

export interface Option {
  id: string;
  name: string;
}

export function InboxFilters({ value, procedures, assignees, onSearch }: { value: Filters; procedures: Option[]; assignees: Option[]; onSearch: (f: Filters) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<Filters>(value);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...draft, status: value.status });
  };
  return (
    <form role="search" className="inbox-filters" onSubmit={submit} aria-label={t({ ja: '申請の検索', en: 'Search submissions' })}>
      <div className="field inbox-filters__q">
        <label htmlFor="inbox-q">{t({ ja: '到達番号・氏名・フリガナ', en: 'Receipt no., name or reading' })}</label>
        <input id="inbox-q" type="search" value={draft.q ?? ''} onChange={set('q')} placeholder={t({ ja: '例：ミト、水戸 太郎、ABCD-EFGH-JKMN', en: 'e.g. ミト' })} />
      </div>
      <div className="field">
        <label htmlFor="inbox-procedure">{t({ ja: '手続', en: 'Procedure' })}</label>
        <select id="inbox-procedure" value={draft.procedureId ?? ''} onChange={set('procedureId')}>
          <option value="">{t({ ja: 'すべての手続', en: 'All procedures' })}</option>
          {procedures.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="inbox-assignee">{t({ ja: '担当者', en: 'Assignee' })}</label>
        <select id="inbox-assignee" value={draft.assignee ?? ''} onChange={set('assignee')}>
          <option value="">{t({ ja: 'すべて', en: 'Anyone' })}</option>
          <option value="me">{t({ ja: '自分', en: 'Me' })}</option>
          <option value="none">{t({ ja: '未割当', en: 'Unassigned' })}</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="inbox-from">{t({ ja: '到達日（から）', en: 'Received from' })}</label>
        <input id="inbox-from" type="date" value={draft.from ?? ''} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor="inbox-to">{t({ ja: '到達日（まで）', en: 'Received to' })}</label>
        <input id="inbox-to" type="date" value={draft.to ?? ''} onChange={set('to')} />
      </div>
      <div className="field">
        <label htmlFor="inbox-sort">{t({ ja: '並び順', en: 'Sort' })}</label>
        <select id="inbox-sort" value={draft.sort ?? 'received-desc'} onChange={set('sort')}>
          <option value="received-desc">{t({ ja: '到達の新しい順', en: 'Newest first' })}</option>
          <option value="received-asc">{t({ ja: '到達の古い順', en: 'Oldest first' })}</option>
          <option value="updated-desc">{t({ ja: '更新の新しい順', en: 'Recently updated' })}</option>
        </select>
      </div>
      <div className="inbox-filters__buttons">
        <button type="submit" className="button button--primary">
          {t({ ja: '検索', en: 'Search' })}
        </button>
        <button type="button" className="button" onClick={() => (setDraft({}), onSearch({}))}>
          {t({ ja: '条件をクリア', en: 'Clear' })}
        </button>
      </div>
    </form>
  );
}
