/** 個人番号 (My Number) helpers for the masked input and the review page. */
import { isValidMyNumber } from '@madoguchi/shared';

/** Digits only: full-width digits folded, spaces and hyphens dropped. */
export const myNumberDigits = (value: string | undefined | null) => (value ?? '').normalize('NFKC').replace(/[^0-9]/g, '');

/** 「•••• •••• 9018」: every digit hidden except the last four. */
export function maskMyNumber(value: string | undefined | null): string {
  const digits = myNumberDigits(value);
  if (digits.length === 0) return '';
  const visible = digits.length > 4 ? digits.slice(-4) : '';
  const masked = '•'.repeat(digits.length - visible.length) + visible;
  return masked.replace(/(.{4})(?=.)/g, '$1 ');
}

export type MyNumberStatus = { kind: 'empty' } | { kind: 'incomplete'; remaining: number } | { kind: 'too-long' } | { kind: 'valid' } | { kind: 'invalid-check-digit' };

/** Where the resident is while typing: digits still missing, or the check digit verdict once all 12 are in. */
export function myNumberStatus(value: string | undefined | null): MyNumberStatus {
  const digits = myNumberDigits(value);
  if (digits.length === 0) return { kind: 'empty' };
  if (digits.length < 12) return { kind: 'incomplete', remaining: 12 - digits.length };
  if (digits.length > 12) return { kind: 'too-long' };
  return isValidMyNumber(digits) ? { kind: 'valid' } : { kind: 'invalid-check-digit' };
}
