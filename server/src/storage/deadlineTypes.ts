/**
 * The storage port for 標準処理期間 (issue #21): the period a municipality sets per procedure, the deadline
 * stamped on a submission at receipt (and moved after a correction pause), and the daily digest's claim.
 * Re-exported by storage/types.ts; both adapters pass tests/contract/deadlines.contract.test.ts.
 */
import type { ProcessingPeriod, SubmissionDeadline } from '@madoguchi/shared';

/** A procedure's 標準処理期間 in one municipality. */
export interface ProcessingPeriodSetting extends ProcessingPeriod {
  municipalityCode: string;
  procedureId: string;
  updatedAt: string;
  updatedBy: string;
}

export interface DeadlineRepository {
  listPeriods(municipalityCode: string): Promise<ProcessingPeriodSetting[]>;
  getPeriod(municipalityCode: string, procedureId: string): Promise<ProcessingPeriodSetting | null>;
  /** Inserts or replaces the procedure's period. */
  setPeriod(setting: ProcessingPeriodSetting): Promise<void>;
  removePeriod(municipalityCode: string, procedureId: string): Promise<void>;
  /** Stores a submission's deadline with its due date as a plain field (the inbox sorts and filters on it). */
  setSubmissionDeadline(submissionId: string, deadline: SubmissionDeadline): Promise<void>;
  /** Claims a once-a-day job run (e.g. `digest:2027-05-07`); false when it was claimed already, by any process. */
  claimRun(key: string, at: string): Promise<boolean>;
  /** Whether a run was claimed (recorded) already, for one-off jobs that record themselves only once done. */
  hasRun(key: string): Promise<boolean>;
}
