/**
 * Kana clean-up for フリガナ and 口座名義 fields. Residents type hiragana,
 * half-width katakana (ﾐﾄ) or romaji; the form stores full-width katakana.
 * NFKC comes first because wanakana does not know half-width kana.
 */
import { toHiragana as wanakanaToHiragana, toKatakana as wanakanaToKatakana } from 'wanakana';

const HALF_SPACE = / /g;

/** 「やまだ ﾀﾛｳ」「yamada」 → 「ヤマダ　タロウ」 (full-width katakana, full-width spaces). */
export function toKatakanaReading(input: string): string {
  const folded = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return wanakanaToKatakana(folded).replace(HALF_SPACE, '\u3000');
}

/** 「ヤマダ」「yamada」 → 「やまだ」. */
export function toHiraganaReading(input: string): string {
  const folded = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return wanakanaToHiragana(folded).replace(HALF_SPACE, '\u3000');
}

/**
 * 口座名義 as banks want it: katakana and capital letters. Latin letters are
 * kept (company names, foreign names), only kana is folded.
 */
export function toZenginKana(input: string): string {
  const folded = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return wanakanaToKatakana(folded, { passRomaji: true }).toUpperCase();
}
