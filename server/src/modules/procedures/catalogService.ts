/**
 * What a municipality offers residents: its own published procedures plus the
 * preset library (a municipality's own procedure with the same id — its own or
 * an adopted preset with local edits — replaces the preset; a preset the
 * municipality withdrew is not offered at all).
 */
import { PRESET_OWNER, receptionState, type FormVersion, type ProcedureDetail, type ProcedureSummary, versionKey } from '@madoguchi/shared';
import { NotFoundError } from '../../errors';
import type { Storage } from '../../storage/types';
import type { MunicipalityRegistry } from '../municipalities/registry';
import { msg } from '../../i18n/messages';

export class CatalogService {
  constructor(
    private readonly storage: Storage,
    private readonly municipalities: MunicipalityRegistry,
  ) {}

  requireMunicipality(code: string) {
    const municipality = this.municipalities.get(code);
    if (!municipality) throw new NotFoundError(msg('municipalityNotFound'), 'municipality_not_found');
    return municipality;
  }

  /** Published versions visible to a municipality, one per procedure id. */
  async publishedFor(code: string): Promise<FormVersion[]> {
    this.requireMunicipality(code);
    const [versions, withdrawn] = await Promise.all([this.storage.procedures.listPublished([code, PRESET_OWNER]), this.withdrawnPresets(code)]);
    const byId = new Map<string, FormVersion>();
    for (const v of versions) {
      if (v.owner === PRESET_OWNER && withdrawn.has(v.procedureId)) continue;
      if (v.owner === code || !byId.has(v.procedureId)) byId.set(v.procedureId, v);
    }
    return [...byId.values()].sort((a, b) => a.procedure.category.localeCompare(b.procedure.category) || a.procedure.title.localeCompare(b.procedure.title, 'ja'));
  }

  /** Presets the municipality does not offer online (see modules/catalog). */
  private async withdrawnPresets(code: string): Promise<Set<string>> {
    return new Set((await this.storage.editLayers.listByOwner(code)).filter((l) => l.withdrawn).map((l) => l.procedureId));
  }

  /** With `now` (the resident's catalog) each procedure with a 受付期間 says where it stands (none set: always open). */
  async list(code: string, now?: Date): Promise<ProcedureSummary[]> {
    return (await this.publishedFor(code)).map((v) => ({
      id: v.procedureId,
      owner: v.owner,
      title: v.procedure.title,
      ...(v.procedure.titleEn ? { titleEn: v.procedure.titleEn } : {}),
      ...(v.procedure.descriptionEn ? { descriptionEn: v.procedure.descriptionEn } : {}),
      description: v.procedure.description,
      category: v.procedure.category,
      lifeEvents: v.procedure.lifeEvents,
      keywords: v.procedure.keywords,
      signaturePolicy: v.procedure.signaturePolicy,
      version: v.version,
      ...(now && v.procedure.reception ? { receptionState: receptionState(v.procedure.reception, now) } : {}),
    }));
  }

  /**
   * A published version, read through a cache: published versions never change,
   * so only "which number is published" is asked of the store on every request
   * (intake calls this for each submission; parsing a schema each time would dominate).
   */
  private async published(owner: string, procedureId: string): Promise<FormVersion | null> {
    const number = await this.storage.procedures.getPublishedVersionNumber(owner, procedureId);
    if (number === null) return null;
    const key = versionKey(owner, procedureId, number);
    const cached = this.versionCache.get(key);
    if (cached) return cached;
    const version = await this.storage.procedures.getVersion(owner, procedureId, number);
    if (!version) return null;
    this.versionCache.set(key, version);
    if (this.versionCache.size > 2000) this.versionCache.delete(this.versionCache.keys().next().value!);
    return version;
  }

  private readonly versionCache = new Map<string, FormVersion>();

  /** The current published version of one procedure for a municipality. */
  async current(code: string, procedureId: string): Promise<FormVersion> {
    this.requireMunicipality(code);
    const version = (await this.published(code, procedureId)) ?? ((await this.storage.editLayers.get(code, procedureId))?.withdrawn ? null : await this.published(PRESET_OWNER, procedureId));
    if (!version) throw new NotFoundError(msg('procedureNotAccepting'), 'procedure_not_found');
    return version;
  }

  async detail(code: string, procedureId: string): Promise<ProcedureDetail> {
    const v = await this.current(code, procedureId);
    return {
      procedure: v.procedure,
      version: { version: v.version, schema: v.schema, uiSchema: v.uiSchema, ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}) },
    };
  }
}
