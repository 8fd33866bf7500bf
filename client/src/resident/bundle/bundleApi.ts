/** One-stop bundles in the public API: send the applications together, and their status. */
import type { BundleResponse, BundleStatus, IntakeRequest } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';
import { apiJson } from '../../common/api/http';

export type BundleItem = Omit<IntakeRequest, 'language'> & { procedureId: string };

/** The same `idempotencyKey` must be sent again on a retry of the same bundle. */
export const submitBundle = (code: string, items: BundleItem[], signature: string | undefined, idempotencyKey: string, language: Language) =>
  apiJson<BundleResponse>(`/municipalities/${encodeURIComponent(code)}/bundles`, {
    method: 'POST',
    body: { items, language, ...(signature ? { signature } : {}) },
    headers: { 'Idempotency-Key': idempotencyKey },
    language,
  });

/** Starts signing the whole bundle once with the My Number Card; answers the URL of the signing step. */
export const signBundle = (code: string, items: Array<{ procedureId: string; data: Record<string, unknown>; attachments: Record<string, string[]> }>, returnTo: string, language: Language) =>
  apiJson<{ url: string }>('/resident/card/sign-bundle', { method: 'POST', body: { municipalityCode: code, items, returnTo }, language });

export const getBundleStatus = (receiptNumber: string, secret: string, language: Language) =>
  apiJson<BundleStatus>(`/bundles/${encodeURIComponent(receiptNumber)}/status`, { headers: { 'X-Receipt-Secret': secret }, language });
