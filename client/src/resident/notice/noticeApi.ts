/** The resident's decision notice (決定通知書 / 却下通知書): summary and PDF, receipt secret in a header. */
import type { Language } from '../../common/i18n/LanguageContext';
import { apiFetch, apiJson } from '../../common/api/http';

const enc = encodeURIComponent;

export interface DecisionNotice {
  number: string;
  kind: 'completed' | 'rejected';
  title: string;
  decidedOn: string;
  issuedAt: string;
}

export const getResidentNotice = (receiptNumber: string, secret: string, language: Language) =>
  apiJson<{ notice: DecisionNotice | null }>(`/submissions/${enc(receiptNumber)}/notice`, { headers: { 'X-Receipt-Secret': secret }, language });

export async function fetchNoticePdf(receiptNumber: string, secret: string, language: Language): Promise<Blob> {
  const response = await apiFetch(`/submissions/${enc(receiptNumber)}/notice/pdf`, { headers: { 'X-Receipt-Secret': secret, Accept: 'application/pdf' }, language });
  return response.blob();
}
