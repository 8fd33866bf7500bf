/** The public 罹災証明書 calls: the resident's state and PDF (receipt secret in a header) and verification. */
import type { Language } from '../../common/i18n/LanguageContext';
import { apiFetch, apiJson } from '../../common/api/http';

const enc = encodeURIComponent;

export type ResidentCertificate = { state: 'none' } | { state: 'issued'; number: string; issuedOn: string; byPost: boolean } | { state: 'withdrawn'; number: string; withdrawnOn: string };

export type Verification =
  | { result: 'valid'; number: string; municipalityName: string; disasterName: string; disasterDate: string; damageLevel: string; issuedOn: string }
  | { result: 'withdrawn'; number: string; withdrawnOn: string }
  | { result: 'mismatch' };

export const getResidentCertificate = (receiptNumber: string, secret: string, language: Language) =>
  apiJson<ResidentCertificate>(`/submissions/${enc(receiptNumber)}/certificate`, { headers: { 'X-Receipt-Secret': secret }, language });

export async function fetchCertificatePdf(receiptNumber: string, secret: string, language: Language): Promise<Blob> {
  const response = await apiFetch(`/submissions/${enc(receiptNumber)}/certificate/pdf`, { headers: { 'X-Receipt-Secret': secret, Accept: 'application/pdf' }, language });
  return response.blob();
}

export const verifyCertificate = (number: string, code: string, language: Language) => apiJson<Verification>(`/certificates/verify?number=${enc(number)}&code=${enc(code)}`, { language });
