/**
 * How long the tablet waits before asking the server again: every ~2 s while
 * answers come, doubling after each failed call up to half a minute, so a
 * server in trouble (or a dropped Wi-Fi) is not met by a storm of requests.
 */
export const POLL_INTERVAL_MS = 2_000;
export const MAX_POLL_DELAY_MS = 30_000;

export function nextPollDelay(failuresInARow: number, interval = POLL_INTERVAL_MS): number {
  if (failuresInARow <= 0) return interval;
  return Math.min(interval * 2 ** Math.min(failuresInARow, 10), MAX_POLL_DELAY_MS);
}
