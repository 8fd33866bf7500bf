/** Shapes of the public JSON API (`/api/v1`), shared by server and client. */
import type { Procedure, FormVersion } from '../form/types';
import type { SubmissionStatus } from '../submission/status';
import type { FieldError } from '../validation/messages';

export interface Municipality {
  /** 6-digit 全国地方公共団体コード (tenant id). */
  code: string;
  prefecture: string;
  /** e.g. 水戸市, or 札幌市 中央区 for a designated-city ward. */
  name: string;
  /** Hiragana reading, e.g. みとし. */
  reading: string;
  /** For a ward: the code of its designated city. */
  parentCode?: string;
  url?: string;
}

/** One row of a municipality's catalog. */
export type ProcedureSummary = Pick<
  Procedure,
  'id' | 'owner' | 'title' | 'titleEn' | 'description' | 'category' | 'lifeEvents' | 'keywords' | 'signaturePolicy'
> & { version: number };

export interface ProcedureDetail {
  procedure: Procedure;
  version: Pick<FormVersion, 'version' | 'schema' | 'uiSchema' | 'publishedAt'>;
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
}

export interface IntakeResponse {
  receiptNumber: string;
  /** Shown once; with the receipt number it opens the status page. */
  secret: string;
  submittedAt: string;
  procedureId: string;
  formVersion: number;
}

export interface StatusResponse {
  receiptNumber: string;
  procedureId: string;
  procedureTitle: string;
  municipalityCode: string;
  status: SubmissionStatus;
  statusLabel: string;
  submittedAt: string;
  updatedAt: string;
  messages: Array<{ at: string; text: string }>;
}

/** Every error the API returns has this shape. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    requestId?: string;
    fields?: FieldError[];
  };
}

/** A draft saved behind a resume link (POST/PUT /drafts). */
export interface DraftBody {
  municipalityCode: string;
  procedureId: string;
  formVersion: number;
  data: Record<string, unknown>;
  attachments: Record<string, string[]>;
  uploadToken: string;
}

/** A draft as GET /drafts/:id returns it. */
export interface DraftView extends DraftBody {
  updatedAt: string;
  expiresAt: string;
}

/** POST /drafts → the resume link's parts (the secret goes in the URL fragment). */
export interface DraftCreated {
  draftId: string;
  secret: string;
  expiresAt: string;
  resumePath: string;
}

/** POST /municipalities/:code/uploads → the stored file. */
export interface UploadedFile {
  fileId: string;
  fileName: string;
  mediaType: string;
  size: number;
}
