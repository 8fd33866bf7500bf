/**
 * The preset library, for platform admins: a preset template is edited in the
 * same builder (as a layer owned by `preset` over its published version) and
 * published as a new preset version with a change note. Municipalities that
 * adopted it then see the update (AdoptionService).
 */
import {
  PRESET_OWNER,
  checkDraft,
  composeLayer,
  diffForms,
  finalizeDocument,
  summarizeVersion,
  type FormDiff,
  type PresetRelease,
  type PresetSummary,
  type PresetTemplateView,
} from '@madoguchi/shared';
import { BadRequestError, ConflictError } from '../../errors';
import type { Storage } from '../../storage/types';
import { parseOps, refusalsToApi } from './catalogErrors';
import { documentOf, presetVersion, publishedPreset } from './documents';
import { publishDocument, type PublishOutcome } from './publishing';
import { recordCatalogEvent, type Actor } from './catalogAudit';
import { describeEdits } from './adoptionService';
import { msg } from '../../i18n/messages';

/** The preset library for platform admins: template edits and preset releases. */
export class PresetLibraryService {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<PresetSummary[]> {
    const presets = await this.storage.procedures.listPublished([PRESET_OWNER]);
    const pending = new Map((await this.storage.editLayers.listByOwner(PRESET_OWNER)).map((l) => [l.procedureId, l.ops.length]));
    return Promise.all(
      presets.map(async (p) => ({
        id: p.procedureId,
        title: p.procedure.title,
        category: p.procedure.category,
        version: p.version,
        ...(p.publishedAt ? { publishedAt: p.publishedAt } : {}),
        pendingEdits: pending.get(p.procedureId) ?? 0,
        adoptedBy: (await this.storage.editLayers.listByProcedure(p.procedureId)).filter((l) => l.owner !== PRESET_OWNER).length,
      })),
    );
  }

  async view(presetId: string): Promise<PresetTemplateView> {
    const published = await publishedPreset(this.storage, presetId);
    const layer = await this.storage.editLayers.get(PRESET_OWNER, presetId);
    // Edits made on a version that is no longer current are shown over it until published or discarded.
    const base = documentOf(layer && layer.baseVersion !== published.version ? await presetVersion(this.storage, presetId, layer.baseVersion) : published);
    const document = finalizeDocument(
      refusalsToApi(() => composeLayer(base, layer?.ops ?? [], { enforceLocks: false })),
      PRESET_OWNER,
    );
    return {
      presetId,
      layer,
      base,
      document,
      problems: checkDraft(document),
      edits: describeEdits(base, layer?.ops ?? []),
      published: summarizeVersion(published),
      releases: await this.storage.presetReleases.list(presetId),
      adoptedBy: (await this.storage.editLayers.listByProcedure(presetId)).filter((l) => l.owner !== PRESET_OWNER).length,
    };
  }

  /** Replaces the pending edits of a preset template (revision 0 when there are none yet). */
  async saveEdits(presetId: string, rawOps: unknown, revision: number, actor: Actor): Promise<PresetTemplateView> {
    const ops = parseOps(rawOps);
    const published = await publishedPreset(this.storage, presetId);
    const layer = await this.storage.editLayers.get(PRESET_OWNER, presetId);
    const baseVersion = layer && layer.ops.length > 0 ? layer.baseVersion : published.version;
    const baseDoc = documentOf(baseVersion === published.version ? published : await presetVersion(this.storage, presetId, baseVersion));
    refusalsToApi(() => composeLayer(baseDoc, ops, { enforceLocks: false }));
    const input = { owner: PRESET_OWNER, procedureId: presetId, baseVersion, ops, withdrawn: false, updatedAt: this.now().toISOString(), updatedBy: actor.userId };
    await this.storage.editLayers.save(input, layer ? revision : null, this.now());
    await recordCatalogEvent(this.storage, this.now, actor, 'preset.edits_saved', null, presetId, { edits: ops.length });
    return this.view(presetId);
  }

  /** Publishes the template with its pending edits as a new preset version, with a change note for municipalities. */
  async publish(presetId: string, note: unknown, actor: Actor): Promise<PublishOutcome> {
    if (typeof note !== 'string' || !note.trim() || note.length > 2000) throw new BadRequestError(msg('badNote'), 'bad_note');
    const published = await publishedPreset(this.storage, presetId);
    const layer = await this.storage.editLayers.get(PRESET_OWNER, presetId);
    if (!layer || layer.ops.length === 0) throw new ConflictError(msg('nothingToPublish'), 'nothing_to_publish');
    if (layer.baseVersion !== published.version) {
      throw new ConflictError(msg('presetMoved'), 'preset_moved');
    }
    const doc = finalizeDocument(
      refusalsToApi(() => composeLayer(documentOf(published), layer.ops, { enforceLocks: false })),
      PRESET_OWNER,
    );
    await this.rememberFileRelease(presetId, published.version, published.contentHash, published.publishedAt);
    const outcome = await publishDocument(this.storage, doc, this.now());
    const at = this.now().toISOString();
    if (!outcome.unchanged) {
      await this.storage.presetReleases.add({ presetId, version: outcome.version.version, note: note.trim(), source: 'builder', publishedAt: at, publishedBy: actor.userId });
    }
    await this.storage.editLayers.save({ ...layer, baseVersion: outcome.version.version, ops: [], updatedAt: at, updatedBy: actor.userId }, layer.revision, this.now());
    await recordCatalogEvent(this.storage, this.now, actor, 'preset.published', null, presetId, { version: outcome.version.version, note: note.trim() });
    return outcome;
  }

  /**
   * Start-up sync republishes a preset whose file changed since it was last
   * synced. Before the first builder release, record which file content the
   * current version came from, so a restart does not undo the admin's release.
   */
  private async rememberFileRelease(presetId: string, version: number, fileHash: string, publishedAt: string | undefined): Promise<void> {
    if (await this.storage.presetReleases.lastFromFile(presetId)) return;
    const known = (await this.storage.presetReleases.list(presetId)).some((r) => r.version === version);
    if (known) return;
    await this.storage.presetReleases.add({
      presetId,
      version,
      note: 'プリセットファイルから登録',
      source: 'file',
      fileHash,
      publishedAt: publishedAt ?? this.now().toISOString(),
      publishedBy: 'system',
    });
  }

  /** Drops the pending edits of a template. */
  async discardEdits(presetId: string): Promise<void> {
    await this.storage.editLayers.delete(PRESET_OWNER, presetId);
  }

  async releases(presetId: string): Promise<PresetRelease[]> {
    await publishedPreset(this.storage, presetId);
    return this.storage.presetReleases.list(presetId);
  }

  /** What changed between two versions of a preset. */
  async diff(presetId: string, from: number, to: number): Promise<FormDiff> {
    const [a, b] = await Promise.all([presetVersion(this.storage, presetId, from), presetVersion(this.storage, presetId, to)]);
    return diffForms(documentOf(a), documentOf(b));
  }
}
