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
import { DeadlineStanding } from '../deadlines/DeadlineStanding';
import { BulkBar } from './BulkBar';
import { SelectPageCheckbox, SelectRowCheckbox } from './BulkCheckboxes';
import { useBulkSelection } from './useBulkSelection';
import { SavedViews, VIEW_COLUMNS } from './SavedViews';
import { PageSizePicker, usePageSize } from './PageSizePicker';
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
const VIEW_COLUMN_KEYS = VIEW_COLUMNS.map(([k]) => k);
const FILTER_KEYS: Array<keyof Filters> = ['status', 'procedureId', 'assignee', 'channel', 'messages', 'from', 'to', 'due', 'q', 'sort'];

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
  // Bulk work, saved views' columns and the clerk's page size (issue #21).
  const bulk = useBulkSelection(filters);
  const [pageSize, pageSizes, choosePageSize] = usePageSize(code);
  const [columns, setColumns] = useState<string[]>([]);

  useEffect(() => {
    void publicApi<{ items: Array<{ id: string; title: string }> }>(`/municipalities/${code}/procedures`).then((r) => setProcedures(r.items.map((p) => ({ id: p.id, name: p.title }))));
    void listAssignees(code).then(setAssignees);
  }, [code]);

  const load = useCallback(
    async (after?: string) => {
      if (pageSize === null) return;
      setError('');
      try {
        setPage(await listInbox(code, filters, after, pageSize));
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [code, filters, pageSize],
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
  const first = cursors.length * (pageSize ?? 50) + 1;
  const pageIds = page?.items.map((i) => i.id) ?? [];

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
      <SavedViews
        code={code}
        filters={filters}
        columns={columns}
        onApply={(f, c) => {
          search(f);
          setColumns(c);
        }}
      />
      {can('inbox.export') && <ExportButtons code={code} filters={filters} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="inbox__summary" aria-live="polite">
        {page && (page.items.length ? t('inbox.list.showing', { first, last: first + page.items.length - 1 }) : t('inbox.list.noSubmissionsMatch'))}
      </p>
      {pageSize !== null && <PageSizePicker size={pageSize} sizes={pageSizes} onChoose={(n) => void choosePageSize(n)} />}
      <BulkBar code={code} filters={filters} bulk={bulk} pageIds={pageIds} assignees={assignees} statusNames={STATUS_NAMES} onChanged={() => void load(cursors.at(-1))} />
      {!!page?.items.length && (
        <table className={['table inbox-table', ...(columns.length ? VIEW_COLUMN_KEYS.filter((k) => !columns.includes(k)).map((k) => `inbox-table--hide-${k}`) : [])].join(' ')}>
          <caption className="visually-hidden">{t('inbox.list.tableCaption')}</caption>
          <thead>
            <tr>
              <SelectPageCheckbox bulk={bulk} items={page.items} />
              <th scope="col">
                <span className="visually-hidden">{t('inbox.list.unread')}</span>
              </th>
              <th scope="col" data-col="receiptNumber">
                {t('common.receiptNo')}
              </th>
              <th scope="col" data-col="applicant">
                {t('common.applicant')}
              </th>
              <th scope="col" data-col="procedure">
                {t('common.procedure')}
              </th>
              <th scope="col" data-col="receivedAt">
                {t('common.receivedAt')}
              </th>
              <th scope="col" data-col="status">
                {t('common.status')}
              </th>
              <th scope="col" data-col="due">
                {t('deadlines.column')}
              </th>
              <th scope="col" data-col="assignee">
                {t('inbox.list.assignee')}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} className={item.unread ? 'inbox-table__row--unread' : undefined}>
                <SelectRowCheckbox bulk={bulk} id={item.id} status={item.status} receipt={item.receiptNumber} />
                <td className="inbox-table__dot">
                  {item.unread && (
                    <span className="unread-dot" title={t('inbox.list.unread')}>
                      <span className="visually-hidden">{t('inbox.list.unread')}</span>
                    </span>
                  )}
                </td>
                <th scope="row" data-col="receiptNumber">
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
                  {/* A phone shows the due date here: the table's later columns are off screen. */}
                  <span className="inbox-table__due-inline">
                    <DeadlineStanding {...(item.deadline ? { deadline: item.deadline } : {})} />
                  </span>
                </th>
                <td data-col="applicant">
                  <span className="inbox-table__name">{item.applicantName ?? '—'}</span>
                  {item.applicantKana && <span className="inbox-table__kana">{item.applicantKana}</span>}
                </td>
                <td data-col="procedure">
                  {item.procedureTitle}
                  <span className="inbox-table__version">{item.versionLabel}</span>
                </td>
                <td data-col="receivedAt">
                  <time dateTime={item.receivedAt}>{jst(item.receivedAt)}</time>
                </td>
                <td data-col="status">
                  <StatusBadge status={item.status} label={item.statusLabel} />
                  {item.acknowledgedAt && <span className="tag">{t('inbox.list.takenCoreSystem')}</span>}
                </td>
                <td data-col="due">
                  <DeadlineStanding {...(item.deadline ? { deadline: item.deadline } : {})} />
                </td>
                <td data-col="assignee">{item.assignee?.name ?? <span className="muted">{t('inbox.list.unassigned')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t('inbox.list.pages')}>
        <button type="button" className="button" disabled={cursors.length === 0} onClick={previous}>
          {t('inbox.list.previousPage', { n: pageSize ?? 50 })}
        </button>
        <button type="button" className="button" disabled={!page?.next} onClick={next}>
          {t('inbox.list.nextPage', { n: pageSize ?? 50 })}
        </button>
      </nav>
    </section>
  );
}
