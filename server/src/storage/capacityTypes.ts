/**
 * The storage port for capacity (定員, issue #22): per municipality, procedure, field and option the live
 * capacity and the places taken, and which submission holds which places. Places are taken in the
 * submission's own insert (SubmissionWriteOptions.capacity) and freed in its closing status move
 * (SubmissionWriteOptions.releaseCapacity), so nothing is overbooked and nothing freed twice.
 * Re-exported by storage/types.ts; both adapters pass tests/contract/capacity.contract.test.ts.
 */
import type { CapacityTake } from '@madoguchi/shared';
import { ConflictError } from '../errors';
import { msg } from '../i18n/messages';

export interface CapacityKey {
  municipalityCode: string;
  procedureId: string;
  fieldPath: string;
  option: string;
}

/** One option's places as stored: the live capacity, the schema number it was last set from, what is taken. */
export interface CapacitySlot extends CapacityKey {
  capacity: number;
  schemaLimit: number;
  taken: number;
  updatedAt: string;
}

/** The places one submission holds of one option (released when it is withdrawn or rejected). */
export interface CapacityHold {
  submissionId: string;
  fieldPath: string;
  option: string;
  places: number;
  createdAt: string;
  releasedAt?: string;
}

/** No place left for `take`: the insert stored nothing. */
export class CapacityFullError extends ConflictError {
  constructor(readonly take: CapacityTake) {
    super(msg('capacityFull', { option: take.option }), 'capacity_full', 'capacity');
  }
}

/** A capacity below the places already taken. */
export class CapacityBelowTakenError extends ConflictError {
  constructor(readonly taken: number) {
    super(msg('capacityBelowTaken', { taken }), 'capacity_below_taken', 'capacity');
  }
}

export interface CapacityRepository {
  /** Every stored option of a procedure, ordered by field then option. */
  list(municipalityCode: string, procedureId: string): Promise<CapacitySlot[]>;
  /**
   * Sets an option's live capacity (a new row starts from `schemaLimit`, nothing taken).
   * Below the places taken → CapacityBelowTakenError, nothing changed.
   */
  setCapacity(key: CapacityKey, capacity: number, schemaLimit: number, at: string): Promise<CapacitySlot>;
  /** The places held (and released) per submission of a procedure, oldest first. */
  holds(municipalityCode: string, procedureId: string): Promise<CapacityHold[]>;
}
