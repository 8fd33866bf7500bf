/**
 * GETs a page will make, started by the entry script (client/src/main.tsx) before the page's own code has
 * arrived. On a slow phone network every round trip costs half a second; the form page otherwise asks for its
 * procedure only after three chunks have loaded one after another. `apiFetch` takes a started answer for the
 * same URL and language instead of asking again — once, and only while it is fresh. Kept free of heavy imports:
 * it is part of the entry chunk.
 */
import type { Language } from '@madoguchi/shared';

export const API_BASE = '/api/v1';

/** `/api/v1` + path, with `lang=en` when the resident reads English (the server also reads Accept-Language). */
export function apiUrl(path: string, language: Language): string {
  const url = `${API_BASE}${path}`;
  return language === 'en' ? `${url}${url.includes('?') ? '&' : '?'}lang=en` : url;
}

/** The headers of every JSON request (apiFetch sends the same, so an early answer is the one it would get). */
export const jsonHeaders = (language: Language) => ({ Accept: 'application/json', 'Accept-Language': language });

/** An early answer older than this is not used: the resident may have stayed elsewhere for a while. */
const FRESH_MS = 30_000;
const started = new Map<string, { at: number; response: Promise<Response> }>();

export function startEarlyGet(path: string, language: Language): void {
  const url = apiUrl(path, language);
  const response = fetch(url, { headers: jsonHeaders(language) });
  response.catch(() => undefined); // a failure is reported to whoever takes it, never as an unhandled rejection
  started.set(url, { at: Date.now(), response });
}

/** The started answer for `url` (removed: a body is read once), or undefined when none is fresh. */
export function takeEarlyGet(url: string): Promise<Response> | undefined {
  const early = started.get(url);
  started.delete(url);
  return early && Date.now() - early.at < FRESH_MS ? early.response : undefined;
}
