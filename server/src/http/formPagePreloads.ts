/**
 * The form page (`/m/:code/p/:procedureId/apply`) names its chunks in its HTML. Without this the browser
 * learns of them one lazy import after another (entry → resident app → form page → form renderer): on a slow
 * phone network each step is a round trip of half a second. The list comes from the client build's manifest
 * (client/vite.config.ts `build.manifest`); without one the page is served as it is.
 * It also carries the API answers the page starts with (formPageAnswers.ts), and names any it could not answer
 * (`<link rel=preload as=fetch>`, the URLs of shared formPageRequests, each carrying its language), so they come
 * with the page or with the scripts instead of after them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EARLY_ANSWERS_ELEMENT_ID, type Language } from '@madoguchi/shared';
import type { FormPageAnswers } from './formPageAnswers';

/** The client routes whose chunks are named in the page, by the source files vite built them from. */
const FORM_PAGE = /^\/m\/[^/]+\/p\/[^/]+\/apply\/?$/;
const FORM_PAGE_SOURCES = ['src/resident/ResidentApp.tsx', 'src/resident/apply/ApplyPage.tsx'];

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** Every JS and CSS file `sources` need, their static imports followed (what vite's preload helper would fetch). */
export function chunksOf(manifest: Record<string, ManifestChunk>, sources: string[]): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    chunk.css?.forEach((c) => css.add(c));
    chunk.imports?.forEach(visit);
  };
  sources.forEach(visit);
  return { js: [...js], css: [...css] };
}

/** index.html with `<link rel=modulepreload>` (and style preloads) for the chunks it does not name yet. */
export function withPreloads(html: string, chunks: { js: string[]; css: string[] }): string {
  const links = [
    ...chunks.js.filter((f) => !html.includes(`/${f}"`)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    ...chunks.css.filter((f) => !html.includes(`/${f}"`)).map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
  ];
  return links.length ? html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`) : html;
}

/** `<link rel=preload as=fetch>` for the form page's API requests, in the resident's language (the one its entry script will ask for). */
export function withDataPreloads(html: string, urls: string[]): string {
  if (!urls.length) return html;
  const links = urls.map((url) => `<link rel="preload" as="fetch" crossorigin href="${url}">`);
  return html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`);
}

/**
 * The page with its early answers in a `<script type="application/json">` (data, never run; the CSP allows no
 * inline script anyway), and a preload for each URL it could not answer. `<` is escaped so that no text in an
 * answer can close the element.
 */
export function withAnswers(html: string, answers: FormPageAnswers): string {
  const json = JSON.stringify(answers.answered)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const data = Object.keys(answers.answered).length ? html.replace('</body>', `  <script type="application/json" id="${EARLY_ANSWERS_ELEMENT_ID}">${json}</script>\n  </body>`) : html;
  return withDataPreloads(data, answers.unanswered);
}

/** The resident's language as the browser app keeps it (client/src/common/i18n/languageStore.ts mirrors it in this cookie). */
export function cookieLanguage(cookieHeader: string | undefined): Language {
  return /(?:^|;\s*)madoguchi_lang=en(?:;|$)/.test(cookieHeader ?? '') ? 'en' : 'ja';
}

/**
 * The form page as built, with its chunks named (read once per process: builds replace the process), or
 * undefined for another path or when there is no manifest (the page is then served as it is).
 */
export function formPageHtml(clientDist: string): (path: string) => string | undefined {
  let page: string | null | undefined;
  const build = (): string | null => {
    const manifestFile = join(clientDist, '.vite', 'manifest.json');
    if (!existsSync(manifestFile)) return null;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
    return withPreloads(readFileSync(join(clientDist, 'index.html'), 'utf8'), chunksOf(manifest, FORM_PAGE_SOURCES));
  };
  return (path) => {
    if (!FORM_PAGE.test(path)) return undefined;
    if (page === undefined) page = build();
    return page ?? undefined;
  };
}
