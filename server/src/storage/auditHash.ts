/** The audit hash chain, shared by both adapters so their hashes agree. */
import { createHash } from 'node:crypto';
import type { NewAuditEvent } from './types';

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, seq: number, event: NewAuditEvent): string {
  const canonical = JSON.stringify([seq, event.at, event.actor, event.action, event.municipalityCode, event.targetType, event.targetId, event.details]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
