/**
 * The storage port for the municipal catalog (issue #6): edit layers (a
 * municipality's local edits over a preset version, or a platform admin's
 * pending edits to a preset) and the release notes of preset versions.
 * Re-exported by storage/types.ts; both adapters implement it and pass
 * tests/contract/catalog.contract.test.ts.
 */
import type { EditLayer, PresetRelease } from '@madoguchi/shared';

/** A layer as it is saved: the store sets `revision` and `createdAt`. */
export type EditLayerInput = Omit<EditLayer, 'revision' | 'createdAt'>;

/** Stores edit layers, one per owner and preset. */
export interface EditLayerRepository {
  get(owner: string, procedureId: string): Promise<EditLayer | null>;
  /** Every layer of an owner (a municipality's adoptions), by procedure id. */
  listByOwner(owner: string): Promise<EditLayer[]>;
  /** Every layer over one preset (who adopted it), by owner. */
  listByProcedure(procedureId: string): Promise<EditLayer[]>;
  /**
   * Saves a layer: inserts it when `expectedRevision` is null (ConflictError if
   * it exists), otherwise replaces it only if it is still at that revision
   * (ConflictError `stale_revision` if someone saved meanwhile). The saved
   * layer's revision is one more.
   */
  save(layer: EditLayerInput, expectedRevision: number | null, now: Date): Promise<EditLayer>;
  delete(owner: string, procedureId: string): Promise<void>;
}

/** Stores the release notes of preset versions. */
export interface PresetReleaseRepository {
  /** Records a release; a second one for the same preset version is a ConflictError. */
  add(release: PresetRelease): Promise<void>;
  /** A preset's releases, oldest first. */
  list(presetId: string): Promise<PresetRelease[]>;
  /** The latest release that came from the preset file (its `fileHash` tells whether the file changed since). */
  lastFromFile(presetId: string): Promise<PresetRelease | null>;
}
