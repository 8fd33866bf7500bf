/**
 * Safe headers for sending a file to a browser: a Content-Disposition that
 * keeps Japanese names (RFC 6266 `filename*`) with an ASCII fallback that can
 * carry no quote, backslash or control character, and a policy that lets a
 * preview be framed by our own pages only and run nothing.
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKC')
      .replace(/[^\x20-\x7e]|["\\;]/g, '_')
      .replace(/^\s+|\s+$/g, '') || 'file';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Headers of a stored file's response (the media type was detected from its content at upload). */
export function fileHeaders(fileName: string, mediaType: string, inline: boolean): Record<string, string> {
  return {
    'Content-Type': mediaType,
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', fileName),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    'X-Frame-Options': 'SAMEORIGIN',
    'Cache-Control': 'no-store',
  };
}
