/**
 * The form page (`/m/:code/p/:procedureId/apply`) names its chunks in its HTML. Without this the browser
 * learns of them one lazy import after another (entry → resident app → form page → form renderer): on a slow
 * phone network each step is a round trip of half a second. The list comes from the client build's manifest
 * (client/vite.config.ts `build.manifest`); without one the page is served as it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** The page to send for `path`, or undefined to send index.html as it is. Read once per process (builds replace the process). */
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
