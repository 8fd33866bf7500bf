/**
 * Housekeeping that keeps personal data no longer than needed: files of
 * drafts never submitted, expired drafts and expired sessions.
 */
import type { Storage } from '../../storage/types';

export interface CleanupResult {
  files: number;
  drafts: number;
  sessions: number;
}

export async function runCleanup(storage: Storage, abandonedUploadHours: number, now: Date = new Date()): Promise<CleanupResult> {
  const files = await storage.files.deleteUnboundBefore(new Date(now.getTime() - abandonedUploadHours * 3600_000));
  const drafts = await storage.drafts.deleteExpired(now);
  const sessions = await storage.sessions.deleteExpired(now);
  return { files, drafts, sessions };
}
