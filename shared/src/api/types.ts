/**
 * Shapes of the public JSON API (`/api/v1`), shared by server and client. Answers
 * are typed from the contract's schemas (./contract); requests the server checks
 * against the contract, and these request types match it.
 */
import type { Procedure, FormVersion } from '../form/types';
import type { ReceptionState } from '../time/reception';
import type { SharedAnswerMapping } from '../guides/sharedAnswers';
import type { LifeEventGuide } from '../guides/lifeEventGuide';
import type { Static } from '@sinclair/typebox';
import type {
  ApiErrorSchema,
  CorrectionFieldSchema,
  CorrectionViewSchema,
  DraftCreatedSchema,
  DraftViewSchema,
  IntakeResponseSchema,
  MunicipalitySchema,
  StatusResponseSchema,
  BundleResponseSchema,
  BundleStatusSchema,
  BundleDraftSchema,
  UploadedFileSchema,
} from './contract/components';
import type { CounterSessionViewSchema, CounterTabletViewSchema } from './contract/counterOperations';

export type Municipality = Static<typeof MunicipalitySchema>;

/** One row of a municipality's catalog. */
export type ProcedureSummary = Pick<Procedure, 'id' | 'owner' | 'title' | 'titleEn' | 'description' | 'descriptionEn' | 'category' | 'lifeEvents' | 'keywords' | 'signaturePolicy'> & {
  version: number;
  /** Where the 受付期間 stands now; only for a procedure that has one (the catalog shows 受付開始前・受付期間外). */
  receptionState?: ReceptionState;
};

export interface ProcedureDetail {
  procedure: Procedure;
  version: Pick<FormVersion, 'version' | 'schema' | 'uiSchema' | 'publishedAt'>;
  /** Which fields take the answers a one-stop bundle shares (from the preset's mapping, fitted to this version). */
  sharedAnswers?: SharedAnswerMapping;
  /** Where the 受付期間 stands at the time of the answer (intake refuses outside it). */
  receptionState?: ReceptionState;
}

export interface IntakeRequest {
  data: Record<string, unknown>;
  /** Attachment spec id → uploaded file ids. */
  attachments?: Record<string, string[]>;
  /** The token the files were uploaded with (proves they belong to this applicant). */
  uploadToken?: string;
  /** The form version the resident filled in; intake refuses a stale one. */
  formVersion?: number;
  language?: 'ja' | 'en';
  /** One-time handle of a verified My Number Card signature over exactly these answers (issue #17). */
  signature?: string;
}

export type IntakeResponse = Static<typeof IntakeResponseSchema>;

export type StatusResponse = Static<typeof StatusResponseSchema>;

export type BundleResponse = Static<typeof BundleResponseSchema>;

export type BundleStatus = Static<typeof BundleStatusSchema>;

export type ApiErrorBody = Static<typeof ApiErrorSchema>;

/** A draft saved behind a resume link (POST/PUT /drafts). */
export interface DraftBody {
  municipalityCode: string;
  procedureId: string;
  formVersion: number;
  data: Record<string, unknown>;
  attachments: Record<string, string[]>;
  uploadToken: string;
  /** A one-stop bundle behind the link: the other forms, the shared part, the confirmations (the fields above are its first form). */
  bundle?: BundleDraft;
}

export type BundleDraft = Static<typeof BundleDraftSchema>;

/** A draft as GET /drafts/:id returns it. */
export type DraftView = Static<typeof DraftViewSchema>;

/** POST /drafts → the resume link's parts (the secret goes in the URL fragment). */
export type DraftCreated = Static<typeof DraftCreatedSchema>;

/** POST /municipalities/:code/uploads → the stored file. */
export type UploadedFile = Static<typeof UploadedFileSchema>;

/** The applicant's view of an open correction request (補正依頼) and the answers asked for. */
export type CorrectionView = Static<typeof CorrectionViewSchema>;
export type CorrectionField = Static<typeof CorrectionFieldSchema>;

/** The staff API of a municipality's life-event guides (contract: guideStaffOperations.ts); served by the guide editor, read by the staff console. */
export type GuideSource = 'national' | 'adopted' | 'own';

export interface GuideVersionSummary {
  version: number;
  status: 'draft' | 'published' | 'retired';
  hidden: boolean;
  updatedAt: string;
  updatedBy: string;
  publishedAt: string | null;
}

export interface GuideListEntry {
  id: string;
  lifeEvent: string;
  title: string;
  source: GuideSource;
  /** Whether residents see it now. */
  shown: boolean;
  published: GuideVersionSummary | null;
  draft: GuideVersionSummary | null;
}

export interface GuideEditorView {
  guideId: string;
  source: GuideSource;
  /** The latest version's guide (the draft being edited), or the national guide before it is adopted. */
  guide: LifeEventGuide;
  hidden: boolean;
  /** The number of the latest version (0: none yet); saves send it back (optimistic locking). */
  version: number;
  versions: GuideVersionSummary[];
  /** The procedures of the municipality's catalog an item may point at, id → title. */
  procedures: Record<string, string>;
  /** The procedures residents can apply for online here, id → title (the preview marks these online). */
  online: Record<string, string>;
}

/** 書かない窓口 (contract: counterOperations.ts): a counter visit as the clerk's screen reads it, and as the paired tablet shows it. */
export type CounterSessionView = Static<typeof CounterSessionViewSchema>;
export type CounterTabletView = Static<typeof CounterTabletViewSchema>;
