/**
 * Port of the data-key rotation (issue #8): every column that holds values
 * sealed by DataCipher can be surveyed by key id and re-sealed under the
 * current key. Adapters walk in batches and commit per batch, so a run can be
 * interrupted and simply started again, while the server keeps running.
 */

/** Where sealed values live: a table and column (SQLite) or a collection and field (MongoDB). */
export interface SealedLocation {
  table: string;
  column: string;
}

/** Key id label of a value that is not a DataCipher value at all. */
export const NOT_SEALED = 'not-sealed';

export interface SealedCount extends SealedLocation {
  total: number;
  /** Values per key id (`NOT_SEALED` for values without the cipher's header). */
  byKey: Record<string, number>;
}

export interface ResealProgress extends SealedLocation {
  scanned: number;
  resealed: number;
  failed: number;
}

export interface ResealTableReport extends ResealProgress {
  /** Values re-sealed, per the key id they had before. */
  fromKeys: Record<string, number>;
  /** Values the server rewrote between read and write (already under the current key then). */
  changedMeanwhile: number;
}

/** A value that could not be opened (its key is not configured, or it was tampered with). */
export interface ResealFailure extends SealedLocation {
  /** Row id (`submissionId#revision` for revisions): never the value itself. */
  id: string;
  keyId: string | null;
  reason: string;
}

export interface ResealReport {
  currentKeyId: string;
  tables: ResealTableReport[];
  /** At most `MAX_REPORTED_FAILURES` entries; `tables[].failed` has the full counts. */
  failures: ResealFailure[];
}

export const MAX_REPORTED_FAILURES = 100;

export interface ResealOptions {
  /** Rows per batch (one commit each); large binary values use smaller batches. Default 200. */
  batchSize?: number;
  /** Called after every committed batch. */
  onProgress?: (progress: ResealProgress) => void;
}

export interface SealedDataRepository {
  /** How many values are sealed under which key id, per location. Changes nothing. */
  countByKey(): Promise<SealedCount[]>;
  /**
   * Re-seals every value whose key id is not the current one. Values that
   * cannot be opened are skipped and reported; everything else is re-sealed.
   * A second run changes nothing.
   */
  resealAll(options?: ResealOptions): Promise<ResealReport>;
  /**
   * Removes copies of earlier values that the store keeps outside live rows
   * (SQLite: free pages and the WAL; rewrites the file and blocks writes while
   * it runs). Returns false where the adapter cannot do this (MongoDB).
   */
  compact(): Promise<boolean>;
}
