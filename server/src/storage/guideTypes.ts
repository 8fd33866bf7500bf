/**
 * A municipality's life-event guides as stored: numbered versions per guide,
 * each a whole guide document. The latest version is a draft (staff work) or
 * the published one residents see; publishing retires the version before it,
 * so every version stays readable. A version of an adopted national guide
 * names the national guide it is based on.
 */
import type { LifeEventGuide } from '@madoguchi/shared';

export type GuideVersionStatus = 'draft' | 'published' | 'retired';

export interface GuideVersion {
  municipalityCode: string;
  guideId: string;
  version: number;
  status: GuideVersionStatus;
  /** The national guide this one is the municipality's copy of; null for a guide of its own. */
  basedOn: string | null;
  /** Published hidden: residents do not see this guide (nor the national one it replaces). */
  hidden: boolean;
  guide: LifeEventGuide;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  publishedAt: string | null;
}

export type NewGuideVersion = Omit<GuideVersion, 'status' | 'publishedAt'>;

export interface GuideVersionRepository {
  /** Every version of one guide, oldest first. */
  listVersions(municipalityCode: string, guideId: string): Promise<GuideVersion[]>;
  /** The latest version of each of the municipality's guides. */
  listLatest(municipalityCode: string): Promise<GuideVersion[]>;
  /** The published version of each of the municipality's guides. */
  listPublished(municipalityCode: string): Promise<GuideVersion[]>;
  /** Adds a draft; its number must be free (a taken number: ConflictError `stale_guide`). */
  insertDraft(input: NewGuideVersion): Promise<GuideVersion>;
  /** Replaces a draft's document; null when that version is no longer a draft. */
  replaceDraft(municipalityCode: string, guideId: string, version: number, change: Pick<GuideVersion, 'guide' | 'hidden' | 'updatedAt' | 'updatedBy'>): Promise<GuideVersion | null>;
  /** Makes a draft the published version and retires the one before it, atomically; null when it is not a draft. */
  publish(municipalityCode: string, guideId: string, version: number, at: string, by: string): Promise<GuideVersion | null>;
}
