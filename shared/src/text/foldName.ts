/**
 * Folds how a name is written, for search only: 異体字 to their common form
 * (髙→高, 﨑→崎, 𠮷→吉, 邊/邉→辺, 齋/齊→斎 …, from the generated table) and
 * ideographic variation selectors (葛󠄀 → 葛) dropped. Width and compatibility
 * ideographs are NFKC's job, done first by the caller. Deliberately broad: a
 * desk would rather see 斉藤 among the results for 斎藤 than miss 齋藤.
 */
import { KANJI_VARIANT_PAIRS } from './kanjiVariants.generated';

const VARIANTS: ReadonlyMap<string, string> = (() => {
  const chars = Array.from(KANJI_VARIANT_PAIRS);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
})();

/** Variation selectors (U+FE00–FE0F, U+E0100–E01EF): the same character in another glyph. */
const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

export function foldKanjiVariants(value: string): string {
  return Array.from(value.replace(VARIATION_SELECTORS, ''), (c) => VARIANTS.get(c) ?? c).join('');
}
