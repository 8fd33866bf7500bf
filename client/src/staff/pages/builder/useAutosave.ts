/**
 * Saves the builder's work shortly after each change, one save at a time;
 * `flush` saves now (before publishing or taking an update). A failed save
 * keeps the work in the page and says why.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export function useAutosave(change: number, save: () => Promise<void>, delay = 800) {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(save);
  latest.current = save;
  const timer = useRef<number | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const dirty = useRef(false);

  const run = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    if (!dirty.current) return queue.current;
    dirty.current = false;
    queue.current = queue.current
      .catch(() => undefined)
      .then(async () => {
        setStatus('saving');
        try {
          await latest.current();
          setError(null);
          setStatus(dirty.current ? 'pending' : 'saved');
        } catch (e) {
          dirty.current = true;
          setError(e instanceof ApiError ? e.message : '保存できませんでした。通信状態を確認してください。');
          setStatus('error');
          throw e;
        }
      });
    return queue.current;
  }, []);

  useEffect(() => {
    if (change === 0) return;
    dirty.current = true;
    setStatus('pending');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void run().catch(() => undefined), delay);
    return () => window.clearTimeout(timer.current);
  }, [change, delay, run]);

  // Leaving the page: save what is pending, and let the browser warn while a save is outstanding.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      void run().catch(() => undefined);
    };
  }, [run]);

  return { status, error, flush: run };
}
