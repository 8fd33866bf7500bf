/**
 * Turns the provider's claims into the 基本4情報 the forms use. Nothing is
 * rejected for its characters: a name or address holding 外字 (characters
 * outside JIS X 0208) is kept exactly as the card has it. The address
 * arrives as one string; it is split into 都道府県 / 市区町村 / the rest where
 * the municipality list recognises the start, and kept whole otherwise.
 */
import type { CardIdentity } from '@madoguchi/shared';
import type { MunicipalityRegistry } from '../municipalities/registry';

const PREFECTURE = /^(東京都|北海道|京都府|大阪府|.{2,3}県)/u;
/** 郡 names are not in the municipality list (「東茨城郡大洗町」 → 「大洗町」 after the 郡). */
const DISTRICT = /^(.{1,6}?郡)/u;

function text(value: unknown): string {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  // OpenID Connect's standard address claim is an object with `formatted`.
  if (value && typeof value === 'object' && typeof (value as { formatted?: unknown }).formatted === 'string') return text((value as { formatted: string }).formatted);
  return '';
}

export function splitAddress(address: string, municipalities: MunicipalityRegistry): CardIdentity['addressParts'] {
  const prefecture = PREFECTURE.exec(address)?.[1];
  if (!prefecture) return undefined;
  let rest = address.slice(prefecture.length);
  const district = DISTRICT.exec(rest)?.[1] ?? '';
  const names = municipalities
    .byPrefecture(prefecture)
    .map((m) => m.name.replace(' ', ''))
    .sort((a, b) => b.length - a.length);
  let city = names.find((name) => rest.startsWith(name));
  if (!city && district) {
    const afterDistrict = rest.slice(district.length);
    const town = names.find((name) => afterDistrict.startsWith(name));
    if (town) city = district + town;
  }
  if (!city) return undefined;
  rest = rest.slice(city.length);
  return { prefecture, city, street: rest };
}

/** 'YYYY-MM-DD' from the claim ('YYYY-MM-DD' or 'YYYYMMDD'); undefined when unreadable. */
function birthdate(value: unknown): string | undefined {
  const raw = text(value);
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** OpenID Connect's `male`/`female`, or JPKI's 1/2 (3 = 不明 and anything else: not filled in). */
function sex(value: unknown): '男' | '女' | undefined {
  const raw = text(value).toLowerCase();
  if (raw === 'male' || raw === '1' || raw === '男') return '男';
  if (raw === 'female' || raw === '2' || raw === '女') return '女';
  return undefined;
}

export function toCardIdentity(claims: Record<string, unknown>, municipalities: MunicipalityRegistry, verifiedAt: Date): CardIdentity | null {
  const name = text(claims.name);
  const address = text(claims.address);
  if (!name || !address) return null;
  const [familyName, ...given] = name.split(/[\s\u3000]+/u);
  const parts = splitAddress(address, municipalities);
  const born = birthdate(claims.birthdate);
  const gender = sex(claims.gender);
  return {
    name,
    ...(given.length > 0 ? { familyName: familyName!, givenName: given.join(' ') } : {}),
    address,
    ...(parts ? { addressParts: parts } : {}),
    ...(born ? { birthdate: born } : {}),
    ...(gender ? { sex: gender } : {}),
    verifiedAt: verifiedAt.toISOString(),
  };
}
