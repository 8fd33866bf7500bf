/** One-stop bundles in the public API: send the applications together, and their status. */
import type { BundleResponse, BundleStatus, IntakeRequest } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';
import { apiJson } from '../../common/api/http';

export type BundleItem = Omit<IntakeRequest, 'language'> & { procedureId: string };

/** The same `idempotencyKey` must be sent again on a retry of the same bundle. */
export const submitBundle = (code: string, items: BundleItem[], idempotencyKey: string, language: Language) =>
  apiJson<BundleResponse>(`/municipalities/${encodeURIComponent(code)}/bundles`, { method: 'POST', body: { items, language }, headers: { 'Idempotency-Key': idempotencyKey }, language });

export const getBundleStatus = (receiptNumber: string, secret: string, language: Language) =>
  apiJson<BundleStatus>(`/bundles/${encodeURIComponent(receiptNumber)}/status`, { headers: { 'X-Receipt-Secret': secret }, language });
