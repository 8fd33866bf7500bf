/**
 * Housekeeping that keeps personal data no longer than needed: files of
 * drafts never submitted, expired drafts and expired sessions, and the
 * answers of counter visits left open past their day; rate-limit windows that ended.
 */
import type { Storage } from '../../storage/types';

export interface CleanupResult {
  files: number;
  drafts: number;
  sessions: number;
  counterVisits: number;
  rateCounters: number;
}

export async function runCleanup(storage: Storage, abandonedUploadHours: number, now: Date = new Date(), counter?: { closeAbandoned(): Promise<number> }): Promise<CleanupResult> {
  const files = await storage.files.deleteUnboundBefore(new Date(now.getTime() - abandonedUploadHours * 3600_000));
  const drafts = await storage.drafts.deleteExpired(now);
  const sessions = await storage.sessions.deleteExpired(now);
  const counterVisits = counter ? await counter.closeAbandoned() : 0;
  const rateCounters = await storage.rateCounters.purgeExpired(now);
  return { files, drafts, sessions, counterVisits, rateCounters };
}
