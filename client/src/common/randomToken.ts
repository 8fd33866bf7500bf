/** Unguessable tokens made in the browser (upload tokens, idempotency keys). */

/** `bytes` random bytes as base64url (no padding): 24 bytes → 32 characters of [A-Za-z0-9_-]. */
export function randomToken(bytes = 24): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  let binary = '';
  for (const b of buffer) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
