/**
 * Which items the law itself requires. A preset marks such a field with
 * `"x-legal": "<provision>"` (e.g. `"介護保険法施行規則第35条第1項第1号"`),
 * naming the provision; only these fields (and what their conditions test)
 * are locked against a municipality's edits (catalog/legalLocks.ts). Fields a
 * preset requires for design reasons stay required by default but may be
 * relaxed. An annotation: it never changes validation.
 */
import type { JsonSchema } from './jsonSchema';

export const LEGAL_KEYWORD = 'x-legal';

/** The provision a node cites, if it is marked legal. */
export function legalProvisionOf(node: JsonSchema | undefined): string | undefined {
  const value = node?.[LEGAL_KEYWORD];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
