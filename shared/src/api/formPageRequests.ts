/**
 * The API URLs of the resident form page (`/m/:code/p/:procedureId/apply`), in one place for both ends: the
 * server puts their answers in the page's HTML (naming in a `<link rel=preload as=fetch>` any it could not
 * answer) and the browser's entry script asks for exactly these (client/src/resident/apply/earlyApplyData.ts),
 * taking each from the page or from the browser's preload. The language is in the URL (`lang`, which the server
 * reads before Accept-Language): an answer fetched before the app knew the resident's language can never come
 * back in the other one.
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

/** The municipality code and procedure id a form page's path names (each as the API spells it), or undefined for another page. */
export function formPageTarget(pathname: string): { code: string; procedureId: string } | undefined {
  const match = FORM_PAGE.exec(pathname);
  const code = match && segment(match[1]!);
  const procedureId = match && segment(match[2]!);
  return code && procedureId ? { code, procedureId } : undefined;
}

/** The GETs a form page makes at once, by what each asks for. */
export function formPageRequestUrls(target: { code: string; procedureId: string }, language: Language) {
  const { code, procedureId } = target;
  return {
    procedure: apiUrl(`/municipalities/${code}/procedures/${procedureId}`, language),
    municipality: apiUrl(`/municipalities/${code}`, language),
    disasters: apiUrl(`/municipalities/${code}/disasters`, language),
  };
}

/** The GETs a form page makes at once (its procedure, its municipality, the open disasters), or [] for another page. */
export function formPageRequests(pathname: string, language: Language): string[] {
  const target = formPageTarget(pathname);
  return target ? Object.values(formPageRequestUrls(target, language)) : [];
}

/**
 * The element of the form page's HTML that carries those answers (`<script type="application/json">`, an object
 * of URL → JSON body): the server reads them while it makes the page, so a phone does not ask for them one
 * round trip later (server/src/http/formPageAnswers.ts; taken by client/src/common/api/earlyGets.ts).
 */
export const EARLY_ANSWERS_ELEMENT_ID = 'madoguchi-early-answers';
