/** Shapes of the staff catalog API (`/api/v1/staff/...`), shared by the server and the builder. */
import type { FormVersion, FormVersionStatus, ProcedureReception } from '../form/types';
import type { EditLayer, EditOp, FormDocument, PresetRelease } from './types';
import type { LockedField } from './legalLocks';
import type { DraftProblem } from './checkDraftStructure';
import type { FormDiff } from './diffForms';
import type { Decision, OpOutcome } from './rebaseLayer';

/** A version without its content. */
export interface VersionSummary {
  version: number;
  status: FormVersionStatus;
  createdAt: string;
  publishedAt?: string;
  retiredAt?: string;
  contentHash: string;
}

/** A stored version as a summary (no schema). */
export const summarizeVersion = (v: FormVersion): VersionSummary => ({
  version: v.version,
  status: v.status,
  createdAt: v.createdAt,
  contentHash: v.contentHash,
  ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}),
  ...(v.retiredAt ? { retiredAt: v.retiredAt } : {}),
});

/**
 * One row of a municipality's catalog as staff see it. `national`: the preset
 * as it is; `adopted`: a preset with local edits; `own`: the municipality's own.
 */
export interface CatalogEntry {
  id: string;
  title: string;
  category: string;
  source: 'national' | 'adopted' | 'own';
  /** What residents get now. */
  offered: 'preset' | 'local' | 'none';
  /** Latest published preset version (presets and adopted ones). */
  presetVersion?: number;
  adoption?: { baseVersion: number; edits: number; updateAvailable: boolean; withdrawn: boolean };
  /** The municipality's own published version, if any. */
  published?: VersionSummary;
  /** The municipality's latest version when it is a draft (own procedures). */
  draft?: VersionSummary;
  /** The local version differs from what is published (unpublished changes). */
  unpublishedChanges: boolean;
  /** The 受付期間 of what residents get now (or of the draft when nothing is published). */
  reception?: ProcedureReception;
}

/** A preset update waiting for a municipality that adopted the preset. */
export interface PresetUpdateInfo {
  fromVersion: number;
  toVersion: number;
  /** Release notes of the versions in between (and the new one). */
  releases: PresetRelease[];
  diff: FormDiff;
}

/** An adopted preset in the builder: the base, the local edits and their result. */
export interface AdoptionView {
  presetId: string;
  layer: EditLayer;
  /** The preset version the edits are layered over. */
  base: FormDocument;
  /** The base with the edits applied, as it would be published. */
  document: FormDocument;
  locks: LockedField[];
  problems: DraftProblem[];
  edits: Array<{ id: string; description: string }>;
  published: VersionSummary | null;
  unpublishedChanges: boolean;
  update: PresetUpdateInfo | null;
}

/** Taking a preset update, before (or instead of) saving it. */
export interface UpdatePreview extends PresetUpdateInfo {
  outcomes: OpOutcome[];
  unresolved: number;
  problems: DraftProblem[];
  document: FormDocument;
}

/** Body of `POST …/adoptions/:presetId/update`. */
export interface TakeUpdateRequest {
  decisions: Record<string, Decision>;
  revision: number;
}

/** Body of `PUT …/edits`: the whole list of edits and the revision they were made on. */
export interface SaveEditsRequest {
  ops: EditOp[];
  revision: number;
}

/** A procedure of the municipality's own in the builder. */
export interface OwnProcedureView {
  procedureId: string;
  /** The latest version's content (the draft being edited, or the published one). */
  document: FormDocument;
  latest: VersionSummary;
  published: VersionSummary | null;
  versions: VersionSummary[];
  problems: DraftProblem[];
}

/** Body of `PUT …/procedures/:id/draft`. */
export interface SaveDraftRequest {
  document: FormDocument;
  /** contentHash of the version the edits were made on (lost-update guard). */
  baseHash: string;
}

/** A preset template in the platform admins' builder. */
export interface PresetTemplateView {
  presetId: string;
  /** Pending edits (null when there are none). */
  layer: EditLayer | null;
  base: FormDocument;
  document: FormDocument;
  problems: DraftProblem[];
  edits: Array<{ id: string; description: string }>;
  published: VersionSummary;
  releases: PresetRelease[];
  /** Municipalities that adopted it. */
  adoptedBy: number;
}

/** One row of the preset library. */
export interface PresetSummary {
  id: string;
  title: string;
  category: string;
  version: number;
  publishedAt?: string;
  pendingEdits: number;
  adoptedBy: number;
}

/** One template of the library (presets/templates) staff may start an own procedure from. */
export interface TemplateSummary {
  id: string;
  title: string;
  titleEn?: string;
  description: string;
}

/** Result of publishing: the new immutable version (or the same one when nothing changed). */
export interface PublishResult {
  version: VersionSummary;
  unchanged: boolean;
}
