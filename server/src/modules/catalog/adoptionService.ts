/**
 * Adopted presets: a municipality's local edits stored as a layer over the
 * preset version they were made on, composed (never weakening what the law
 * requires) and published as the municipality's own immutable version with
 * `basedOn: {presetId, presetVersion}`. When the preset library publishes a
 * new version, the layer is re-applied on it; conflicts wait for staff.
 */
import {
  PRESET_OWNER,
  applyOp,
  checkDraft,
  composeLayer,
  describeOp,
  diffForms,
  finalizeDocument,
  lockedFields,
  rebaseLayer,
  summarizeVersion,
  type AdoptionView,
  type Decision,
  type EditLayer,
  type EditOp,
  type FormDocument,
  type PresetUpdateInfo,
  type UpdatePreview,
} from '@madoguchi/shared';
import { ConflictError, NotFoundError } from '../../errors';
import type { Storage } from '../../storage/types';
import { parseOps, refusalsToApi } from './catalogErrors';
import { documentHash, documentOf, presetVersion, publishedPreset } from './documents';
import { publishDocument, type PublishOutcome } from './publishing';
import { recordCatalogEvent, type Actor } from './catalogAudit';
import { msg } from '../../i18n/messages';
import { retireVersion } from '../procedures/versionLifecycle';

/** Each edit in Japanese, described against the document it applies to. */
export function describeEdits(base: FormDocument, ops: readonly EditOp[]): Array<{ id: string; description: string }> {
  let doc = base;
  return ops.map((op) => {
    const description = describeOp(op, doc);
    try {
      doc = applyOp(doc, op);
    } catch {
      /* stored layers always apply; a description needs no more */
    }
    return { id: op.id, description };
  });
}

/** Adopted presets of a municipality: the layer of local edits, publishing it, taking preset updates. */
export class AdoptionService {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async layerOf(code: string, presetId: string): Promise<EditLayer> {
    const layer = await this.storage.editLayers.get(code, presetId);
    if (!layer) throw new NotFoundError(msg('notAdopted'), 'not_adopted');
    return layer;
  }

  private compose(code: string, presetId: string, base: FormDocument, layer: Pick<EditLayer, 'ops' | 'baseVersion'>): FormDocument {
    const composed = refusalsToApi(() => composeLayer(base, layer.ops, { enforceLocks: true }));
    return finalizeDocument(composed, code, { presetId, presetVersion: layer.baseVersion });
  }

  /** Starts local edits over the current preset version (idempotent: an existing adoption is returned). */
  async adopt(code: string, presetId: string, actor: Actor): Promise<{ view: AdoptionView; created: boolean }> {
    const preset = await publishedPreset(this.storage, presetId);
    if (await this.storage.editLayers.get(code, presetId)) return { view: await this.view(code, presetId), created: false };
    await this.storage.editLayers.save(
      { owner: code, procedureId: presetId, baseVersion: preset.version, ops: [], withdrawn: false, updatedAt: this.now().toISOString(), updatedBy: actor.userId },
      null,
      this.now(),
    );
    await recordCatalogEvent(this.storage, this.now, actor, 'catalog.adopted', code, presetId, { presetVersion: preset.version });
    return { view: await this.view(code, presetId), created: true };
  }

  async view(code: string, presetId: string): Promise<AdoptionView> {
    const layer = await this.layerOf(code, presetId);
    const base = documentOf(await presetVersion(this.storage, presetId, layer.baseVersion));
    const document = this.compose(code, presetId, base, layer);
    const published = await this.storage.procedures.getPublished(code, presetId);
    return {
      presetId,
      layer,
      base,
      document,
      locks: lockedFields(base),
      problems: checkDraft(document),
      edits: describeEdits(base, layer.ops),
      published: published ? summarizeVersion(published) : null,
      unpublishedChanges: published ? published.contentHash !== documentHash(document) : layer.ops.length > 0,
      update: await this.updateInfo(presetId, layer.baseVersion, base),
    };
  }

  private async updateInfo(presetId: string, baseVersion: number, base: FormDocument): Promise<PresetUpdateInfo | null> {
    const latest = await this.storage.procedures.getPublished(PRESET_OWNER, presetId);
    if (!latest || latest.version <= baseVersion) return null;
    const releases = (await this.storage.presetReleases.list(presetId)).filter((r) => r.version > baseVersion && r.version <= latest.version);
    return { fromVersion: baseVersion, toVersion: latest.version, releases, diff: diffForms(base, documentOf(latest)) };
  }

  /** Replaces the local edits (all of them, as the builder holds them); each must apply and respect the locks. */
  async saveEdits(code: string, presetId: string, rawOps: unknown, revision: number, actor: Actor): Promise<AdoptionView> {
    const ops = parseOps(rawOps);
    const layer = await this.layerOf(code, presetId);
    const base = documentOf(await presetVersion(this.storage, presetId, layer.baseVersion));
    this.compose(code, presetId, base, { ops, baseVersion: layer.baseVersion });
    await this.storage.editLayers.save({ ...layer, ops, updatedAt: this.now().toISOString(), updatedBy: actor.userId }, revision, this.now());
    await recordCatalogEvent(this.storage, this.now, actor, 'catalog.edits_saved', code, presetId, { edits: ops.length });
    return this.view(code, presetId);
  }

  /** Publishes the composed document as the municipality's own version (and offers it again if it was withdrawn). */
  async publish(code: string, presetId: string, actor: Actor): Promise<PublishOutcome> {
    const layer = await this.layerOf(code, presetId);
    const base = documentOf(await presetVersion(this.storage, presetId, layer.baseVersion));
    const outcome = await publishDocument(this.storage, this.compose(code, presetId, base, layer), this.now());
    if (layer.withdrawn) await this.storage.editLayers.save({ ...layer, withdrawn: false, updatedBy: actor.userId }, layer.revision, this.now());
    await recordCatalogEvent(this.storage, this.now, actor, 'catalog.published', code, presetId, { version: outcome.version.version, presetVersion: layer.baseVersion, unchanged: outcome.unchanged });
    return outcome;
  }

  private async rebase(code: string, presetId: string, decisions: Record<string, Decision>) {
    const layer = await this.layerOf(code, presetId);
    const oldBase = documentOf(await presetVersion(this.storage, presetId, layer.baseVersion));
    const update = await this.updateInfo(presetId, layer.baseVersion, oldBase);
    if (!update) throw new ConflictError(msg('noUpdate'), 'no_update');
    const newBase = documentOf(await presetVersion(this.storage, presetId, update.toVersion));
    const result = rebaseLayer({ oldBase, newBase, ops: layer.ops, decisions, enforceLocks: true });
    const document = finalizeDocument(result.document, code, { presetId, presetVersion: update.toVersion });
    const preview: UpdatePreview = { ...update, outcomes: result.outcomes, unresolved: result.unresolved, problems: checkDraft(document), document };
    return { layer, preview, ops: result.ops };
  }

  /** What taking the latest preset version would do to the local edits, with staff's decisions so far. */
  async previewUpdate(code: string, presetId: string, decisions: Record<string, Decision> = {}): Promise<UpdatePreview> {
    return (await this.rebase(code, presetId, decisions)).preview;
  }

  /** Takes the latest preset version: the local edits are re-applied; every conflict must have been decided. */
  async takeUpdate(code: string, presetId: string, decisions: Record<string, Decision>, revision: number, actor: Actor): Promise<AdoptionView> {
    const { layer, preview, ops } = await this.rebase(code, presetId, decisions);
    if (preview.unresolved > 0) {
      throw new ConflictError(msg('unresolvedConflicts', { count: preview.unresolved }), 'unresolved_conflicts');
    }
    await this.storage.editLayers.save({ ...layer, baseVersion: preview.toVersion, ops, updatedAt: this.now().toISOString(), updatedBy: actor.userId }, revision, this.now());
    const count = (status: string) => preview.outcomes.filter((o) => o.status === status).length;
    await recordCatalogEvent(this.storage, this.now, actor, 'catalog.preset_update_taken', code, presetId, {
      from: preview.fromVersion,
      to: preview.toVersion,
      reapplied: count('reapplied'),
      kept: count('kept'),
      dropped: count('dropped'),
      obsolete: count('obsolete'),
    });
    return this.view(code, presetId);
  }

  /**
   * Stops (or resumes) offering the procedure online. Withdrawing retires the
   * municipality's published version and hides the national preset too; a
   * preset never adopted gets an empty layer to carry the flag.
   */
  async setWithdrawn(code: string, presetId: string, withdrawn: boolean, actor: Actor): Promise<EditLayer> {
    const preset = await publishedPreset(this.storage, presetId);
    const layer = await this.storage.editLayers.get(code, presetId);
    const at = this.now().toISOString();
    const saved = layer
      ? await this.storage.editLayers.save({ ...layer, withdrawn, updatedAt: at, updatedBy: actor.userId }, layer.revision, this.now())
      : await this.storage.editLayers.save({ owner: code, procedureId: presetId, baseVersion: preset.version, ops: [], withdrawn, updatedAt: at, updatedBy: actor.userId }, null, this.now());
    const published = withdrawn ? await this.storage.procedures.getPublished(code, presetId) : null;
    if (published) await retireVersion(this.storage.procedures, { owner: code, procedureId: presetId, version: published.version }, this.now());
    await recordCatalogEvent(this.storage, this.now, actor, withdrawn ? 'catalog.withdrawn' : 'catalog.restored', code, presetId);
    return saved;
  }

  /** Gives up the local edits: residents get the national preset again. Earlier versions stay for the submissions made on them. */
  async discard(code: string, presetId: string, actor: Actor): Promise<void> {
    await this.layerOf(code, presetId);
    const published = await this.storage.procedures.getPublished(code, presetId);
    if (published) await retireVersion(this.storage.procedures, { owner: code, procedureId: presetId, version: published.version }, this.now());
    await this.storage.editLayers.delete(code, presetId);
    await recordCatalogEvent(this.storage, this.now, actor, 'catalog.adoption_discarded', code, presetId);
  }
}
