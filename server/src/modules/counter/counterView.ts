/** A counter visit as the clerk's screen reads it (never the pairing hashes; the signature only as signed yes/no). */
import type { CounterSessionView } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';
import type { CounterSessionRecord } from '../../storage/counterTypes';

export async function counterSessionView(record: CounterSessionRecord, storage: Storage): Promise<CounterSessionView> {
  const clerk = record.servedBy ? await storage.users.findById(record.servedBy) : null;
  const submitted = await Promise.all(record.submissionIds.map((id) => storage.submissions.findById(id)));
  const { confirmation, identity } = record.work;
  return {
    sessionId: record.sessionId,
    municipalityCode: record.municipalityCode,
    ticketNumber: record.ticketNumber,
    desk: record.desk,
    servedBy: record.servedBy,
    servedByName: clerk?.displayName ?? '',
    status: record.status,
    procedureIds: record.procedureIds,
    prefilled: record.prefilled,
    identitySource: record.identitySource,
    steps: record.steps,
    submissionIds: record.submissionIds,
    guideId: record.guideId,
    revision: record.revision,
    shared: record.work.shared as Record<string, unknown>,
    answers: record.work.answers,
    sources: record.work.sources,
    identity: identity ? { ...identity } : null,
    confirmation: confirmation ? { method: confirmation.method, at: confirmation.at, signed: !!confirmation.signatureImage } : null,
    tabletPaired: record.tabletTokenHash !== null,
    pairingExpiresAt: record.pairingExpiresAt,
    receipts: submitted.flatMap((s) => (s ? [{ procedureId: s.procedureId, receiptNumber: s.receiptNumber }] : [])),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
