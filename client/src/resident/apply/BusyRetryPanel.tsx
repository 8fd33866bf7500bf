/**
 * Shown on the check page when an application could not be sent because the
 * server is busy (503) or the connection failed: says calmly that nothing was
 * sent and nothing is lost (the draft stays on this device), counts down the
 * server's Retry-After and sends again by itself, or at once on request. The
 * retry reuses the Idempotency-Key, so it can never arrive twice.
 */
import { useEffect, useRef, useState } from 'react';
import { useBusyText } from './busyMessages';

export interface BusyState {
  offline: boolean;
  retryAfterSeconds: number;
  /** Changes with every refused attempt, restarting the countdown. */
  attempt: number;
}

export function BusyRetryPanel({ busy, submitting, onRetry }: { busy: BusyState; submitting: boolean; onRetry: () => void }) {
  const t = useBusyText();
  const [left, setLeft] = useState(busy.retryAfterSeconds);
  const ref = useRef<HTMLDivElement>(null);
  const retry = useRef(onRetry);
  retry.current = onRetry;
  useEffect(() => {
    ref.current?.focus();
    const due = Date.now() + busy.retryAfterSeconds * 1000;
    setLeft(busy.retryAfterSeconds);
    // Counted from the clock, not by ticks: a phone that slept in between retries as soon as it wakes.
    const timer = window.setInterval(() => {
      const seconds = Math.ceil((due - Date.now()) / 1000);
      setLeft(Math.max(seconds, 0));
      if (seconds <= 0) {
        window.clearInterval(timer);
        retry.current();
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [busy]);
  return (
    <div className="notice busy-panel" tabIndex={-1} ref={ref}>
      <div role="status">
        <h2>{t(busy.offline ? 'offlineTitle' : 'busyTitle')}</h2>
        <p>{t('saved')}</p>
      </div>
      <p>{submitting ? t('retrying') : t('countdown', { seconds: left })}</p>
      <button type="button" className="button button--primary" onClick={onRetry} disabled={submitting}>
        {t('retryNow')}
      </button>
    </div>
  );
}
