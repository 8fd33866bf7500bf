/**
 * 到達番号 (receipt numbers) residents read out on the phone: 12 characters in
 * three groups, from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V).
 */
export const RECEIPT_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const RECEIPT_PATTERN = new RegExp(`^[${RECEIPT_ALPHABET}]{4}-[${RECEIPT_ALPHABET}]{4}-[${RECEIPT_ALPHABET}]{4}$`);

/** Builds a receipt number from a source of random integers in [0, n). 23^12 ≈ 2^54 possibilities. */
export function formatReceiptNumber(randomInt: (n: number) => number): string {
  let out = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  }
  return out;
}

/** Accepts what residents type: lower case, spaces, full-width characters, missing hyphens. */
export function normalizeReceiptNumber(input: string): string {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  return compact.length === 12 ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}` : compact;
}
