/**
 * A municipality's catalog as staff see it: every preset (as it is, adopted
 * with local edits, or withdrawn) and every procedure of its own, with what
 * residents get now and whether there is something to publish or an update.
 */
import { PRESET_OWNER, composeLayer, finalizeDocument, summarizeVersion, type CatalogEntry, type FormVersion } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';
import { documentHash, documentOf } from './documents';

const receptionOf = (v: FormVersion) => (v.procedure.reception ? { reception: v.procedure.reception } : {});

/** Builds the staff catalog list of a municipality. */
export class CatalogOverview {
  constructor(private readonly storage: Storage) {}

  async listFor(code: string): Promise<CatalogEntry[]> {
    const [presets, mine, layers] = await Promise.all([this.storage.procedures.listPublished([PRESET_OWNER]), this.storage.procedures.listLatest(code), this.storage.editLayers.listByOwner(code)]);
    const published = new Map((await this.storage.procedures.listPublished([code])).map((v) => [v.procedureId, v]));
    const layerOf = new Map(layers.map((l) => [l.procedureId, l]));
    const presetIds = new Set(presets.map((p) => p.procedureId));
    const entries: CatalogEntry[] = [];
    for (const preset of presets) {
      const layer = layerOf.get(preset.procedureId);
      const local = published.get(preset.procedureId);
      entries.push({
        id: preset.procedureId,
        title: local?.procedure.title ?? preset.procedure.title,
        category: preset.procedure.category,
        // A layer that only carries "withdrawn" for an untouched preset is not an adoption.
        source: layer && (layer.ops.length > 0 || local || !layer.withdrawn) ? 'adopted' : 'national',
        offered: layer?.withdrawn ? 'none' : local ? 'local' : 'preset',
        presetVersion: preset.version,
        ...(layer ? { adoption: { baseVersion: layer.baseVersion, edits: layer.ops.length, updateAvailable: preset.version > layer.baseVersion, withdrawn: layer.withdrawn } } : {}),
        ...(local ? { published: summarizeVersion(local) } : {}),
        unpublishedChanges: layer ? await this.adoptionChanged(code, layer.ops, layer.baseVersion, preset, local) : false,
        ...receptionOf(local ?? preset),
      });
    }
    for (const latest of mine) {
      if (presetIds.has(latest.procedureId) || latest.procedure.basedOn) continue;
      const live = published.get(latest.procedureId);
      entries.push({
        id: latest.procedureId,
        title: latest.procedure.title,
        category: latest.procedure.category,
        source: 'own',
        offered: live ? 'local' : 'none',
        ...(live ? { published: summarizeVersion(live) } : {}),
        ...(latest.status === 'draft' ? { draft: summarizeVersion(latest) } : {}),
        unpublishedChanges: latest.status === 'draft',
        ...receptionOf(live ?? latest),
      });
    }
    const order = { own: 0, adopted: 1, national: 2 };
    return entries.sort((a, b) => order[a.source] - order[b.source] || a.title.localeCompare(b.title, 'ja'));
  }

  /** Whether the composed local edits differ from the municipality's published version. */
  private async adoptionChanged(code: string, ops: Parameters<typeof composeLayer>[1], baseVersion: number, latestPreset: FormVersion, local: FormVersion | undefined): Promise<boolean> {
    if (!local) return ops.length > 0;
    const base = baseVersion === latestPreset.version ? latestPreset : await this.storage.procedures.getVersion(PRESET_OWNER, latestPreset.procedureId, baseVersion);
    if (!base) return false;
    try {
      const doc = finalizeDocument(composeLayer(documentOf(base), ops, { enforceLocks: false }), code, { presetId: base.procedureId, presetVersion: baseVersion });
      return documentHash(doc) !== local.contentHash;
    } catch {
      return true;
    }
  }
}
