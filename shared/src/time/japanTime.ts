/**
 * Japan time, computed in one place. Stored instants are UTC; people read
 * dates and times in JST (UTC+9, no daylight saving), whatever time zone the
 * server or the browser runs in.
 */
const JST_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 86_400_000;

/** The wall-clock date and time in Japan of an instant: `{ date: '2026-11-23', time: '14:05' }`. */
export function japanClock(instant: Date | string): { date: string; time: string } {
  const shifted = new Date(new Date(instant).getTime() + JST_OFFSET_MS).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** Today's date in Japan (YYYY-MM-DD). */
export const todayInJapan = (now: Date = new Date()): string => japanClock(now).date;

/** The instant a Japan-time day starts (`addDays` later), as an ISO string: the lower bound of "received on that day". */
export function japanDayStart(day: string, addDays = 0): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - JST_OFFSET_MS + addDays * DAY_MS).toISOString();
}
