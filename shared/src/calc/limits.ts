/**
 * Bounds of the calculated-value language (issue #22). A clerk's expression
 * runs on the resident's phone and on the server at intake, so every
 * expression is small, shallow and does bounded work, whatever it says.
 */
export const CALC_LIMITS = {
  /** Characters of one expression. */
  maxLength: 500,
  /** Nesting of the parsed expression (parentheses, calls, operators). */
  maxDepth: 24,
  /** Nodes of the parsed expression. */
  maxNodes: 200,
  /** Node evaluations in one run (rows × nodes for sums). */
  maxSteps: 100_000,
  /** Largest magnitude of any number (well inside Number.MAX_SAFE_INTEGER, so yen stay exact). */
  maxMagnitude: 1e15,
} as const;
