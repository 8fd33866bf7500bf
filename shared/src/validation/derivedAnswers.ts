/**
 * Answers the form derives instead of asking twice. `"x-pregnancy-months":
 * "gestationMonths"` on the 妊娠週数 field stores the 妊娠月数 (母子保健法施行規則
 * 第3条 names months) in the sibling `gestationMonths`: weeks 0–3 are the first
 * month, 4–7 the second … 36 and later the tenth. Both the server's ajv and the
 * browser's eval-free validator write it, like the normalising keyword.
 */
export const PREGNANCY_MONTHS_KEYWORD = 'x-pregnancy-months';

/** 妊娠月数 from completed weeks (満週数). */
export function pregnancyMonthsFromWeeks(weeks: number): number {
  return Math.min(10, Math.floor(Math.max(0, weeks) / 4) + 1);
}
