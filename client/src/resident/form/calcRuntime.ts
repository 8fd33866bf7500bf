/**
 * Calculated values (`x-calc`, issue #22) need the expression language — jsep, the evaluator and the
 * calculation walk, about 7 KB gzip — which most forms never use. It is fetched as a chunk of its own, only
 * for a form whose schema calculates, and the page waits for it before showing that form: the amounts are
 * right from the first frame (no 0円 that jumps to 2,000円), and validation computes them exactly as intake
 * does. A page loads it with `loadCalcRuntime` (ApplyPage, BundlePage) or `useCalcRuntime` (StepForm, for the
 * builder's preview and the counter); the form's code then takes it synchronously with `calcRuntimeFor`.
 */
import { useEffect, useMemo, useState } from 'react';
import { hasCalculations } from '@madoguchi/shared';
import type * as CalcRuntimeModule from '@madoguchi/shared/calc-runtime';

type CalcRuntime = typeof CalcRuntimeModule;

let runtime: CalcRuntime | undefined;
let loading: Promise<CalcRuntime> | undefined;

/** Resolves once the runtime is in, at once when `schema` does not calculate. A failed fetch can be retried. */
export async function loadCalcRuntime(schema: unknown): Promise<void> {
  if (runtime || !hasCalculations(schema)) return;
  loading ??= import('@madoguchi/shared/calc-runtime').then(
    (m) => (runtime = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  await loading;
}

/**
 * The runtime for a schema that calculates, undefined for one that does not. Used before `loadCalcRuntime`
 * resolved it throws: silently skipping the calculations would show and check wrong amounts.
 */
export function calcRuntimeFor(schema: unknown): CalcRuntime | undefined {
  if (!hasCalculations(schema)) return undefined;
  if (!runtime) throw new Error('The calculated-value runtime is not loaded yet: await loadCalcRuntime(schema) before using this form.');
  return runtime;
}

/** Whether a component may use `schema` now: loads the runtime when it calculates and is not in yet (a failed fetch is thrown to the error boundary). */
export function useCalcRuntime(schema: unknown): boolean {
  const needed = useMemo(() => hasCalculations(schema), [schema]);
  const [, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (needed && !runtime) loadCalcRuntime(schema).then(() => setLoaded(true), setError);
  }, [needed, schema]);
  if (error) throw error;
  return !needed || runtime !== undefined;
}
