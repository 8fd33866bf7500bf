/**
 * Calls `poll` again and again while `enabled`: `POLL_INTERVAL_MS` after a
 * success, longer after each failure in a row (pollDelay.ts). Nothing is asked
 * while the page is hidden (a tablet asleep, another tab); it asks at once when
 * the page is shown again. A call in flight is aborted on unmount.
 */
import { useEffect, useRef } from 'react';
import { nextPollDelay } from './pollDelay';

/** `poll` resolves to true when the call worked (a refused call the page handled counts as worked). */
export type Poll = (signal: AbortSignal) => Promise<boolean>;

export function usePolling(enabled: boolean, poll: Poll): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | undefined;
    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(run, ms);
    };
    const run = async () => {
      if (stopped || document.hidden || inFlight) return;
      const call = (inFlight = new AbortController());
      const ok = await latest.current(call.signal).catch(() => false);
      inFlight = undefined;
      if (stopped || call.signal.aborted) return; // hidden meanwhile: showing the page again asks at once
      failures = ok ? 0 : failures + 1;
      if (!document.hidden) schedule(nextPollDelay(failures));
    };
    const onVisibility = () => {
      if (document.hidden) {
        clearTimeout(timer);
        inFlight?.abort();
      } else {
        schedule(0);
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    schedule(nextPollDelay(0));
    return () => {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [enabled]);
}
