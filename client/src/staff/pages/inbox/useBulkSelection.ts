/**
 * Which submissions of the list are chosen for bulk work: ticked ids (kept
 * across pages), or "all that match the filter" (the server runs the filter
 * again; nothing about the rows is trusted from here). A new filter clears it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Filters } from './inboxApi';
import { filterOf, type Selection } from './bulkApi';

export interface BulkSelection {
  ids: Set<string>;
  allMatching: boolean;
  toggle: (id: string) => void;
  setPage: (ids: string[], on: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
  /** What the server is sent, or null when nothing is chosen. */
  selection: Selection | null;
}

export function useBulkSelection(filters: Filters): BulkSelection {
  const [ids, setIds] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const key = JSON.stringify(filterOf(filters));
  const clear = useCallback(() => {
    setIds(new Set());
    setAllMatching(false);
  }, []);
  useEffect(clear, [key, clear]);
  const toggle = (id: string) => {
    setAllMatching(false);
    setIds((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const setPage = (page: string[], on: boolean) => {
    setAllMatching(false);
    setIds((s) => {
      const next = new Set(s);
      for (const id of page)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  };
  const selection: Selection | null = allMatching ? { filter: filterOf(filters) } : ids.size ? { ids: [...ids] } : null;
  return { ids, allMatching, toggle, setPage, selectAllMatching: () => setAllMatching(true), clear, selection };
}
