/**
 * The applicant's correction API (server: residentCorrectionRoutes in
 * server/src/http/inboxRoutes.ts). Self-contained: the receipt secret travels
 * in the X-Receipt-Secret header, never in a URL.
 */
export type Lang = 'ja' | 'en';

export interface CorrectionField {
  pointer: string;
  group: string;
  label: string;
  input: 'text' | 'textarea' | 'number' | 'integer' | 'select' | 'multiselect' | 'boolean' | 'date' | 'email' | 'tel';
  options?: string[];
  value: unknown;
  maxLength?: number;
}

export interface CorrectionView {
  receiptNumber: string;
  municipalityCode: string;
  procedureId: string;
  status: string;
  statusLabel: string;
  procedureTitle: string;
  revision: number;
  request: { message: string; requestedAt: string; fields: CorrectionField[] } | null;
  attachments: Array<{ id: string; label: string; accept: string[]; maxFiles: number; maxSizeMb: number; files: Array<{ fileName: string }> }>;
  messages: Array<{ kind: 'correction-request' | 'correction-answer'; body: string; at: string }>;
  revisions: Array<{ revision: number; createdAt: string }>;
}

export interface FieldProblem {
  pointer: string;
  message: string;
}

export class CorrectionError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: FieldProblem[] = []) {
    super(message);
  }
}

async function call<T>(path: string, language: Lang, init: RequestInit & { secret?: string } = {}): Promise<T> {
  const { secret, headers, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${language === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`, {
      ...rest,
      headers: { Accept: 'application/json', 'Accept-Language': language, ...(secret ? { 'X-Receipt-Secret': secret } : {}), ...headers },
    });
  } catch {
    throw new CorrectionError(0, 'network', language === 'en' ? 'Could not reach the server. Check your connection and try again.' : '通信できませんでした。接続を確認して、もう一度お試しください。');
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: { code: string; message: string; fields?: FieldProblem[] } }) | null;
  if (!res.ok) throw new CorrectionError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? `HTTP ${res.status}`, body?.error?.fields ?? []);
  return body as T;
}

const enc = encodeURIComponent;

export const loadCorrection = (receipt: string, secret: string, language: Lang) => call<CorrectionView>(`/submissions/${enc(receipt)}/correction`, language, { secret });

export const loadRevision = (receipt: string, secret: string, revision: number, language: Lang) =>
  call<{ revision: number; createdAt: string; answers: Array<{ pointer: string; label: string; value: string; depth: number; isGroup: boolean }> }>(`/submissions/${enc(receipt)}/revisions/${revision}`, language, { secret });

export const sendAnswer = (receipt: string, secret: string, body: object, language: Lang) =>
  call<{ revision: number; status: string }>(`/submissions/${enc(receipt)}/correction`, language, { secret, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

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
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
