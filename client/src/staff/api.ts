/** Calls the staff API: same-origin cookie, CSRF token on writes, errors as ApiError with the server's (Japanese or English) message. */
import type { FieldError } from './types';
import { currentLanguage } from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';

/** Every response that carries a CSRF token (session, login, logout) replaces the one we send. */
function remember(body: unknown): void {
  const token = (body as { csrfToken?: unknown } | null)?.csrfToken;
  if (typeof token === 'string') csrfToken = token;
}

export async function staffApi<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const lang = currentLanguage();
  const res = await fetch(`/api/v1/staff${path}`, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; fields?: FieldError[] } } | null;
  if (!res.ok) {
    const error = data?.error;
    throw new ApiError(res.status, error?.code ?? 'network', error?.message ?? (lang === 'en' ? 'Could not reach the server.' : 'サーバーに接続できませんでした。'), error?.fields ?? []);
  }
  remember(data);
  return data as T;
}

/** Public API calls (municipality search) used by staff pages. */
export async function publicApi<T>(path: string): Promise<T> {
  const res = await fetch(`/api/v1${path}`, { headers: { 'Accept-Language': currentLanguage() } });
  if (!res.ok) throw new ApiError(res.status, 'public_api', res.statusText);
  return (await res.json()) as T;
}
