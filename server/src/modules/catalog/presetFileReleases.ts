/**
 * Start-up preset sync and the preset library meet here. The sync publishes a
 * preset file that changed; platform admins may since have published newer
 * versions from the builder. The hash of the file content last synced is kept
 * with the release notes, so an unchanged file never undoes an admin's release.
 */
import type { Storage } from '../../storage/types';

/** Whether this file content was already synced (the preset may have moved on since, in the builder). */
export async function fileAlreadySynced(storage: Storage, presetId: string, fileHash: string): Promise<boolean> {
  return (await storage.presetReleases.lastFromFile(presetId))?.fileHash === fileHash;
}

/** Notes the file content a published preset version came from. */
export async function recordFileRelease(storage: Storage, presetId: string, version: number, fileHash: string, first: boolean, now: Date): Promise<void> {
  if ((await storage.presetReleases.list(presetId)).some((r) => r.version === version)) return;
  await storage.presetReleases.add({
    presetId,
    version,
    fileHash,
    source: 'file',
    publishedAt: now.toISOString(),
    publishedBy: 'system',
    note: first ? 'プリセットの初版' : '窓口の更新に含まれるプリセットの改訂',
  });
}
