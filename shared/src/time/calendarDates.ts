/**
 * Calendar arithmetic on \`YYYY-MM-DD\` dates, without the holiday table: what wording needs in the
 * browser (businessDays.ts adds the 開庁日 calendar and its holiday data, a server-side weight).
 */
const DAY_MS = 86_400_000;

export const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);
/** The date `n` calendar days after `date`. */
export const shiftDate = (date: string, n: number): string => fromTime(toTime(date) + n * DAY_MS);

/** The day of the week of a date, 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(toTime(date)).getUTCDay();
