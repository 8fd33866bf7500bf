/**
 * The one way the browser talks to `/api/v1` — resident pages, the applicant's
 * correction panel and the staff console alike: JSON (or a multipart upload)
 * in, JSON out, the language on every call, and every failure turned into one
 * `ApiError` whose message can be shown as is.
 */
import type { ApiErrorBody, FieldError } from '@madoguchi/shared';
import type { Language } from '../i18n/LanguageContext';
import { translate } from '../i18n/LanguageContext';
import { apiUrl, jsonHeaders, takeEarlyGet } from './earlyGets';

export { API_BASE, apiUrl } from './earlyGets';

/** A failed API call. `status` 0 means the network failed (nothing reached the server, or no answer came back). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId?: string,
    /** Seconds the server asked to wait before retrying (Retry-After of a 503 or 429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads an error response into an ApiError, whatever the server (or a proxy in front of it) sent. */
export async function errorFromResponse(response: Response, language: Language): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  return new ApiError(
    response.status,
    e?.code ?? `http_${response.status}`,
    e?.message ?? translate(language, 'error.server'),
    e?.fields ?? [],
    e?.requestId,
    Number(response.headers.get('Retry-After')) || undefined,
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  language: Language;
  signal?: AbortSignal;
}

/** Sends a request and returns the raw response when it succeeded (2xx). */
export async function apiFetch(path: string, { method = 'GET', body, headers = {}, language, signal }: RequestOptions): Promise<Response> {
  let response: Response;
  // Multipart bodies (uploads) go as they are; the browser sets their Content-Type with the boundary.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const url = apiUrl(path, language);
  // A plain GET the entry script already started (earlyGets.ts) is not asked again.
  const early = method === 'GET' && body === undefined && !signal && Object.keys(headers).length === 0 ? takeEarlyGet(url) : undefined;
  try {
    response = await (early ??
      fetch(url, {
        method,
        headers: { ...jsonHeaders(language), ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: isForm ? body : JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      }));
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', translate(language, 'error.network'));
  }
  if (!response.ok) throw await errorFromResponse(response, language);
  return response;
}

/** Sends a request and parses the JSON answer (undefined for 204). */
export async function apiJson<T>(path: string, options: RequestOptions): Promise<T> {
  const response = await apiFetch(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
