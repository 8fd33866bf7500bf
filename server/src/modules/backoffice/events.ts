/**
 * The events a back-office system receives (webhooks) and the applicant is
 * e-mailed about. An event names the submission and its status; it never
 * carries answers, which a system fetches with its API key (and which are then
 * audited), so a misdirected webhook leaks no personal data.
 */
import { randomUUID } from 'node:crypto';
import { channelOf, type Submission, type SubmissionStatus } from '@madoguchi/shared';
import type { OutboxEvent, OutboxEventType } from '../../storage/types';

/** The envelope POSTed to a webhook. */
export interface WebhookEnvelope {
  id: string;
  type: OutboxEventType | 'ping' | 'audit.checkpoint';
  createdAt: string;
  municipalityCode: string;
  data: Record<string, unknown>;
}

export function submissionEvent(
  type: OutboxEventType,
  s: Pick<Submission, 'id' | 'receiptNumber' | 'municipalityCode' | 'procedureId' | 'formVersion' | 'status' | 'counter'>,
  at: string,
  extra: { previousStatus?: SubmissionStatus | null; revision?: number } = {},
): OutboxEvent {
  return {
    id: randomUUID(),
    type,
    municipalityCode: s.municipalityCode,
    procedureId: s.procedureId,
    submissionId: s.id,
    receiptNumber: s.receiptNumber,
    data: {
      submissionId: s.id,
      receiptNumber: s.receiptNumber,
      procedureId: s.procedureId,
      formVersion: s.formVersion,
      status: s.status,
      // online / counter (窓口で受付): systems that route counter applications differently need not fetch each one.
      channel: channelOf(s),
      ...(extra.previousStatus !== undefined ? { previousStatus: extra.previousStatus } : {}),
      revision: extra.revision ?? 1,
    },
    createdAt: at,
  };
}

/**
 * Retention deleted or stripped a submission: the event integrators need to drop
 * their copy. Ids, procedure and time only — nothing about the applicant.
 */
export function removalEvent(kind: 'deleted' | 'stripped', m: Pick<OutboxEvent, 'submissionId' | 'receiptNumber' | 'municipalityCode' | 'procedureId'>, at: string): OutboxEvent {
  return {
    id: randomUUID(),
    type: kind === 'deleted' ? 'submission.deleted' : 'submission.stripped',
    municipalityCode: m.municipalityCode,
    procedureId: m.procedureId,
    submissionId: m.submissionId,
    receiptNumber: m.receiptNumber,
    data: { kind, submissionId: m.submissionId, receiptNumber: m.receiptNumber, procedureId: m.procedureId, at },
    createdAt: at,
  };
}

export function envelopeOf(event: Pick<OutboxEvent, 'id' | 'createdAt' | 'municipalityCode' | 'data'> & { type: OutboxEventType }): WebhookEnvelope {
  return { id: event.id, type: event.type, createdAt: event.createdAt, municipalityCode: event.municipalityCode, data: event.data };
}
