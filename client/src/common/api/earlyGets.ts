/**
 * GETs a page will make, started by the entry script (client/src/main.tsx) before the page's own code has
 * arrived. On a slow phone network every round trip costs half a second; the form page otherwise asks for its
 * procedure only after three chunks have loaded one after another. `apiFetch` takes a started answer for the
 * same URL and language instead of asking again — once, and only while it is fresh. The form page's HTML carries
 * most of these answers already (server/src/http/formPageAnswers.ts): those are taken from it, not asked for.
 * Kept free of heavy imports: it is part of the entry chunk.
 */
import { EARLY_ANSWERS_ELEMENT_ID, type Language } from '@madoguchi/shared';

// Every API URL names its language (`lang`, read by the server before Accept-Language): an answer started early
// is the one apiFetch would get, whatever headers each sent. From shared: the server names the same URLs in the page.
export { API_BASE, apiUrl } from '@madoguchi/shared';

/** The headers of every JSON request. */
export const jsonHeaders = (language: Language) => ({ Accept: 'application/json', 'Accept-Language': language });

/** An early answer older than this is not used: the resident may have stayed elsewhere for a while. */
const FRESH_MS = 30_000;
const started = new Map<string, { at: number; response: Promise<Response> }>();

/** The answers the page's HTML carries, URL → JSON body (read once; each is taken once). */
let carried: Map<string, unknown> | undefined;

function carriedAnswer(url: string): Response | undefined {
  if (!carried) {
    carried = new Map();
    const text = typeof document === 'undefined' ? undefined : document.getElementById(EARLY_ANSWERS_ELEMENT_ID)?.textContent;
    try {
      if (text) carried = new Map(Object.entries(JSON.parse(text) as Record<string, unknown>));
    } catch {
      // Unreadable (cut off by a proxy, say): the page asks for its data as it would without it.
    }
  }
  if (!carried.has(url)) return undefined;
  const body = carried.get(url);
  carried.delete(url);
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Starts a GET of `url` (an apiUrl), or takes its answer from the page. Without headers of its own: the browser
 * then answers it from the page's `<link rel=preload as=fetch crossorigin>` of the same URL
 * (server/src/http/formPagePreloads.ts), which it may not for a request with headers of its own (Chromium
 * compares some of them).
 */
export function startEarlyGet(url: string): void {
  const fromPage = carriedAnswer(url);
  const response = fromPage ? Promise.resolve(fromPage) : fetch(url);
  response.catch(() => undefined); // a failure is reported to whoever takes it, never as an unhandled rejection
  started.set(url, { at: Date.now(), response });
}

/** The started answer for `url` (removed: a body is read once), or undefined when none is fresh. */
export function takeEarlyGet(url: string): Promise<Response> | undefined {
  const early = started.get(url);
  started.delete(url);
  return early && Date.now() - early.at < FRESH_MS ? early.response : undefined;
}
