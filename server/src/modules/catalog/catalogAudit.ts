/** Audit events of the catalog: who adopted, edited, published, withdrew or updated which procedure. */
import type { Storage } from '../../storage/types';

/** The audit actions of the catalog. */
export type CatalogAuditAction =
  | 'catalog.adopted'
  | 'catalog.edits_saved'
  | 'catalog.published'
  | 'catalog.withdrawn'
  | 'catalog.restored'
  | 'catalog.adoption_discarded'
  | 'catalog.preset_update_taken'
  | 'catalog.procedure_created'
  | 'catalog.draft_saved'
  | 'catalog.retired'
  | 'catalog.imported'
  | 'preset.edits_saved'
  | 'preset.published';

/** Whoever acts: a staff or admin account. */
export interface Actor {
  userId: string;
}

/** Appends one catalog event to the audit trail (the target is the procedure). */
export function recordCatalogEvent(
  storage: Storage,
  now: () => Date,
  actor: Actor,
  action: CatalogAuditAction,
  municipalityCode: string | null,
  procedureId: string,
  details: Record<string, unknown> = {},
): Promise<unknown> {
  return storage.audit.append({ at: now().toISOString(), actor: actor.userId, action, municipalityCode, targetType: 'procedure', targetId: procedureId, details });
}
