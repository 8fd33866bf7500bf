/**
 * The answers a resident's form page starts with (its procedure, its municipality, the open disasters), read
 * while the server makes the page and carried in its HTML: on a phone over a slow network each request costs a
 * round trip of half a second, and a browser asks a server over HTTP/1.1 for only six things at a time, so
 * three requests fewer take a whole round trip off the first visit and off every visit after it.
 * Keyed by the URLs the browser would ask (shared formPageRequestUrls); one that cannot be answered (no such
 * procedure, say) is left for the browser to ask, so its error reaches the resident as it always does.
 */
import { formPageRequestUrls, formPageTarget, type Language } from '@madoguchi/shared';
import type { PublicReads } from './publicReads';

export interface FormPageAnswers {
  /** URL → the JSON body its GET answers. */
  answered: Record<string, unknown>;
  /** URLs the page names for the browser to ask for itself. */
  unanswered: string[];
}

export type ReadFormPageAnswers = (pathname: string, language: Language) => Promise<FormPageAnswers>;

export function formPageAnswers(reads: PublicReads): ReadFormPageAnswers {
  return async (pathname, language) => {
    const target = formPageTarget(pathname);
    if (!target) return { answered: {}, unanswered: [] };
    // The target is spelled as in a URL; the services take the code and id themselves.
    const code = decodeURIComponent(target.code);
    const procedureId = decodeURIComponent(target.procedureId);
    const urls = formPageRequestUrls(target, language);
    const readers: Record<keyof typeof urls, () => unknown> = {
      procedure: () => reads.procedure(code, procedureId),
      municipality: () => reads.municipality(code),
      disasters: () => reads.disasters(code),
    };
    const keys = Object.keys(urls) as Array<keyof typeof urls>;
    // Each read in an async function of its own: one that throws at once (no such municipality) is settled like the others.
    const bodies = await Promise.allSettled(keys.map(async (key) => readers[key]()));
    const result: FormPageAnswers = { answered: {}, unanswered: [] };
    keys.forEach((key, i) => {
      const body = bodies[i]!;
      // A failed read is not logged here: the browser's own request for it is, with the error it gets.
      if (body.status === 'fulfilled') result.answered[urls[key]] = body.value;
      else result.unanswered.push(urls[key]);
    });
    return result;
  };
}
