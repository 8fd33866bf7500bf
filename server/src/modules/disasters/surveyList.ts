/**
 * A survey team's list (調査票一覧, issue #20): the team's areas' 罹災証明書
 * applications sorted by address, with what a team needs at the door — the
 * full address, the householder's name and phone (unsealed through the
 * submission read path) and what was reported — and empty result columns
 * (被害の程度, 調査日, 調査員) the team fills in and brings back as CSV.
 * Every list taken out is audited with who took it and which applications.
 */
import { auditDetailsFor } from './grantAudit';
import { japanClock, type Language, type Submission } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';
import type { SurveyTeam } from '../../storage/surveyTeamTypes';
import { csvText, encodeCsv, type CsvEncoding } from '../exports/csvEncode';
import type { DisasterService } from './disasterService';
import type { SurveyTeamService, TriageActor } from './surveyTeams';
import { SURVEY_LIST_HEADERS } from './surveyListColumns';
import { risaiCases } from './triageService';
import { needsNoSiteSurvey } from './triageQueue';
import { renderSurveyListPdf } from './surveyListPdf';

export interface SurveyListRow {
  receiptNumber: string;
  address: string;
  householder: string;
  phone: string;
  reportedDamage: string;
  photoCount: number;
  selfAssessment: boolean;
  noSiteSurvey: boolean;
}

const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The damaged home's address: its own, or the householder's when the form says it is the same. */
export function damagedAddress(data: Record<string, unknown>): string {
  const property = rec(data.damagedProperty);
  const address = property.sameAsHouseholderAddress === false && property.address ? rec(property.address) : rec(rec(data.householder).address);
  return [address.prefecture, address.city, address.street, address.building].map(str).join('');
}

export function householderName(data: Record<string, unknown>): string {
  const name = rec(rec(data.householder).name);
  return [str(name.familyName), str(name.givenName)].filter(Boolean).join(' ');
}

export const contactPhone = (data: Record<string, unknown>) => str(rec(data.currentContact).phone) || str(rec(data.applicant).phone) || str(rec(data.householder).phone);

export class SurveyListService {
  constructor(
    private readonly storage: Storage,
    private readonly disasters: DisasterService,
    private readonly teams: SurveyTeamService,
    private readonly now: () => Date,
  ) {}

  async rows(team: SurveyTeam): Promise<SurveyListRow[]> {
    const areas = new Set(team.areas);
    const cases = (await risaiCases(this.storage, team.disasterId)).filter((c) => areas.has(c.area));
    const rows: SurveyListRow[] = [];
    for (const c of cases) {
      const s: Submission | null = await this.storage.submissions.findById(c.submissionId);
      const data = s?.data ?? {};
      rows.push({
        receiptNumber: c.receiptNumber,
        address: damagedAddress(data),
        householder: householderName(data),
        phone: contactPhone(data),
        reportedDamage: c.reportedDamage,
        photoCount: c.photoCount,
        selfAssessment: c.selfAssessment,
        noSiteSurvey: needsNoSiteSurvey(c),
      });
    }
    const collator = new Intl.Collator('ja', { numeric: true });
    return rows.sort((a, b) => collator.compare(a.address, b.address) || a.receiptNumber.localeCompare(b.receiptNumber));
  }

  async csv(code: string, disasterId: string, teamId: string, encoding: CsvEncoding, actor: TriageActor, language: Language): Promise<{ bytes: Buffer; fileName: string; replaced: string[] }> {
    const team = await this.teams.get(code, disasterId, teamId, language);
    const rows = await this.rows(team);
    const text = csvText([
      [...SURVEY_LIST_HEADERS],
      ...rows.map((r) => [
        r.receiptNumber,
        r.address,
        r.householder,
        r.phone,
        r.reportedDamage,
        String(r.photoCount),
        r.noSiteSurvey ? '現地調査不要（自己判定）' : r.selfAssessment ? '希望' : '',
        '',
        '',
        '',
      ]),
    ]);
    const { bytes, replaced } = encodeCsv(text, encoding);
    await this.audit(team, actor, 'csv', rows);
    return { bytes, fileName: `調査票一覧_${team.name}_${team.date}.csv`, replaced };
  }

  async pdf(code: string, disasterId: string, teamId: string, actor: TriageActor, language: Language): Promise<{ bytes: Buffer; fileName: string }> {
    const disaster = await this.disasters.get(code, disasterId, language);
    const team = await this.teams.get(code, disasterId, teamId, language);
    const rows = await this.rows(team);
    const members = await Promise.all(team.memberIds.map(async (id) => (await this.storage.users.findById(id))?.displayName ?? id));
    const { date, time } = japanClock(this.now().toISOString());
    const bytes = await renderSurveyListPdf({ disasterName: disaster.name, team, members, printedAt: `${date} ${time}`, rows });
    await this.audit(team, actor, 'pdf', rows);
    return { bytes, fileName: `調査票一覧_${team.name}_${team.date}.pdf` };
  }

  private async audit(team: SurveyTeam, actor: TriageActor, format: 'csv' | 'pdf', rows: SurveyListRow[]): Promise<void> {
    await this.storage.audit.append(
      {
        at: this.now().toISOString(),
        actor: actor.userId,
        action: 'survey.list.exported',
        municipalityCode: team.municipalityCode,
        targetType: 'survey_team',
        targetId: team.id,
        details: auditDetailsFor(actor.lentFrom ?? null, { disasterId: team.disasterId, teamName: team.name, format, receiptNumbers: rows.map((r) => r.receiptNumber) }),
      },
      { waitForDisk: false },
    );
  }
}
