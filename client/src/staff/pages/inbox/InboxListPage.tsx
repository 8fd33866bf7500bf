/**
 * 受付一覧: the municipality's submissions, unread ones marked like unread
 * mail, applications made at the counter badged 「窓口」, filtered by status,
 * procedure, assignee, channel, dates and one search box,
 * paged with the server's keyset cursor; CSV of the filtered list.
 * Filters live in the URL, so the back button returns to the same list.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { publicApi } from '../../api';
import { useSession } from '../../session';
import { useStaffText, type StaffMessageKey } from '../../i18n';
import { listAssignees, listInbox, jst, STATUS_ORDER, type Filters, type InboxList } from './inboxApi';
import { InboxFilters, type Option } from './InboxFilters';
import { StatusBadge } from './StatusBadge';
import { ExportButtons } from './ExportButtons';
import './inbox.css';

const STATUS_NAMES: Record<string, StaffMessageKey> = {
  received: 'inbox.list.status.received',
  'in-review': 'inbox.list.status.inReview',
  'correction-requested': 'inbox.list.status.correctionRequested',
  resubmitted: 'inbox.list.status.resubmitted',
  accepted: 'inbox.list.status.accepted',
  completed: 'inbox.list.status.completed',
  rejected: 'inbox.list.status.rejected',
  withdrawn: 'inbox.list.status.withdrawn',
};
const FILTER_KEYS: Array<keyof Filters> = ['status', 'procedureId', 'assignee', 'channel', 'messages', 'from', 'to', 'q', 'sort'];

export default function InboxListPage() {
  const t = useStaffText();
  const { session, can } = useSession();
  const code = session!.user!.municipalityCode!;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)) as Filters, [params]);
  const [cursors, setCursors] = useState<string[]>([]);
  const [page, setPage] = useState<InboxList | null>(null);
  const [error, setError] = useState('');
  const [procedures, setProcedures] = useState<Option[]>([]);
  const [assignees, setAssignees] = useState<Option[]>([]);

  useEffect(() => {
    void publicApi<{ items: Array<{ id: string; title: string }> }>(`/municipalities/${code}/procedures`).then((r) => setProcedures(r.items.map((p) => ({ id: p.id, name: p.title }))));
    void listAssignees(code).then(setAssignees);
  }, [code]);

  const load = useCallback(
    async (after?: string) => {
      setError('');
      try {
        setPage(await listInbox(code, filters, after));
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [code, filters],
  );

  useEffect(() => {
    setCursors([]);
    void load();
  }, [load]);

  const search = (f: Filters) => setParams(Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Record<string, string>);
  const setStatus = (status?: string) => search({ ...filters, status });
  const next = () => {
    if (!page?.next) return;
    setCursors((c) => [...c, page.next!]);
    void load(page.next);
  };
  const previous = () => {
    const rest = cursors.slice(0, -1);
    setCursors(rest);
    void load(rest.at(-1));
  };
  const total = Object.values(page?.counts ?? {}).reduce((a, b) => a + (b ?? 0), 0);
  const first = cursors.length * 50 + 1;

  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <div className="inbox__head">
        <h1 id="inbox-title">{t('common.inbox')}</h1>
        <Link to="/staff/inbox/stats" className="button button--small">
          {t('common.processingTimes')}
        </Link>
      </div>
      <div className="status-filter" role="group" aria-label={t('inbox.list.filterByStatus')}>
        <button type="button" className="chip" aria-pressed={!filters.status} onClick={() => setStatus(undefined)}>
          {t('inbox.list.all')} <span className="chip__count">{total}</span>
        </button>
        {STATUS_ORDER.map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={filters.status === s} onClick={() => setStatus(s)}>
            {t(STATUS_NAMES[s]!)} <span className="chip__count">{page?.counts[s] ?? 0}</span>
          </button>
        ))}
      </div>
      <InboxFilters key={JSON.stringify(filters)} value={filters} procedures={procedures} assignees={assignees} onSearch={search} />
      {can('inbox.export') && <ExportButtons code={code} filters={filters} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="inbox__summary" aria-live="polite">
        {page && (page.items.length ? t('inbox.list.showing', { first, last: first + page.items.length - 1 }) : t('inbox.list.noSubmissionsMatch'))}
      </p>
      {!!page?.items.length && (
        <table className="table inbox-table">
          <caption className="visually-hidden">{t('inbox.list.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('inbox.list.unread')}</span>
              </th>
              <th scope="col">{t('common.receiptNo')}</th>
              <th scope="col">{t('common.applicant')}</th>
              <th scope="col">{t('common.procedure')}</th>
              <th scope="col">{t('common.receivedAt')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('inbox.list.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} className={item.unread ? 'inbox-table__row--unread' : undefined}>
                <td className="inbox-table__dot">
                  {item.unread && (
                    <span className="unread-dot" title={t('inbox.list.unread')}>
                      <span className="visually-hidden">{t('inbox.list.unread')}</span>
                    </span>
                  )}
                </td>
                <th scope="row">
                  <Link to={`/staff/inbox/${item.id}`} className="inbox-table__link">
                    {item.receiptNumber}
                  </Link>
                  {item.channel === 'counter' && (
                    <span className="channel-badge">
                      <span className="visually-hidden">{t('inbox.list.channel')}</span>
                      {t('inbox.list.counterBadge')}
                    </span>
                  )}
                  {item.unreadMessages && <span className="message-badge">{t('inbox.list.unreadMessages')}</span>}
                  {item.revision > 1 && <span className="tag">{t('inbox.list.corrections', { corrections: item.revision - 1 })}</span>}
                </th>
                <td>
                  <span className="inbox-table__name">{item.applicantName ?? '—'}</span>
                  {item.applicantKana && <span className="inbox-table__kana">{item.applicantKana}</span>}
                </td>
                <td>{item.procedureTitle}</td>
                <td>
                  <time dateTime={item.receivedAt}>{jst(item.receivedAt)}</time>
                </td>
                <td>
                  <StatusBadge status={item.status} label={item.statusLabel} />
                  {item.acknowledgedAt && <span className="tag">{t('inbox.list.takenCoreSystem')}</span>}
                </td>
                <td>{item.assignee?.name ?? <span className="muted">{t('inbox.list.unassigned')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t('inbox.list.pages')}>
        <button type="button" className="button" disabled={cursors.length === 0} onClick={previous}>
          {t('inbox.list.previous50')}
        </button>
        <button type="button" className="button" disabled={!page?.next} onClick={next}>
          {t('inbox.list.next50')}
        </button>
      </nav>
    </section>
  );
}
