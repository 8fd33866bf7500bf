/**
 * Catalog search: keywords (in kanji, hiragana, katakana or half-width kana,
 * all words must match) plus an optional life event and category.
 */
import type { ProcedureSummary } from '@madoguchi/shared';

/** NFKC, katakana → hiragana, lower case: 「ﾘｻｲ」「リサイ」「りさい」 all compare equal. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

export interface CatalogFilter {
  query: string;
  lifeEvent?: string;
  category?: string;
}

export function filterProcedures(items: ProcedureSummary[], filter: CatalogFilter): ProcedureSummary[] {
  const terms = searchKey(filter.query)
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  return items.filter((p) => {
    if (filter.lifeEvent && !p.lifeEvents.includes(filter.lifeEvent as never)) return false;
    if (filter.category && p.category !== filter.category) return false;
    if (terms.length === 0) return true;
    const haystack = searchKey([p.title, p.titleEn ?? '', p.description, ...p.keywords].join(' '));
    return terms.every((term) => haystack.includes(term));
  });
}
