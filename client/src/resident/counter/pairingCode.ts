/** The six-digit pairing code as typed on the on-screen keypad or a keyboard: digits only, six at most. */
export const CODE_LENGTH = 6;

/** The code with one more digit (ignored when full or not a digit). */
export function pressDigit(code: string, key: string): string {
  return /^[0-9]$/.test(key) && code.length < CODE_LENGTH ? code + key : code;
}

/** The code without its last digit. */
export const removeLast = (code: string) => code.slice(0, -1);

/**
 * What was typed or pasted into the field, as a code: full-width digits (０–９, as a Japanese IME types them)
 * become ASCII, everything else (spaces, hyphens of "123-456") is dropped, and only the first six remain.
 */
export function normaliseTyped(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[^0-9]/g, '')
    .slice(0, CODE_LENGTH);
}

export const isComplete = (code: string) => code.length === CODE_LENGTH;
