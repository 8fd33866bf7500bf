/**
 * `fast-uri` as @rjsf/utils sees it in the built client (see the `rjsf-uri-lite` plugin in vite.config.ts).
 * RJSF only resolves and compares URIs for `$id`-based references in draft 2019-09/2020-12 schemas; Madoguchi's
 * forms are draft-07 with local `#/…` references (imported schemas are normalised to draft-07:
 * shared/src/catalog/importExport.ts), so the full RFC 3986 library (~7 KB gzip) is not worth shipping to every
 * phone. The browser's own URL parser does what those two calls need.
 */
function absolute(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}

/** `ref` resolved against `base` (RFC 3986 §5, for http(s) ids); a fragment-only reference keeps a relative base's path. */
export function resolve(base: string, ref: string): string {
  try {
    return new URL(ref, base).href;
  } catch {
    if (ref.startsWith('#')) return base.replace(/#.*$/, '') + ref;
    return ref;
  }
}

/** Whether two URIs name the same resource after normalisation (case of scheme and host, default port, escapes). */
export function equal(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [absolute(a), absolute(b)];
  return !!x && !!y && x.href === y.href;
}

export default { resolve, equal };
