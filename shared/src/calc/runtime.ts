/**
 * What a form that calculates needs while the resident fills it in: the values computed (formCalc) and the
 * validation around them (calcValidation). Its own entry point (`@madoguchi/shared/calc-runtime`) so that the
 * browser fetches the expression language (jsep and the evaluator, about 7 KB gzip) only for forms with
 * `x-calc` fields (client/src/resident/form/calcRuntime.ts); the server imports the same functions from the
 * package's main entry.
 */
export { applyCalculations } from './formCalc';
export { calculatedAfterValidation, calculatedBeforeValidation } from '../validation/calcValidation';
