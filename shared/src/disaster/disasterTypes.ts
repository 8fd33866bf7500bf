/**
 * 被災者支援 (issue #20): a disaster a municipality declares, the damage levels
 * a 罹災証明書 certifies, and the words residents see. One vocabulary for the
 * server, the console and the resident's pages.
 */
import { formatWareki } from '../form/wareki';

/** 災害の種類 as a municipality declares it (stored as these words). */
export const DISASTER_KINDS = ['地震', '風水害', '土砂災害', '津波', '火災', '雪害', '噴火', 'その他'] as const;
export type DisasterKind = (typeof DISASTER_KINDS)[number];

export const DISASTER_KIND_EN: Record<DisasterKind, string> = {
  地震: 'Earthquake',
  風水害: 'Storm or flood',
  土砂災害: 'Landslide',
  津波: 'Tsunami',
  火災: 'Fire',
  雪害: 'Snow',
  噴火: 'Eruption',
  その他: 'Other',
};

/** 被害の程度 as the 罹災証明書 states it, worst first (内閣府「災害に係る住家の被害認定基準運用指針」). */
export const DAMAGE_LEVELS = ['全壊', '大規模半壊', '中規模半壊', '半壊', '準半壊', '準半壊に至らない（一部損壊）'] as const;
export type DamageLevel = (typeof DAMAGE_LEVELS)[number];

export const DAMAGE_LEVEL_EN: Record<DamageLevel, string> = {
  全壊: 'Completely destroyed',
  大規模半壊: 'Largely half destroyed',
  中規模半壊: 'Moderately half destroyed',
  半壊: 'Half destroyed',
  準半壊: 'Partially damaged (準半壊)',
  '準半壊に至らない（一部損壊）': 'Slightly damaged (一部損壊)',
};

/** A disaster's status: declared and taking applications, or closed (the banner ends; links stay). */
export type DisasterStatus = 'open' | 'closed';

/** What a municipal admin declares. */
export interface DisasterDeclaration {
  /** 名称, e.g. 「令和8年12月能登地方の地震」. */
  name: string;
  /** 発生日 (YYYY-MM-DD, Japan date). */
  occurredOn: string;
  kind: DisasterKind;
  /** The affected area: 町字 (e.g. 「輪島市河井町」 or 「河井町」) and/or 7-digit postal codes. */
  area: { towns: string[]; postalCodes: string[] };
  /** 災害救助法の適用 and the date it applies from. */
  reliefAct: { applied: boolean; appliedOn: string | null };
}

export interface Disaster extends DisasterDeclaration {
  id: string;
  municipalityCode: string;
  status: DisasterStatus;
  declaredAt: string;
  declaredBy: string;
  closedAt: string | null;
  closedBy: string | null;
  updatedAt: string;
}

/** What a municipality's public pages show of an open disaster (no staff names). */
export interface PublicDisaster {
  id: string;
  name: string;
  occurredOn: string;
  kind: DisasterKind;
  reliefActApplied: boolean;
  /** 「令和8年12月1日の令和8年12月能登地方の地震による被害を受けた方へ」 */
  banner: string;
  bannerEn: string;
}

/** The banner's words: 「令和○年○月○日の○○による被害を受けた方へ」. */
export function disasterBanner(d: Pick<Disaster, 'name' | 'occurredOn'>): { ja: string; en: string } {
  return { ja: `${formatWareki(d.occurredOn)}の${d.name}による被害を受けた方へ`, en: `For those affected by the ${d.name} of ${d.occurredOn}` };
}

export function toPublicDisaster(d: Disaster): PublicDisaster {
  const banner = disasterBanner(d);
  return { id: d.id, name: d.name, occurredOn: d.occurredOn, kind: d.kind, reliefActApplied: d.reliefAct.applied, banner: banner.ja, bannerEn: banner.en };
}

/**
 * The answers a disaster sets in a disaster procedure's form (the `disaster`
 * block every 被災者支援 preset has): residents never type the disaster's name.
 */
export function disasterAnswer(d: Pick<Disaster, 'id' | 'name' | 'occurredOn'>): { id: string; name: string; date: string } {
  return { id: d.id, name: d.name, date: d.occurredOn };
}
