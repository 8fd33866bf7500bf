/**
 * Names as Japanese offices need them (issue #21): the search form of a name
 * folds 異体字 (from the generated table) and width, so 髙橋 is found from 高橋
 * and 𠮷田 from 吉田, whichever way either was typed.
 */
import { foldKanjiVariants } from '@madoguchi/shared';
import { KANJI_VARIANT_PAIRS } from '../../shared/src/text/kanjiVariants.generated';
import { normalizeKana, normalizeName } from '../../server/src/modules/inbox/applicantIndex';
import { searchTerms } from '../../server/src/modules/inbox/listQuery';

describe('name folding', () => {
  it.each([
    ['髙橋', '高橋'],
    ['𠮷田', '吉田'],
    ['山﨑', '山崎'],
    ['宮嵜', '宮崎'],
    ['渡邊', '渡辺'],
    ['渡邉', '渡辺'],
    ['齋藤', '斎藤'],
    ['齊藤', '斎藤'],
    ['濱田', '浜田'],
    ['國分', '国分'],
    ['德川', '徳川'],
    ['葛\u{E0100}西', '葛西'],
  ])('%s is stored and searched as %s', (variant, common) => {
    expect(normalizeName(variant)).toBe(normalizeName(common));
    expect(normalizeName(variant)).toBe(common);
  });

  it('folds width and spaces of any width as before', () => {
    expect(normalizeName('髙橋　一郎')).toBe('高橋一郎');
    expect(normalizeName('Ｓｍｉｔｈ Ｊｏｈｎ')).toBe('SmithJohn');
    expect(normalizeKana('ﾀｶﾊｼ ｲﾁﾛｳ')).toBe(normalizeKana('たかはし いちろう'));
  });

  it('leaves different names apart', () => {
    expect(normalizeName('券')).not.toBe(normalizeName('倦'));
    expect(normalizeName('財田')).not.toBe(normalizeName('賊田'));
    expect(normalizeName('高橋')).not.toBe(normalizeName('髙田'));
  });

  it('the search box folds what the clerk typed the same way', () => {
    expect(searchTerms('髙橋')).toEqual({ namePrefix: '高橋' });
    expect(searchTerms(' 𠮷田 ')).toEqual({ namePrefix: '吉田' });
    expect(searchTerms('ﾀｶﾊｼ')).toEqual({ kanaPrefix: 'タカハシ' });
  });

  it('the table folds in one step: no common form is itself folded again', () => {
    const chars = Array.from(KANJI_VARIANT_PAIRS);
    expect(chars.length % 2).toBe(0);
    expect(chars.length / 2).toBeGreaterThan(600);
    for (let i = 0; i < chars.length; i += 2) {
      expect(chars[i]).not.toBe(chars[i + 1]);
      expect(foldKanjiVariants(chars[i + 1]!)).toBe(chars[i + 1]);
    }
  });
});
