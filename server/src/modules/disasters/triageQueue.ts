/**
 * The triage queue of one disaster (issue #20): its applications grouped by
 * 町字, each group flagged inside or outside the declared area (those inside first), and within a
 * group in the order a desk works a surge — what the resident reports first:
 * homes (住家) before other buildings, the worst reported damage first, those
 * with photos before those without, 自己判定方式 last (they need no on-site
 * survey), then by arrival.
 */
import type { Disaster, SubmissionStatus } from '@madoguchi/shared';
import type { DamageSurvey, DisasterCaseRecord } from '../../storage/disasterTypes';

export interface TriageRow {
  submissionId: string;
  receiptNumber: string;
  procedureId: string;
  status: SubmissionStatus | null;
  area: string;
  postalCode: string;
  residential: boolean | null;
  reportedDamage: string;
  photoCount: number;
  selfAssessment: boolean;
  /** 自己判定方式 with photos: certified as 一部損壊 without an on-site survey (「現地調査不要（自己判定）」). */
  noSiteSurvey: boolean;
  survey: DamageSurvey | null;
  createdAt: string;
}

export interface TriageGroup {
  area: string;
  count: number;
  /** The 町字 is a declared town, or one of its applications has a declared postal code. */
  inDeclaredArea: boolean;
  rows: TriageRow[];
}

export interface TriageFilter {
  area?: string;
  /** true: only surveyed ones; false: only those still without a result. */
  surveyed?: boolean;
  /** true: only 自己判定方式; false: only the others. */
  selfAssessment?: boolean;
}

/** 0 is worst: a photo-judged total collapse or a demolished home, then flooding above, then below the floor, then other reports, then none. */
export function damageRank(reported: string): number {
  if (!reported) return 4;
  if (/全壊|解体済み/u.test(reported)) return 0;
  if (reported.includes('床上浸水')) return 1;
  if (reported.includes('床下浸水')) return 2;
  return 3;
}

const residentialRank = (r: boolean | null) => (r === true ? 0 : r === null ? 1 : 2);

/** Self-assessment with photos: the application needs no one on site. */
export const needsNoSiteSurvey = (c: Pick<DisasterCaseRecord, 'selfAssessment' | 'photoCount'>) => c.selfAssessment && c.photoCount > 0;

export function compareCases(a: DisasterCaseRecord, b: DisasterCaseRecord): number {
  return (
    residentialRank(a.residential) - residentialRank(b.residential) ||
    damageRank(a.reportedDamage) - damageRank(b.reportedDamage) ||
    Number(b.photoCount > 0) - Number(a.photoCount > 0) ||
    Number(a.selfAssessment) - Number(b.selfAssessment) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.submissionId.localeCompare(b.submissionId)
  );
}

/** Whether a 町字 is one the declaration names (「河井町」 matches 「輪島市河井町」 too). */
export function townDeclared(area: string, towns: string[]): boolean {
  return area !== '' && towns.some((t) => t === area || t.endsWith(area));
}

export function triageGroups(disaster: Pick<Disaster, 'area'>, cases: DisasterCaseRecord[], status: Map<string, SubmissionStatus>, filter: TriageFilter = {}): TriageGroup[] {
  const kept = cases.filter(
    (c) =>
      (filter.area === undefined || c.area === filter.area) &&
      (filter.surveyed === undefined || (c.survey !== null) === filter.surveyed) &&
      (filter.selfAssessment === undefined || c.selfAssessment === filter.selfAssessment),
  );
  const byArea = new Map<string, DisasterCaseRecord[]>();
  for (const c of kept) byArea.set(c.area, [...(byArea.get(c.area) ?? []), c]);
  const postal = new Set(disaster.area.postalCodes);
  const groups = [...byArea.entries()].map(([area, group]) => ({
    area,
    count: group.length,
    inDeclaredArea: townDeclared(area, disaster.area.towns) || group.some((c) => postal.has(c.postalCode)),
    rows: [...group].sort(compareCases).map((c) => ({
      submissionId: c.submissionId,
      receiptNumber: c.receiptNumber,
      procedureId: c.procedureId,
      status: status.get(c.submissionId) ?? null,
      area: c.area,
      postalCode: c.postalCode,
      residential: c.residential,
      reportedDamage: c.reportedDamage,
      photoCount: c.photoCount,
      selfAssessment: c.selfAssessment,
      noSiteSurvey: needsNoSiteSurvey(c),
      survey: c.survey,
      createdAt: c.createdAt,
    })),
  }));
  // The declared area first; then by name, the applications whose address gave no 町字 last.
  return groups.sort((a, b) => Number(b.inDeclaredArea) - Number(a.inDeclaredArea) || (a.area === '' ? 1 : b.area === '' ? -1 : a.area.localeCompare(b.area, 'ja')));
}
