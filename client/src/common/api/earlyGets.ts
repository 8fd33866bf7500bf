/**
 * GETs a page will make, started by the entry script (client/src/main.tsx) before the page's own code has
 * arrived. On a slow phone network every round trip costs half a second; the form page otherwise asks for its
 * procedure only after three chunks have loaded one after another. `apiFetch` takes a started answer for the
 * same URL and language instead of asking again — once, and only while it is fresh. Kept free of heavy imports:
 * it is part of the entry chunk.
 */
import type { Language } from '@madoguchi/shared';

// Every API URL names its language (`lang`, read by the server before Accept-Language): an answer started early
// is the one apiFetch would get, whatever headers each sent. From shared: the server names the same URLs in the page.
export { API_BASE, apiUrl } from '@madoguchi/shared';

/** The headers of every JSON request. */
export const jsonHeaders = (language: Language) => ({ Accept: 'application/json', 'Accept-Language': language });

/** An early answer older than this is not used: the resident may have stayed elsewhere for a while. */
const FRESH_MS = 30_000;
const started = new Map<string, { at: number; response: Promise<Response> }>();

/**
 * Starts a GET of `url` (an apiUrl). Without headers of its own: the browser then answers it from the page's
 * `<link rel=preload as=fetch crossorigin>` of the same URL (server/src/http/formPagePreloads.ts), which it
 * may not for a request with headers of its own (Chromium compares some of them).
 */
export function startEarlyGet(url: string): void {
  const response = fetch(url);
  response.catch(() => undefined); // a failure is reported to whoever takes it, never as an unhandled rejection
  started.set(url, { at: Date.now(), response });
}

/** The started answer for `url` (removed: a body is read once), or undefined when none is fresh. */
export function takeEarlyGet(url: string): Promise<Response> | undefined {
  const early = started.get(url);
  started.delete(url);
  return early && Date.now() - early.at < FRESH_MS ? early.response : undefined;
}
