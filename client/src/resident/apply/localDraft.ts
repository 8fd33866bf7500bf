/**
 * The unfinished application kept on this device (localStorage), one per
 * municipality and procedure, so a reload, a crash or the Back button never
 * loses what was typed.
 */
import type { UploadedFile } from '../../common/api/uploadFile';
import { randomToken } from '../../common/randomToken';
import { readStored, removeStored, writeStored } from '../../common/storage';

/** A file attached to the draft; `fileName` is unknown for files that came with a resume link. */
export type AttachedFile = Pick<UploadedFile, 'fileId'> & Partial<Omit<UploadedFile, 'fileId'>>;

export interface RemoteDraftRef {
  draftId: string;
  secret: string;
  expiresAt: string;
  resumePath: string;
}

export interface LocalDraft {
  municipalityCode: string;
  procedureId: string;
  formVersion: number;
  data: Record<string, unknown>;
  /** Attachment spec id → files uploaded for it. */
  attachments: Record<string, AttachedFile[]>;
  /** Proves the uploaded files are this applicant's (22–100 chars of [A-Za-z0-9_-]). */
  uploadToken: string;
  savedAt: string;
  remote?: RemoteDraftRef;
}

const key = (municipalityCode: string, procedureId: string) => `madoguchi:draft:${municipalityCode}:${procedureId}`;

export const loadLocalDraft = (municipalityCode: string, procedureId: string) => readStored<LocalDraft>(key(municipalityCode, procedureId));

export function saveLocalDraft(draft: LocalDraft): boolean {
  return writeStored(key(draft.municipalityCode, draft.procedureId), { ...draft, savedAt: new Date().toISOString() });
}

export const clearLocalDraft = (municipalityCode: string, procedureId: string) => removeStored(key(municipalityCode, procedureId));

/** A fresh draft with its own upload token. */
export function newLocalDraft(municipalityCode: string, procedureId: string, formVersion: number): LocalDraft {
  return { municipalityCode, procedureId, formVersion, data: {}, attachments: {}, uploadToken: randomToken(24), savedAt: new Date().toISOString() };
}

/** The draft's attachments as the API wants them: spec id → file ids. */
export const attachmentIds = (attachments: LocalDraft['attachments']) =>
  Object.fromEntries(
    Object.entries(attachments)
      .filter(([, files]) => files.length > 0)
      .map(([id, files]) => [id, files.map((f) => f.fileId)]),
  );
