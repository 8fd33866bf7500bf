/**
 * The schema keywords of calculated values (issue #22), and whether a form has any. Kept apart from the
 * expression language (parseCalc, evaluateCalc, formCalc) so that code which only needs to recognise a
 * calculated field — the resident form's templates, formatAmount, the builder's field kinds — does not bring
 * jsep and the evaluator into the browser's eager chunks (the form page loads them only for forms that
 * calculate: client/src/resident/form/calcRuntime.ts).
 */
export const CALC_KEYWORD = 'x-calc';
export const LOOKUP_TABLES_KEYWORD = 'x-lookup-tables';
/** Optional unit shown after a calculated amount (e.g. 円). */
export const UNIT_KEYWORD = 'x-unit';

/** Whether any field of the schema is calculated (to skip the walk for most forms). */
export function hasCalculations(schema: unknown): boolean {
  return JSON.stringify(schema ?? null).includes(`"${CALC_KEYWORD}"`);
}
