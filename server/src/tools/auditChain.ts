/** Verifies the audit log's hash chain and reports the first broken link. */
import { auditHash, GENESIS_HASH } from '../storage/auditHash';
import type { AuditRepository } from '../storage/types';

export interface ChainReport {
  checked: number;
  /** The first event whose link does not hold, if any. */
  brokenAt?: { seq: number; reason: 'prev-hash-mismatch' | 'hash-mismatch' | 'sequence-gap' };
}

/** `onEvent` sees each verified event's sequence and hash (checkpoints are compared against them). */
export async function verifyAuditChain(audit: Pick<AuditRepository, 'all'>, onEvent?: (seq: number, hash: string) => void): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for await (const event of audit.all()) {
    const { seq, prevHash, hash, ...rest } = event;
    if (seq !== expectedSeq) return { checked, brokenAt: { seq, reason: 'sequence-gap' } };
    if (prevHash !== prev) return { checked, brokenAt: { seq, reason: 'prev-hash-mismatch' } };
    if (hash !== auditHash(prevHash, seq, rest)) return { checked, brokenAt: { seq, reason: 'hash-mismatch' } };
    onEvent?.(seq, hash);
    prev = hash;
    expectedSeq++;
    checked++;
  }
  return { checked };
}
