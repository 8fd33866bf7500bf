/**
 * Which submissions of the list are chosen for bulk work: ticked ids (kept
 * across pages), or "all that match the filter" (the server runs the filter
 * again; nothing about the rows is trusted from here). A new filter clears it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Filters, Status } from './inboxApi';

type Seen = { id: string; status: Status };
import { filterOf, type Selection } from './bulkApi';

export interface BulkSelection {
  ids: Set<string>;
  /** The status each ticked submission had on screen: a bulk move sends it as `expected`, so a change meanwhile is refused, not overwritten. */
  seen: Record<string, Status>;
  allMatching: boolean;
  toggle: (item: Seen) => void;
  setPage: (items: Seen[], on: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
  /** What the server is sent, or null when nothing is chosen. */
  selection: Selection | null;
}

export function useBulkSelection(filters: Filters): BulkSelection {
  const [ids, setIds] = useState<Set<string>>(new Set());
  const [seen, setSeen] = useState<Record<string, Status>>({});
  const [allMatching, setAllMatching] = useState(false);
  const key = JSON.stringify(filterOf(filters));
  const clear = useCallback(() => {
    setIds(new Set());
    setAllMatching(false);
  }, []);
  useEffect(clear, [key, clear]);
  const toggle = ({ id, status }: Seen) => {
    setAllMatching(false);
    setSeen((m) => ({ ...m, [id]: status }));
    setIds((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const setPage = (page: Seen[], on: boolean) => {
    setAllMatching(false);
    setSeen((m) => ({ ...m, ...Object.fromEntries(page.map((i) => [i.id, i.status])) }));
    setIds((s) => {
      const next = new Set(s);
      for (const { id } of page)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  };
  const selection: Selection | null = allMatching ? { filter: filterOf(filters) } : ids.size ? { ids: [...ids] } : null;
  return { ids, seen, allMatching, toggle, setPage, selectAllMatching: () => setAllMatching(true), clear, selection };
}
