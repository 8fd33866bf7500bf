/** Who acts on the inbox, and the audit event every read and change leaves. */
import type { Storage, SubmissionMeta } from '../../storage/types';
import { auditDetailsFor, type LentFrom } from '../disasters/grantAudit';

/** A signed-in member of a municipality's staff (or its admin). */
export interface StaffActor {
  kind: 'staff';
  userId: string;
  municipalityCode: string;
  /** Staff limited to some procedures; null or absent: all. */
  procedureIds?: string[] | null;
  /**
   * 応援職員: staff of another municipality acting on a disaster lent to them
   * (auth/disasterAccess.ts, `lentFrom(res)`); their audit events name their
   * home municipality and the grant.
   */
  lentFrom?: LentFrom | null;
}

/** A back-office system calling with an API key. */
export interface ApiActor {
  kind: 'api-key';
  keyId: string;
  municipalityCode: string;
}

/** The resident, proven by the receipt number and its secret. */
export interface ApplicantActor {
  kind: 'applicant';
  receiptNumber: string;
}

export type Actor = StaffActor | ApiActor | ApplicantActor;

/** The audit log's `actor` string. */
export function actorId(actor: Actor): string {
  if (actor.kind === 'staff') return actor.userId;
  if (actor.kind === 'api-key') return `api-key:${actor.keyId}`;
  return `applicant:${actor.receiptNumber}`;
}

/** Actions that only read: their events are committed before the answer, but not waited on for the disk. */
const READ_ACTIONS = new Set(['submission.read', 'submission.file.read', 'submission.signature-image.read']);

/** Appends one audit event about a submission: who, when, what. */
export async function auditSubmission(
  storage: Storage,
  actor: Actor,
  action: string,
  meta: Pick<SubmissionMeta, 'id' | 'municipalityCode' | 'receiptNumber'>,
  at: Date,
  details: Record<string, unknown> = {},
): Promise<void> {
  const waitForDisk = !READ_ACTIONS.has(action);
  await storage.audit.append(
    {
      at: at.toISOString(),
      actor: actorId(actor),
      action,
      municipalityCode: meta.municipalityCode,
      targetType: 'submission',
      targetId: meta.id,
      details: auditDetailsFor(actor.kind === 'staff' ? (actor.lentFrom ?? null) : null, { receiptNumber: meta.receiptNumber, ...details }),
    },
    { waitForDisk },
  );
}
