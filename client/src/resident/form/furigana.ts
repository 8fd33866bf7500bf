/**
 * Auto-furigana: while a resident types 氏 or 名 with a Japanese IME, the IME
 * shows the reading in hiragana before converting it to kanji. Collecting
 * that reading fills the フリガナ field, unless the resident typed their own.
 */
import { isHiragana } from '@madoguchi/shared';
import { toKatakanaReading } from '../../common/kana';

/** The name field each reading field follows. */
export const READING_OF: Record<string, string> = { familyName: 'familyNameKana', givenName: 'givenNameKana' };

/** Collects the hiragana an IME shows for one field, across several conversions (山田 + 太郎). */
export class ReadingCollector {
  private confirmed = '';
  private composing = '';

  /** A `compositionupdate`: remember the reading while it is still hiragana. */
  update(data: string): void {
    const folded = data.normalize('NFKC').replace(/\s/g, '');
    if (folded !== '' && isHiragana(folded)) this.composing = folded;
  }

  /** A `compositionend`: the reading of this conversion is final. */
  end(): void {
    this.confirmed += this.composing;
    this.composing = '';
  }

  /** The field was emptied: start again. */
  reset(): void {
    this.confirmed = '';
    this.composing = '';
  }

  /** The reading so far, in katakana (empty when nothing was composed). */
  reading(): string {
    return this.confirmed ? toKatakanaReading(this.confirmed) : '';
  }
}
