/**
 * Calls the staff API through the one client request layer (common/api/http.ts):
 * the same-origin cookie, the CSRF token on writes, errors as the shared ApiError
 * with the server's (Japanese or English) message.
 */
import { ApiError, apiFetch, apiJson } from '../common/api/http';
import { currentLanguage } from '../common/i18n/languageStore';

export { ApiError };

let csrfToken = '';

/** Every response that carries a CSRF token (session, login, logout) replaces the one we send. */
function remember(body: unknown): void {
  const token = (body as { csrfToken?: unknown } | null)?.csrfToken;
  if (typeof token === 'string') csrfToken = token;
}

export async function staffApi<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await apiFetch(`/staff${path}`, {
    method,
    language: currentLanguage(),
    ...(body === undefined ? {} : { body }),
    ...(method === 'GET' ? {} : { headers: { 'X-CSRF-Token': csrfToken } }),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json()) as T;
  remember(data);
  return data;
}

/** A staff write whose answer is a file (bulk CSV or PDF): the same CSRF header, the Response as it is. */
export const staffDownload = (path: string, body: unknown): Promise<Response> =>
  apiFetch(`/staff${path}`, { method: 'POST', language: currentLanguage(), body, headers: { 'X-CSRF-Token': csrfToken } });

/** Public API calls (municipality search) used by staff pages. */
export const publicApi = <T>(path: string): Promise<T> => apiJson<T>(path, { language: currentLanguage() });

/** A staff call answered with a file (e.g. a PDF preview of unsaved input): the body as a Blob, errors as ApiError. */
export async function staffBlob(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Blob> {
  const response = await apiFetch(`/staff${path}`, {
    method,
    language: currentLanguage(),
    ...(body === undefined ? {} : { body }),
    ...(method === 'GET' ? {} : { headers: { 'X-CSRF-Token': csrfToken } }),
  });
  return response.blob();
}
