/**
 * Checks for the identifiers and text forms Japanese public forms use.
 * Pure functions: the same code runs in the browser (as the resident types)
 * and on the server (at intake).
 */
import { todayInJapan } from '../time/japanTime';

/** NFKC folds half-width katakana and full-width digits to their usual forms. */
export function normalizeJapanese(value: string): string {
  return value.normalize('NFKC');
}

const digitsOnly = (value: string) => normalizeJapanese(value).replace(/[\s\-‐－ー―]/g, '');

/**
 * 個人番号 (My Number): 12 digits, the last a check digit over the first 11
 * (番号法施行令第8条: weights n+1 for n=1..6 and n-5 for n=7..11, counted from the right).
 */
export function isValidMyNumber(value: string): boolean {
  if (!/^[0-9]{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = digits[11 - n]!;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  const check = remainder <= 1 ? 0 : 11 - remainder;
  return digits[11] === check;
}

/** Computes the check digit that completes an 11-digit My Number body (used by tests and fixtures). */
export function myNumberCheckDigit(body11: string): number {
  for (let d = 0; d <= 9; d++) if (isValidMyNumber(body11 + d)) return d;
  throw new Error('unreachable: every 11-digit body has a check digit');
}

/** 全国地方公共団体コード: 6 digits, the last a check digit over the first five (weights 6,5,4,3,2). */
export function isValidLgCode(value: string): boolean {
  if (!/^[0-9]{6}$/.test(value)) return false;
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + Number(value[i]) * w, 0);
  return Number(value[5]) === (11 - (sum % 11)) % 10;
}

/** 介護保険被保険者番号: 10 digits as a string (leading zeros matter). */
export const isValidInsuredNumber = (value: string) => /^[0-9]{10}$/.test(value);

/** 郵便番号: 7 digits, with or without the hyphen. */
export const isValidPostalCode = (value: string) => /^[0-9]{3}-?[0-9]{4}$/.test(value);

/** Japanese phone number: 10 or 11 digits starting with 0 once hyphens and spaces are removed. */
export const isValidJpPhone = (value: string) => /^[0-9０-９\-‐－ ()（）]+$/.test(value) && /^0[0-9]{9,10}$/.test(digitsOnly(value).replace(/[()（）]/g, ''));

/** Full-width katakana, the long vowel mark, the middle dot and spaces. */
export const isKatakana = (value: string) => /^[\u30A1-\u30F6\u30FC\u30FB\u3000 ]+$/.test(value);
/** Hiragana, the long vowel mark and spaces. */
export const isHiragana = (value: string) => /^[\u3041-\u3096\u30FC\u3000 ]+$/.test(value);

/**
 * Characters a 全銀 (Zengin) transfer accepts for an account holder name, after NFKC:
 * katakana (incl. small kana, which banks read as full size), A–Z, 0–9, space and ( ) . - /.
 */
export const isZenginKana = (value: string) => /^[\u30A1-\u30F6\u30FC\u3000 A-Z0-9().\-/]+$/.test(value);

/** A real calendar date written YYYY-MM-DD. */
export const isIsoDate = (value: string) => {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

export const isPastOrToday = (value: string) => isIsoDate(value) && value <= todayInJapan();
export const isTodayOrFuture = (value: string) => isIsoDate(value) && value >= todayInJapan();

/**
 * How a value of each format is normalised before it is checked and stored:
 * half-width katakana and full-width digits become their usual forms, and
 * separators residents type (hyphens, spaces) are dropped from number-like codes.
 */
export function normalizeForFormat(format: string, value: string): string {
  const folded = normalizeJapanese(value);
  switch (format) {
    case 'my-number':
    case 'insured-number':
    case 'lg-code':
      return folded.replace(/[\s\-‐－ー―]/g, '');
    case 'postal-code':
      return folded.replace(/[\s‐－ー―]/g, '-').replace(/^([0-9]{3})([0-9]{4})$/, '$1-$2');
    case 'jp-phone':
      return folded.replace(/[‐－ー―]/g, '-').trim();
    case 'katakana':
      return toKatakana(folded).replace(/ /g, '\u3000').trim();
    case 'zengin-kana':
      return folded.toUpperCase().trim();
    default:
      return folded;
  }
}

/** Hiragana → katakana, so 「やまだ」 typed into a フリガナ field is accepted as 「ヤマダ」. */
export function toKatakana(value: string): string {
  return value.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** Formats whose values are normalised (see `normalizeForFormat`) before checking and storing. */
export const NORMALIZED_FORMATS = new Set(['my-number', 'insured-number', 'lg-code', 'postal-code', 'jp-phone', 'katakana', 'hiragana', 'zengin-kana']);

const CHECKS: Record<string, (value: string) => boolean> = {
  'my-number': isValidMyNumber,
  'insured-number': isValidInsuredNumber,
  'lg-code': isValidLgCode,
  'postal-code': isValidPostalCode,
  'jp-phone': isValidJpPhone,
  katakana: isKatakana,
  hiragana: isHiragana,
  'zengin-kana': isZenginKana,
  'past-date': isPastOrToday,
  'future-date': isTodayOrFuture,
};

/** Ajv format name → check (on the normalised value). The client picks widgets by these names. */
export const JAPANESE_FORMATS: Record<string, (value: string) => boolean> = Object.fromEntries(
  Object.entries(CHECKS).map(([name, check]) => [name, (value: string) => check(normalizeForFormat(name, value))]),
);
