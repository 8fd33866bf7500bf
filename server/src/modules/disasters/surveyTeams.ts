/**
 * 調査班 (survey teams) of a disaster (issue #20): a name, a date, members
 * who are staff of the municipality, and the 町字 they survey. Every change
 * is audited (survey.team.created / updated / deleted).
 */
import { auditDetailsFor, type LentFrom } from './grantAudit';
import { randomUUID } from 'node:crypto';
import { isIsoDate, type FieldError, type Language } from '@madoguchi/shared';
import { NotFoundError, ValidationError } from '../../errors';
import type { Storage } from '../../storage/types';
import type { SurveyTeam } from '../../storage/surveyTeamTypes';
import type { DisasterService } from './disasterService';

export interface TriageActor {
  userId: string;
  /** Set when a lent account (応援職員) acts: its audit events name its home municipality and grant. */
  lentFrom?: LentFrom | null;
}

const MAX_AREAS = 200;
const MAX_MEMBERS = 50;
const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);

export class SurveyTeamService {
  constructor(
    private readonly storage: Storage,
    private readonly disasters: DisasterService,
    private readonly now: () => Date,
  ) {}

  async list(code: string, disasterId: string, language: Language): Promise<SurveyTeam[]> {
    const disaster = await this.disasters.get(code, disasterId, language);
    return this.storage.surveyTeams.list(disaster.id);
  }

  /** A team of this disaster of this municipality; 404 otherwise. */
  async get(code: string, disasterId: string, teamId: string, language: Language): Promise<SurveyTeam> {
    const disaster = await this.disasters.get(code, disasterId, language);
    const team = await this.storage.surveyTeams.get(teamId);
    if (!team || team.disasterId !== disaster.id) throw new NotFoundError(say(language, '調査班が見つかりません。', 'Survey team not found.'), 'survey_team_not_found');
    return team;
  }

  async create(code: string, disasterId: string, input: unknown, actor: TriageActor, language: Language): Promise<SurveyTeam> {
    const disaster = await this.disasters.get(code, disasterId, language);
    const fields = await this.check(code, input, language);
    const at = this.now().toISOString();
    const team: SurveyTeam = { id: randomUUID(), disasterId: disaster.id, municipalityCode: code, ...fields, createdBy: actor.userId, createdAt: at, updatedAt: at };
    await this.storage.surveyTeams.create(team);
    await this.audit(team, actor, 'survey.team.created');
    return team;
  }

  async update(code: string, disasterId: string, teamId: string, input: unknown, actor: TriageActor, language: Language): Promise<SurveyTeam> {
    const current = await this.get(code, disasterId, teamId, language);
    const team: SurveyTeam = { ...current, ...(await this.check(code, input, language)), updatedAt: this.now().toISOString() };
    await this.storage.surveyTeams.update(team);
    await this.audit(team, actor, 'survey.team.updated');
    return team;
  }

  async delete(code: string, disasterId: string, teamId: string, actor: TriageActor, language: Language): Promise<void> {
    const team = await this.get(code, disasterId, teamId, language);
    await this.storage.surveyTeams.delete(team.id);
    await this.audit(team, actor, 'survey.team.deleted');
  }

  /** The staff a team may have: the municipality's enabled accounts (for the console's member picker). */
  async staff(code: string): Promise<{ id: string; displayName: string }[]> {
    return (await this.storage.users.list({ municipalityCode: code })).filter((u) => !u.disabled).map((u) => ({ id: u.id, displayName: u.displayName }));
  }

  private async check(code: string, input: unknown, language: Language): Promise<Pick<SurveyTeam, 'name' | 'date' | 'memberIds' | 'areas'>> {
    const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const errors: FieldError[] = [];
    const fail = (pointer: string, label: string, message: string) => errors.push({ pointer, property: pointer.slice(1), label, keyword: 'surveyTeam', message });
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name || name.length > 50) fail('/name', say(language, '班の名前', 'Name'), say(language, '班の名前を50文字以内で入力してください。', 'Enter the team’s name (up to 50 characters).'));
    const date = typeof body.date === 'string' ? body.date : '';
    if (!isIsoDate(date)) fail('/date', say(language, '調査日', 'Date'), say(language, '調査日を入力してください。', 'Enter the survey date.'));
    const strings = (v: unknown) => [
      ...new Set(
        (Array.isArray(v) ? v : [])
          .filter((x): x is string => typeof x === 'string')
          .map((x) => x.normalize('NFKC').trim())
          .filter(Boolean),
      ),
    ];
    const memberIds = strings(body.memberIds);
    const staff = new Set((await this.staff(code)).map((u) => u.id));
    if (!memberIds.length || memberIds.length > MAX_MEMBERS || memberIds.some((id) => !staff.has(id)))
      fail(
        '/memberIds',
        say(language, '班員', 'Members'),
        say(language, `班員をこの自治体の職員から1〜${MAX_MEMBERS}人選んでください。`, `Choose 1 to ${MAX_MEMBERS} members among the municipality’s staff.`),
      );
    const areas = strings(body.areas);
    if (!areas.length || areas.length > MAX_AREAS || areas.some((a) => a.length > 50))
      fail(
        '/areas',
        say(language, '担当する町字', 'Areas'),
        say(language, `担当する町字を1〜${MAX_AREAS}件（1件50文字以内）入力してください。`, `Enter 1 to ${MAX_AREAS} areas (町字, up to 50 characters each).`),
      );
    if (errors.length)
      throw new ValidationError(
        say(language, `入力内容に${errors.length}件の誤りがあります。`, `There ${errors.length === 1 ? 'is 1 problem' : `are ${errors.length} problems`} with the team.`),
        errors,
      );
    return { name, date, memberIds, areas };
  }

  private async audit(t: SurveyTeam, actor: TriageActor, action: string): Promise<void> {
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor: actor.userId,
      action,
      municipalityCode: t.municipalityCode,
      targetType: 'survey_team',
      targetId: t.id,
      details: auditDetailsFor(actor.lentFrom ?? null, { disasterId: t.disasterId, name: t.name, date: t.date, memberIds: t.memberIds, areas: t.areas }),
    });
  }
}
