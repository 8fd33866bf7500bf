/**
 * The applicant's correction API (server: residentCorrectionRoutes in
 * server/src/http/inboxRoutes.ts). Self-contained: the receipt secret travels
 * in the X-Receipt-Secret header, never in a URL.
 */
import type { CorrectionView } from '@madoguchi/shared';
import { apiJson } from '../../../common/api/http';
import type { Language } from '../../../common/i18n/LanguageContext';

/** The platform's language type (shared). */
export type Lang = Language;

// The shapes come from the API contract (shared/src/api/contract): one declaration for server and client.
export type { CorrectionField, CorrectionView } from '@madoguchi/shared';
export interface FieldProblem {
  pointer: string;
  message: string;
}

/** Through the one client request layer; the receipt secret goes in a header. */
const call = <T>(path: string, language: Lang, init: { method?: 'GET' | 'POST'; body?: unknown; secret?: string; headers?: Record<string, string> } = {}): Promise<T> =>
  apiJson<T>(path, {
    language,
    ...(init.method ? { method: init.method } : {}),
    ...(init.body !== undefined ? { body: init.body } : {}),
    headers: { ...(init.secret ? { 'X-Receipt-Secret': init.secret } : {}), ...init.headers },
  });

const enc = encodeURIComponent;

export const loadCorrection = (receipt: string, secret: string, language: Lang) => call<CorrectionView>(`/submissions/${enc(receipt)}/correction`, language, { secret });

export const loadRevision = (receipt: string, secret: string, revision: number, language: Lang) =>
  call<{ revision: number; createdAt: string; answers: Array<{ pointer: string; label: string; value: string; depth: number; isGroup: boolean }> }>(
    `/submissions/${enc(receipt)}/revisions/${revision}`,
    language,
    { secret },
  );

/** Starts signing the corrected answers with the My Number Card; answers the URL of the signing step. */
export const startCorrectionSigning = (receipt: string, secret: string, body: object, language: Lang) =>
  call<{ url: string }>(`/submissions/${enc(receipt)}/correction/sign`, language, { secret, method: 'POST', body });

export const sendAnswer = (receipt: string, secret: string, body: object, language: Lang) =>
  call<{ revision: number; status: string }>(`/submissions/${enc(receipt)}/correction`, language, { secret, method: 'POST', body });

export async function uploadFile(code: string, procedureId: string, attachmentId: string, uploadToken: string, file: File, language: Lang) {
  const form = new FormData();
  form.append('procedureId', procedureId);
  form.append('attachmentId', attachmentId);
  form.append('file', file);
  return call<{ fileId: string; fileName: string; size: number }>(`/municipalities/${enc(code)}/uploads`, language, { method: 'POST', headers: { 'X-Upload-Token': uploadToken }, body: form });
}

/** A fresh random token for this answer's uploads (binds the files to the answer). */
export function newUploadToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
