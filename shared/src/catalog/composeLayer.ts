/**
 * Layering: a base version plus an ordered list of edits gives the document
 * staff see in the builder and residents get once it is published.
 */
import { inlineCommonDefinitions } from '../form/commonDefinitions';
import type { Procedure } from '../form/types';
import type { EditOp, FormDocument } from './types';
import { applyOp } from './applyOp';
import { EditRefusedError } from './editRefused';
import { findLockViolation } from './legalLocks';

/** How a layer is composed. */
export interface ComposeOptions {
  /** Refuse edits that remove or weaken what the base requires by law (municipal layers over presets). */
  enforceLocks: boolean;
}

/** Applies `ops` in order on `base`; the first edit that cannot be made throws EditRefusedError naming it. */
export function composeLayer(base: FormDocument, ops: readonly EditOp[], options: ComposeOptions): FormDocument {
  let doc = base;
  for (const op of ops) {
    const next = applyOp(doc, op);
    if (options.enforceLocks) {
      const violation = findLockViolation(base, next);
      if (violation) throw new EditRefusedError(violation, 'locked_item', op.id);
    }
    doc = next;
  }
  return doc;
}

/**
 * The document as it is stored for a version: owned by `owner`, with the
 * preset it is based on, and every shared block it references copied in.
 */
export function finalizeDocument(doc: FormDocument, owner: string, basedOn?: Procedure['basedOn']): FormDocument {
  const { basedOn: _previous, ...procedure } = doc.procedure;
  return {
    procedure: { ...procedure, owner, ...(basedOn ? { basedOn } : {}) } as Procedure,
    schema: inlineCommonDefinitions(doc.schema),
    uiSchema: doc.uiSchema ?? {},
  };
}
