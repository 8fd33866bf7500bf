/**
 * Brings the stored preset library in line with the preset files at start-up:
 * a new or changed preset becomes a new published version (the old one is
 * retired, and submissions made against it keep pointing at it); an unchanged
 * preset is left alone, so restarts create nothing.
 */
import { PRESET_OWNER } from '@madoguchi/shared';
import type { LoadedPreset } from '@madoguchi/presets';
import type { Storage } from '../../storage/types';
import { contentHash } from './contentHash';
import { fileAlreadySynced, recordFileRelease } from '../catalog/presetFileReleases';
import { publishVersion, replaceDraft } from './versionLifecycle';

export interface PresetSyncResult {
  published: string[];
  unchanged: string[];
}

export async function syncPresets(storage: Storage, presets: LoadedPreset[], now: () => Date = () => new Date()): Promise<PresetSyncResult> {
  const result: PresetSyncResult = { published: [], unchanged: [] };
  for (const preset of presets) {
    const hash = contentHash({ procedure: preset.procedure, schema: preset.schema, uiSchema: preset.uiSchema });
    const id = preset.procedure.id;
    const published = await storage.procedures.getPublished(PRESET_OWNER, id);
    // Unchanged file: leave the preset alone, even if platform admins published newer versions in the builder since.
    if (published && (published.contentHash === hash || (await fileAlreadySynced(storage, id, hash)))) {
      if (published.contentHash === hash) await recordFileRelease(storage, id, published.version, hash, published.version === 1, now());
      result.unchanged.push(id);
      continue;
    }
    const latest = await storage.procedures.getLatest(PRESET_OWNER, id);
    const input = { procedure: preset.procedure, schema: preset.schema, uiSchema: preset.uiSchema, contentHash: hash };
    // A draft left by an interrupted start is reused rather than piling up drafts.
    const draft =
      latest?.status === 'draft'
        ? await replaceDraft(storage.procedures, { owner: PRESET_OWNER, procedureId: id, version: latest.version }, input)
        : await storage.procedures.createDraft(input, now());
    await publishVersion(storage.procedures, { owner: PRESET_OWNER, procedureId: id, version: draft.version }, now());
    await recordFileRelease(storage, id, draft.version, hash, !published, now());
    result.published.push(id);
  }
  return result;
}
