/**
 * The API URLs of the resident form page (`/m/:code/p/:procedureId/apply`), in one place for both ends: the
 * server names them in the page's HTML (`<link rel=preload as=fetch>`) and the browser's entry script asks for
 * exactly these (client/src/resident/apply/earlyApplyData.ts), so the browser answers its own request from the
 * preload. The language is in the URL (`lang`, which the server reads before Accept-Language): an answer fetched
 * before the app knew the resident's language can never come back in the other one.
 */
import type { Language } from '../validation/messages';

export const API_BASE = '/api/v1';

/** `/api/v1` + path + `lang=` the language. */
export function apiUrl(path: string, language: Language): string {
  const url = `${API_BASE}${path}`;
  return `${url}${url.includes('?') ? '&' : '?'}lang=${language}`;
}

/** A path segment as the client routes and the API both spell it (decoded, then encoded); undefined when malformed. */
function segment(raw: string): string | undefined {
  try {
    return encodeURIComponent(decodeURIComponent(raw));
  } catch {
    return undefined;
  }
}

const FORM_PAGE = /^\/m\/([^/]+)\/p\/([^/]+)\/apply\/?$/;

/** The GETs a form page makes at once (its procedure, its municipality, the open disasters), or [] for another page. */
export function formPageRequests(pathname: string, language: Language): string[] {
  const match = FORM_PAGE.exec(pathname);
  const code = match && segment(match[1]!);
  const procedureId = match && segment(match[2]!);
  if (!code || !procedureId) return [];
  return [`/municipalities/${code}/procedures/${procedureId}`, `/municipalities/${code}`, `/municipalities/${code}/disasters`].map((path) => apiUrl(path, language));
}
