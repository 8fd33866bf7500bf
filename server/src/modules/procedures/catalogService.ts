/**
 * What a municipality offers residents: its own published procedures plus the
 * preset library (a municipality's own procedure with the same id replaces the preset).
 */
import { PRESET_OWNER, type FormVersion, type ProcedureDetail, type ProcedureSummary } from '@madoguchi/shared';
import { NotFoundError } from '../../errors';
import type { Storage } from '../../storage/types';
import type { MunicipalityRegistry } from '../municipalities/registry';

export class CatalogService {
  constructor(
    private readonly storage: Storage,
    private readonly municipalities: MunicipalityRegistry,
  ) {}

  requireMunicipality(code: string) {
    const municipality = this.municipalities.get(code);
    if (!municipality) throw new NotFoundError('指定された市区町村が見つかりません。', 'municipality_not_found');
    return municipality;
  }

  /** Published versions visible to a municipality, one per procedure id. */
  async publishedFor(code: string): Promise<FormVersion[]> {
    this.requireMunicipality(code);
    const versions = await this.storage.procedures.listPublished([code, PRESET_OWNER]);
    const byId = new Map<string, FormVersion>();
    for (const v of versions) if (v.owner === code || !byId.has(v.procedureId)) byId.set(v.procedureId, v);
    return [...byId.values()].sort((a, b) => a.procedure.category.localeCompare(b.procedure.category) || a.procedure.title.localeCompare(b.procedure.title, 'ja'));
  }

  async list(code: string): Promise<ProcedureSummary[]> {
    return (await this.publishedFor(code)).map((v) => ({
      id: v.procedureId,
      owner: v.owner,
      title: v.procedure.title,
      ...(v.procedure.titleEn ? { titleEn: v.procedure.titleEn } : {}),
      description: v.procedure.description,
      category: v.procedure.category,
      lifeEvents: v.procedure.lifeEvents,
      keywords: v.procedure.keywords,
      signaturePolicy: v.procedure.signaturePolicy,
      version: v.version,
    }));
  }

  /** The current published version of one procedure for a municipality. */
  async current(code: string, procedureId: string): Promise<FormVersion> {
    this.requireMunicipality(code);
    const version = (await this.storage.procedures.getPublished(code, procedureId)) ?? (await this.storage.procedures.getPublished(PRESET_OWNER, procedureId));
    if (!version) throw new NotFoundError('この手続は現在受け付けていません。', 'procedure_not_found');
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
