/**
 * Cached look-ups the inbox needs on every page: form versions (immutable once
 * a submission points at them) and staff display names (briefly cached).
 */
import { versionWording, type FormVersion, type Language } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';

const USER_TTL_MS = 60_000;

export class InboxLookups {
  private readonly versions = new Map<string, FormVersion>();
  private readonly users = new Map<string, { name: string; at: number }>();

  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
    /** A municipality's name by code (the registry), for version wording. */
    private readonly municipalityName: (code: string) => string | undefined = () => undefined,
  ) {}

  /** 「水戸市版 第2版（国の様式 第3版に基づく）」: the version a submission used, said plainly (shared versionWording). */
  async versionLabel(owner: string, procedureId: string, version: number, language: Language = 'ja'): Promise<string> {
    const found = await this.version(owner, procedureId, version);
    const basedOn = found?.procedure.basedOn;
    return versionWording({ owner, version, ...(basedOn ? { basedOn } : {}) }, language, this.municipalityName(owner) ?? owner);
  }

  /** The exact version a submission was made on (its labels, never today's wording). */
  async version(owner: string, procedureId: string, version: number): Promise<FormVersion | null> {
    const key = `${owner}/${procedureId}@${version}`;
    const hit = this.versions.get(key);
    if (hit) return hit;
    const found = await this.storage.procedures.getVersion(owner, procedureId, version);
    // Only published or retired versions are immutable; a draft is never cached.
    if (found && found.status !== 'draft') {
      if (this.versions.size > 500) this.versions.delete(this.versions.keys().next().value!);
      this.versions.set(key, found);
    }
    return found;
  }

  async userName(id: string | undefined): Promise<string | undefined> {
    if (!id) return undefined;
    const t = this.now().getTime();
    const hit = this.users.get(id);
    if (hit && t - hit.at < USER_TTL_MS) return hit.name;
    const user = await this.storage.users.findById(id);
    const name = user?.displayName ?? id;
    this.users.set(id, { name, at: t });
    return name;
  }

  /** Who did a history step, in words: a staff name, 申請者, or システム. */
  async actorName(by: string): Promise<string> {
    if (by === 'applicant') return '申請者';
    if (by === 'system') return 'システム';
    if (by.startsWith('api-key:')) return `基幹システム（${by.slice(8, 16)}）`;
    return (await this.userName(by)) ?? by;
  }
}
