/** Typed calls of the public API the resident app uses (catalog, intake, status, drafts, receipts). */
import type {
  CapacityAvailability,
  DraftBody,
  PublicDisaster,
  DraftCreated,
  DraftView,
  IntakeRequest,
  IntakeResponse,
  Municipality,
  ProcedureDetail,
  ProcedureSummary,
  StatusResponse,
} from '@madoguchi/shared';
import type { Language } from '../i18n/LanguageContext';
import { apiFetch, apiJson } from './http';

const enc = encodeURIComponent;

export const searchMunicipalities = async (query: string, language: Language, signal?: AbortSignal) =>
  (await apiJson<{ items: Municipality[] }>(`/municipalities?q=${enc(query)}`, { language, ...(signal ? { signal } : {}) })).items;

export const listPrefectures = async (language: Language) => (await apiJson<{ items: Municipality[]; prefectures: string[] }>('/municipalities', { language })).prefectures;

export const municipalitiesIn = async (prefecture: string, language: Language) => (await apiJson<{ items: Municipality[] }>(`/municipalities?prefecture=${enc(prefecture)}`, { language })).items;

export const getMunicipality = (code: string, language: Language) => apiJson<Municipality>(`/municipalities/${enc(code)}`, { language });

export const listProcedures = async (code: string, language: Language) => (await apiJson<{ items: ProcedureSummary[] }>(`/municipalities/${enc(code)}/procedures`, { language })).items;

export const getProcedure = (code: string, procedureId: string, language: Language) => apiJson<ProcedureDetail>(`/municipalities/${enc(code)}/procedures/${enc(procedureId)}`, { language });

/** Intake. The same `idempotencyKey` must be sent again on a retry of the same answers. */
/** Places left per option of the procedure's fields with a capacity (issue #22). */
export const getCapacity = (code: string, procedureId: string, language: Language) =>
  apiJson<CapacityAvailability>(`/municipalities/${enc(code)}/procedures/${enc(procedureId)}/capacity`, { language });

export const submitApplication = (code: string, procedureId: string, body: IntakeRequest, idempotencyKey: string, language: Language) =>
  apiJson<IntakeResponse>(`/municipalities/${enc(code)}/procedures/${enc(procedureId)}/submissions`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    language,
  });

/** Status by receipt number; the secret travels in a header, never in the URL. */
export const getStatus = (receiptNumber: string, secret: string, language: Language) =>
  apiJson<StatusResponse>(`/submissions/${enc(receiptNumber)}/status`, { headers: { 'X-Receipt-Secret': secret }, language });

/** The Japanese PDF copy of a submitted application. */
export async function fetchReceiptPdf(receiptNumber: string, secret: string, language: Language): Promise<Blob> {
  const response = await apiFetch(`/submissions/${enc(receiptNumber)}/pdf`, { headers: { 'X-Receipt-Secret': secret, Accept: 'application/pdf' }, language });
  return response.blob();
}

export type { DraftBody, DraftCreated, DraftView } from '@madoguchi/shared';

export const createDraft = (body: DraftBody, language: Language) => apiJson<DraftCreated>('/drafts', { method: 'POST', body, language });

export const updateDraft = (draftId: string, secret: string, body: DraftBody, language: Language) =>
  apiJson<{ expiresAt: string }>(`/drafts/${enc(draftId)}`, { method: 'PUT', body, headers: { 'X-Resume-Secret': secret }, language });

export const getDraft = (draftId: string, secret: string, language: Language) => apiJson<DraftView>(`/drafts/${enc(draftId)}`, { headers: { 'X-Resume-Secret': secret }, language });

export const deleteDraft = (draftId: string, secret: string, language: Language) => apiJson<void>(`/drafts/${enc(draftId)}`, { method: 'DELETE', headers: { 'X-Resume-Secret': secret }, language });

export const deleteUpload = (fileId: string, uploadToken: string, language: Language) =>
  apiJson<void>(`/uploads/${enc(fileId)}`, { method: 'DELETE', headers: { 'X-Upload-Token': uploadToken }, language });

/** The municipality's open disasters (their banners and the `disaster` answer of its disaster procedures). */
export const listOpenDisasters = async (code: string, language: Language) => (await apiJson<{ items: PublicDisaster[] }>(`/municipalities/${enc(code)}/disasters`, { language })).items;
