/**
 * One counter visit on the clerk's screen: the visit as the server has it,
 * the clerk's answers saved a moment after each change (one request at a
 * time, always from the latest revision), and the actions of the visit.
 * A change made on another screen reloads the visit instead of overwriting it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerSources, SharedAnswers } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { counterApi, type CounterSessionView, type CounterWorkBody } from './counterApi';

export interface VisitWork {
  procedureIds: string[];
  guideId: string | null;
  shared: SharedAnswers;
  answers: Record<string, Record<string, unknown>>;
  sources: Record<string, AnswerSources>;
}

const workOf = (v: CounterSessionView): VisitWork => ({
  procedureIds: v.procedureIds,
  guideId: v.guideId,
  shared: v.shared as SharedAnswers,
  answers: v.answers,
  sources: v.sources as Record<string, AnswerSources>,
});

/** How long after the last keystroke the answers are saved. */
const SAVE_DELAY_MS = 700;

export function useCounterVisit(code: string, sessionId: string) {
  const [visit, setVisit] = useState<CounterSessionView | null>(null);
  const [work, setWork] = useState<VisitWork | null>(null);
  const [error, setError] = useState<{ message: string; fields?: ApiError['fields'] } | null>(null);
  const [saving, setSaving] = useState(false);
  const latest = useRef<CounterSessionView | null>(null);
  const pending = useRef<VisitWork | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const accept = useCallback((v: CounterSessionView, replaceWork = false) => {
    latest.current = v;
    setVisit(v);
    if (replaceWork || !pending.current) setWork(workOf(v));
  }, []);

  const reload = useCallback(async () => {
    accept(await counterApi.get(code, sessionId), true);
  }, [accept, code, sessionId]);

  useEffect(() => {
    reload().catch((e: unknown) => setError({ message: e instanceof ApiError ? e.message : String(e) }));
  }, [reload]);

  /** Runs `call` after everything queued before it, with the revision current by then. */
  const run = useCallback(
    <T>(call: (revision: number) => Promise<T>, onResult?: (result: T) => CounterSessionView): Promise<T | undefined> => {
      const next = queue.current.then(async () => {
        setError(null);
        try {
          const result = await call(latest.current?.revision ?? 0);
          accept(onResult ? onResult(result) : (result as unknown as CounterSessionView));
          return result;
        } catch (e) {
          if (e instanceof ApiError && e.code === 'stale_counter_session') await reload();
          setError({ message: e instanceof ApiError ? e.message : String(e), ...(e instanceof ApiError && e.fields ? { fields: e.fields } : {}) });
          return undefined;
        }
      });
      queue.current = next.catch(() => undefined);
      return next;
    },
    [accept, reload],
  );

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    const body = pending.current;
    if (!body) return;
    pending.current = null;
    setSaving(true);
    await run((revision) => counterApi.save(code, sessionId, { revision, ...body } satisfies CounterWorkBody));
    setSaving(false);
  }, [code, run, sessionId]);

  /** The clerk changed something: shown at once, saved shortly after. */
  const change = useCallback(
    (update: (w: VisitWork) => VisitWork, immediately = false) => {
      setWork((current) => {
        if (!current) return current;
        const next = update(current);
        if (next !== current) pending.current = next; // nothing changed: nothing to save
        return next;
      });
      window.clearTimeout(timer.current);
      if (immediately) void Promise.resolve().then(flush);
      else timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  /** Saves what is typed, then runs the action (every action sees the answers as they are on screen). */
  const act = useCallback(
    async <T>(call: (revision: number) => Promise<T>, onResult?: (result: T) => CounterSessionView) => {
      await flush();
      return run(call, onResult);
    },
    [flush, run],
  );

  return { visit, work, error, saving, change, act, reload, clearError: () => setError(null) };
}
