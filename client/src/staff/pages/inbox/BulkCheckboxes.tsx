/** The list's checkboxes for bulk work: one per row, and "select all on this page" in the header (a real checkbox: Space toggles it). */
import { useEffect, useRef } from 'react';
import { useStaffText } from '../../i18n';
import type { BulkSelection } from './useBulkSelection';
import type { Status } from './inboxApi';

export function SelectPageCheckbox({ bulk, items }: { bulk: BulkSelection; items: Array<{ id: string; status: Status }> }) {
  const pageIds = items.map((i) => i.id);
  const t = useStaffText();
  const ref = useRef<HTMLInputElement>(null);
  const chosen = pageIds.filter((id) => bulk.allMatching || bulk.ids.has(id)).length;
  const all = pageIds.length > 0 && chosen === pageIds.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = chosen > 0 && !all;
  }, [chosen, all]);
  return (
    <th scope="col" className="inbox-table__check">
      <input ref={ref} type="checkbox" checked={all} aria-label={t('inbox.bulk.selectPage')} onChange={() => bulk.setPage(items, !all)} />
    </th>
  );
}

export function SelectRowCheckbox({ bulk, id, status, receipt }: { bulk: BulkSelection; id: string; status: Status; receipt: string }) {
  const t = useStaffText();
  return (
    <td className="inbox-table__check">
      <input type="checkbox" checked={bulk.allMatching || bulk.ids.has(id)} aria-label={t('inbox.bulk.select', { receipt })} onChange={() => bulk.toggle({ id, status })} />
    </td>
  );
}
