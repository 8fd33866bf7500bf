/** A resident's submission as stored and as returned by the API. */
import type { SubmissionStatus } from './status';
import type { SubmissionEvidence } from '../identity/cardIdentity';
import type { CounterOrigin } from '../counter/counterTypes';

export interface StatusChange {
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  at: string;
  /** Staff user id, or `applicant` / `system`. */
  by: string;
  /** Message to the applicant shown on the status page (e.g. 補正依頼の内容). */
  publicNote?: string;
}

export interface Submission {
  id: string;
  /** 到達番号: readable, unique, given to the resident. */
  receiptNumber: string;
  /** sha256 of the status secret; the secret itself is only ever shown once. */
  secretHash: string;
  municipalityCode: string;
  procedureOwner: string;
  procedureId: string;
  /** The exact form version the data was validated against. */
  formVersion: number;
  data: Record<string, unknown>;
  /** Attachment spec id → ids of uploaded files. */
  attachments: Record<string, string[]>;
  status: SubmissionStatus;
  history: StatusChange[];
  assigneeId?: string;
  idempotencyKey?: string;
  /** sha256 of the request that carried the idempotency key, to spot a different body under the same key. */
  requestHash?: string;
  language: 'ja' | 'en';
  /** Sign-in with the My Number Card and the electronic signature, when there were any (issue #17). */
  evidence?: SubmissionEvidence;
  /** Filled in at the counter with the resident (書かない窓口, issue #19); absent: applied online. */
  counter?: CounterOrigin;
  createdAt: string;
  updatedAt: string;
}
