/**
 * The bar over the list when submissions are chosen: how many, "all N that
 * match the filter", and what to do with them — assign, move status, CSV, one
 * PDF of all. Each status move is checked on the server as a single one; the
 * result panel lists what changed, what already was so and what was refused, and why.
 */
import { useEffect, useId, useState } from 'react';
import './bulk.css';
import { useSession } from '../../session';
import { useStaffText, type StaffMessageKey } from '../../i18n';
import { STATUS_ORDER, type Filters, type Status } from './inboxApi';
import { bulkAssign, bulkCsv, bulkPdf, bulkStatus, countMatching, type BulkResult } from './bulkApi';
import type { BulkSelection } from './useBulkSelection';
import type { Option } from './InboxFilters';

const MAX_PDF = 50;

interface Props {
  code: string;
  filters: Filters;
  bulk: BulkSelection;
  pageIds: string[];
  assignees: Option[];
  statusNames: Record<string, StaffMessageKey>;
  /** The list is read again after a change. */
  onChanged: () => void;
}

export function BulkBar({ code, filters, bulk, pageIds, assignees, statusNames, onChanged }: Props) {
  const t = useStaffText();
  const { can } = useSession();
  const [matching, setMatching] = useState<{ count: number; more: boolean; max: number } | null>(null);
  const id = useId();
  const [assignee, setAssignee] = useState('');
  const [to, setTo] = useState<Status>('in-review');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const pageChosen = pageIds.length > 0 && pageIds.every((id) => bulk.ids.has(id));
  const selection = bulk.selection;

  // N of "all N that match", asked once the whole page is ticked, kept while all are chosen.
  const wantCount = pageChosen || bulk.allMatching;
  useEffect(() => {
    if (!wantCount) return setMatching(null);
    let live = true;
    void countMatching(code, filters).then(
      (m) => live && setMatching(m),
      () => live && setMatching(null),
    );
    return () => {
      live = false;
    };
  }, [code, filters, wantCount]);

  if (!selection && !result) return null;
  const chosen = bulk.allMatching ? (matching?.count ?? 0) : bulk.ids.size;

  const run = async (action: () => Promise<BulkResult | number>) => {
    setBusy(true);
    setError('');
    setMessage('');
    setResult(null);
    try {
      const out = await action();
      if (typeof out === 'number') setMessage(t('inbox.bulk.exported', { n: out }));
      else {
        setResult(out);
        bulk.clear();
        onChanged();
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="bulk-bar" aria-label={t('inbox.bulk.actions')}>
      {selection && (
        <>
          <p className="bulk-bar__count" aria-live="polite">
            {bulk.allMatching ? t('inbox.bulk.selectedAll', { n: chosen }) : t('inbox.bulk.selected', { n: chosen })}
            {pageChosen && !bulk.allMatching && matching && matching.count > pageIds.length && !matching.more && (
              <button type="button" className="link-button" onClick={bulk.selectAllMatching}>
                {t('inbox.bulk.selectAllMatching', { n: matching.count })}
              </button>
            )}
            {pageChosen && !bulk.allMatching && matching?.more && <span className="muted"> {t('inbox.bulk.tooManyMatching', { max: matching.max })}</span>}
            <button type="button" className="link-button" onClick={bulk.clear}>
              {t('inbox.bulk.clear')}
            </button>
          </p>
          <div className="bulk-bar__actions">
            {can('inbox.update') && (
              <>
                <span className="bulk-bar__group">
                  <span className="field-stack">
                    <label htmlFor={`${id}-assignee`}>{t('inbox.bulk.assignTo')}</label>
                    <select id={`${id}-assignee`} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                      <option value="">{t('inbox.bulk.unassign')}</option>
                      {assignees.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.name}
                        </option>
                      ))}
                    </select>
                  </span>
                  <button type="button" className="button button--small" disabled={busy} onClick={() => void run(() => bulkAssign(code, selection, assignee || null))}>
                    {t('inbox.bulk.assign')}
                  </button>
                </span>
                <span className="bulk-bar__group">
                  <span className="field-stack">
                    <label htmlFor={`${id}-to`}>{t('inbox.bulk.moveTo')}</label>
                    <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value as Status)}>
                      {STATUS_ORDER.filter((s) => s !== 'correction-requested' && s !== 'resubmitted').map((s) => (
                        <option key={s} value={s}>
                          {t(statusNames[s]!)}
                        </option>
                      ))}
                    </select>
                  </span>
                  {to === 'rejected' && (
                    <span className="field-stack">
                      <label htmlFor={`${id}-reason`}>{t('notices.reason')}</label>
                      <textarea id={`${id}-reason`} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
                    </span>
                  )}
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy}
                    onClick={() => void run(() => bulkStatus(code, selection, to, 'ids' in selection ? bulk.seen : undefined, reason))}
                  >
                    {t('inbox.bulk.move')}
                  </button>
                </span>
              </>
            )}
            {can('inbox.export') && (
              <span className="bulk-bar__group">
                <button type="button" className="button button--small" disabled={busy} onClick={() => void run(() => bulkCsv(code, selection))}>
                  {t('inbox.bulk.csv')}
                </button>
                <button type="button" className="button button--small" disabled={busy || chosen > MAX_PDF} title={t('inbox.bulk.pdfLimit')} onClick={() => void run(() => bulkPdf(code, selection))}>
                  {t('inbox.bulk.pdf')}
                </button>
                <span className="muted">{t('inbox.bulk.pdfLimit')}</span>
              </span>
            )}
          </div>
        </>
      )}
      {busy && <p aria-live="polite">{t('inbox.bulk.working')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      {result && <BulkResultPanel result={result} onClose={() => setResult(null)} />}
    </section>
  );
}

function BulkResultPanel({ result, onClose }: { result: BulkResult; onClose: () => void }) {
  const t = useStaffText();
  return (
    <div className="bulk-result" role="status" aria-labelledby="bulk-result-title">
      <h2 id="bulk-result-title">{t('inbox.bulk.resultTitle')}</h2>
      <h3>{t('inbox.bulk.changed', { n: result.changed.length })}</h3>
      {!!result.changed.length && (
        <ul>
          {result.changed.map((c) => (
            <li key={c.id}>{c.receiptNumber}</li>
          ))}
        </ul>
      )}
      {!!result.unchanged.length && (
        <>
          <h3>{t('inbox.bulk.unchanged', { n: result.unchanged.length })}</h3>
          <ul>
            {result.unchanged.map((c) => (
              <li key={c.id}>{c.receiptNumber}</li>
            ))}
          </ul>
        </>
      )}
      {!!result.refused.length && (
        <>
          <h3 className="bulk-result__refused">{t('inbox.bulk.refused', { n: result.refused.length })}</h3>
          <ul>
            {result.refused.map((r) => (
              <li key={r.id}>
                <strong>{r.receiptNumber ?? t('inbox.bulk.unknownId')}</strong>：{r.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button button--small" onClick={onClose}>
        {t('inbox.bulk.close')}
      </button>
    </div>
  );
}
