/** The inbox's search form: procedure, assignee, channel (オンライン / 窓口), dates, one search box (到達番号・氏名・フリガナ), sort. */
import { useState, type FormEvent } from 'react';
import { useStaffText } from '../../i18n';
import type { Filters } from './inboxApi';

export interface Option {
  id: string;
  name: string;
}

export function InboxFilters({ value, procedures, assignees, onSearch }: { value: Filters; procedures: Option[]; assignees: Option[]; onSearch: (f: Filters) => void }) {
  const t = useStaffText();
  const [draft, setDraft] = useState<Filters>(value);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...draft, status: value.status });
  };
  return (
    <form role="search" className="inbox-filters" onSubmit={submit} aria-label={t('inbox.filters.searchSubmissions')}>
      <div className="field inbox-filters__q">
        <label htmlFor="inbox-q">{t('inbox.filters.query')}</label>
        <input id="inbox-q" type="search" value={draft.q ?? ''} onChange={set('q')} placeholder={t('inbox.filters.queryExample')} />
      </div>
      <div className="field">
        <label htmlFor="inbox-procedure">{t('common.procedure')}</label>
        <select id="inbox-procedure" value={draft.procedureId ?? ''} onChange={set('procedureId')}>
          <option value="">{t('common.allProcedures')}</option>
          {procedures.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="inbox-assignee">{t('common.assignee')}</label>
        <select id="inbox-assignee" value={draft.assignee ?? ''} onChange={set('assignee')}>
          <option value="">{t('inbox.filters.anyone')}</option>
          <option value="me">{t('inbox.filters.me')}</option>
          <option value="none">{t('common.unassigned')}</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="inbox-channel">{t('inbox.filters.channel')}</label>
        <select id="inbox-channel" value={draft.channel ?? ''} onChange={set('channel')}>
          <option value="">{t('inbox.filters.anyChannel')}</option>
          <option value="online">{t('inbox.filters.channel.online')}</option>
          <option value="counter">{t('inbox.filters.channel.counter')}</option>
        </select>
      </div>
      <div className="field field--check">
        <input id="inbox-messages" type="checkbox" checked={draft.messages === 'unread'} onChange={(e) => setDraft({ ...draft, messages: e.target.checked ? 'unread' : '' })} />
        <label htmlFor="inbox-messages">{t('inbox.filters.unreadMessages')}</label>
      </div>
      <div className="field">
        <label htmlFor="inbox-from">{t('inbox.filters.receivedFrom')}</label>
        <input id="inbox-from" type="date" value={draft.from ?? ''} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor="inbox-to">{t('inbox.filters.receivedTo')}</label>
        <input id="inbox-to" type="date" value={draft.to ?? ''} onChange={set('to')} />
      </div>
      <div className="field">
        <label htmlFor="inbox-due">{t('deadlines.filter')}</label>
        <select id="inbox-due" value={draft.due ?? ''} onChange={set('due')}>
          <option value="">{t('deadlines.filter.any')}</option>
          <option value="overdue">{t('deadlines.filter.overdue')}</option>
          <option value="3">{t('deadlines.filter.within3')}</option>
          <option value="7">{t('deadlines.filter.within7')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="inbox-sort">{t('inbox.filters.sort')}</label>
        <select id="inbox-sort" value={draft.sort ?? 'received-desc'} onChange={set('sort')}>
          <option value="received-desc">{t('inbox.filters.newestFirst')}</option>
          <option value="received-asc">{t('inbox.filters.oldestFirst')}</option>
          <option value="updated-desc">{t('inbox.filters.recentlyUpdated')}</option>
          <option value="due-asc">{t('deadlines.sort')}</option>
        </select>
      </div>
      <div className="inbox-filters__buttons">
        <button type="submit" className="button button--primary">
          {t('inbox.filters.search')}
        </button>
        <button type="button" className="button" onClick={() => (setDraft({}), onSearch({}))}>
          {t('inbox.filters.clear')}
        </button>
      </div>
    </form>
  );
}
