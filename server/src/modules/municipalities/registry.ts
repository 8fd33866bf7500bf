/**
 * The registry of municipalities (1,741 + designated-city wards) read from
 * the bundled open data. The 6-digit code is the tenant id everywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidLgCode, type Municipality } from '@madoguchi/shared';

export const MUNICIPALITIES_CSV = join(__dirname, '..', '..', '..', 'data', 'municipalities.csv');

export class MunicipalityRegistry {
  private readonly byCode = new Map<string, Municipality>();
  readonly all: readonly Municipality[];

  constructor(municipalities: Municipality[]) {
    for (const m of municipalities) this.byCode.set(m.code, m);
    this.all = municipalities;
  }

  static fromCsv(path: string = MUNICIPALITIES_CSV): MunicipalityRegistry {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const columns = header!.split(',');
    const col = (name: string) => {
      const index = columns.indexOf(name);
      if (index < 0) throw new Error(`municipalities.csv lacks column ${name}`);
      return index;
    };
    const [pref, city, kana, url, lgcode] = ['pref', 'city', 'citykana', 'url', 'lgcode'].map(col) as [number, number, number, number, number];
    const cityCodeByName = new Map<string, string>();
    const rows = lines.map((line) => line.split(','));
    for (const r of rows) if (!r[city]!.includes(' ')) cityCodeByName.set(`${r[pref]}/${r[city]}`, r[lgcode]!);
    const municipalities = rows.map((r): Municipality => {
      const name = r[city]!;
      const code = r[lgcode]!;
      if (!isValidLgCode(code)) throw new Error(`municipalities.csv: invalid code ${code} for ${name}`);
      const isWard = name.includes(' ');
      const parentCode = isWard ? cityCodeByName.get(`${r[pref]}/${name.split(' ')[0]}`) : undefined;
      return { code, prefecture: r[pref]!, name, reading: r[kana]!.replace(/ /g, ''), ...(parentCode ? { parentCode } : {}), ...(r[url] ? { url: r[url] } : {}) };
    });
    return new MunicipalityRegistry(municipalities);
  }

  get(code: string): Municipality | undefined {
    return this.byCode.get(code);
  }

  /**
   * Finds municipalities by name or reading: 「みと」, 「ミト」, 「水戸」 and 「茨城 水戸」 all find 水戸市.
   * Prefix matches on the reading or name rank first.
   */
  search(query: string, limit = 20): Municipality[] {
    const terms = query
      .normalize('NFKC')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => toHiragana(t));
    if (terms.length === 0) return [];
    const scored: Array<{ m: Municipality; score: number }> = [];
    for (const m of this.all) {
      const haystacks = [m.name.replace(/ /g, ''), m.reading, m.prefecture];
      let score = 0;
      let matched = true;
      for (const term of terms) {
        const best = Math.max(...haystacks.map((h) => (h.startsWith(term) ? 2 : h.includes(term) ? 1 : 0)));
        if (best === 0) {
          matched = false;
          break;
        }
        score += best;
      }
      if (matched) scored.push({ m, score: score * 10 - (m.parentCode ? 1 : 0) });
    }
    return scored
      .sort((a, b) => b.score - a.score || a.m.code.localeCompare(b.m.code))
      .slice(0, limit)
      .map((s) => s.m);
  }

  prefectures(): string[] {
    return [...new Set(this.all.map((m) => m.prefecture))];
  }

  byPrefecture(prefecture: string): Municipality[] {
    return this.all.filter((m) => m.prefecture === prefecture);
  }
}

/** Katakana → hiragana, so a reading typed in katakana matches the hiragana data. */
function toHiragana(value: string): string {
  return value.replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}
