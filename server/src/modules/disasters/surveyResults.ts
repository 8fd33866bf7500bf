/**
 * Recording the results of the damage survey (issue #20): one at a time from
 * the console, or a whole list a team brings back (all rows or none: a file
 * with one bad row is refused with every bad row's line and reason). A new
 * result clears an earlier approval; a result is approved by another member
 * of staff than the one who recorded it (four eyes). Everything is audited.
 */
import { auditDetailsFor } from './grantAudit';
import type { Disaster, FieldError, Language } from '@madoguchi/shared';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import type { Storage } from '../../storage/types';
import type { DamageSurvey, DisasterCaseRecord } from '../../storage/disasterTypes';
import type { DisasterService } from './disasterService';
import type { SurveyTeamService, TriageActor } from './surveyTeams';
import { risaiCases, RISAI_PROCEDURE } from './triageService';
import { surveyEntry, surveyProblems } from './surveyRules';
import { readSurveyCsv } from './surveyCsvImport';

const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);

export class SurveyResultService {
  constructor(
    private readonly storage: Storage,
    private readonly disasters: DisasterService,
    private readonly teams: SurveyTeamService,
    private readonly now: () => Date,
  ) {}

  /** Records (or replaces) one application's result. */
  async record(code: string, disasterId: string, submissionId: string, input: unknown, actor: TriageActor, language: Language): Promise<DisasterCaseRecord> {
    const disaster = await this.disasters.get(code, disasterId, language);
    const c = await this.caseOf(disaster, submissionId, language);
    const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const problems = surveyProblems(body, c, disaster.occurredOn, this.now(), language);
    const teamId = typeof body.teamId === 'string' && body.teamId ? (await this.teams.get(code, disasterId, body.teamId, language)).id : null;
    if (problems.length)
      throw new ValidationError(
        say(language, `入力内容に${problems.length}件の誤りがあります。`, `There ${problems.length === 1 ? 'is 1 problem' : `are ${problems.length} problems`} with the result.`),
        problems.map((p) => ({ pointer: `/${p.field}`, property: p.field, label: p.field, keyword: 'survey', message: p.message })),
      );
    const survey = this.stamp(surveyEntry(body), teamId, actor);
    await this.store(disaster, [{ submissionId: c.submissionId, survey }], language);
    await this.audit(disaster, actor, 'survey.recorded', c.submissionId, { receiptNumber: c.receiptNumber, level: survey.level, method: survey.method, teamId });
    return { ...c, survey };
  }

  /** Approves the recorded result; refused for the member of staff who recorded it. */
  async approve(code: string, disasterId: string, submissionId: string, actor: TriageActor, language: Language): Promise<DisasterCaseRecord> {
    const disaster = await this.disasters.get(code, disasterId, language);
    const c = await this.caseOf(disaster, submissionId, language);
    if (!c.survey) throw new ConflictError(say(language, '調査結果がまだ記録されていません。', 'No survey result has been recorded yet.'), 'survey_missing');
    if (c.survey.recordedBy === actor.userId)
      throw new ForbiddenError(
        say(language, '調査結果を記録した職員は、その結果を承認できません。別の職員が承認してください。', 'The member of staff who recorded a result cannot approve it: another must.'),
      );
    if (c.survey.approvedBy) return c;
    const survey: DamageSurvey = { ...c.survey, approvedBy: actor.userId, approvedAt: this.now().toISOString() };
    await this.store(disaster, [{ submissionId: c.submissionId, survey }], language);
    await this.audit(disaster, actor, 'survey.approved', c.submissionId, { receiptNumber: c.receiptNumber, level: survey.level, recordedBy: survey.recordedBy });
    return { ...c, survey };
  }

  /** Records every filled-in row of a team's list, or none: bad rows are named by line, in the caller's language. */
  async importCsv(code: string, disasterId: string, teamId: string, bytes: Buffer, actor: TriageActor, language: Language): Promise<{ applied: number }> {
    const disaster = await this.disasters.get(code, disasterId, language);
    const team = await this.teams.get(code, disasterId, teamId, language);
    const rows = readSurveyCsv(bytes, language);
    const byReceipt = new Map((await risaiCases(this.storage, disaster.id)).map((c) => [c.receiptNumber, c]));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const results: { submissionId: string; survey: DamageSurvey }[] = [];
    for (const row of rows) {
      const fail = (message: string) =>
        errors.push({ pointer: `/lines/${row.line}`, property: `line${row.line}`, label: say(language, `${row.line}行目`, `Line ${row.line}`), keyword: 'surveyCsv', message });
      const c = byReceipt.get(row.receiptNumber);
      if (!c) {
        fail(say(language, `到達番号「${row.receiptNumber}」はこの災害の罹災証明書の申請にありません。`, `Receipt number "${row.receiptNumber}" is not a certificate application of this disaster.`));
        continue;
      }
      if (seen.has(row.receiptNumber)) {
        fail(say(language, `到達番号「${row.receiptNumber}」が2回以上あります。`, `Receipt number "${row.receiptNumber}" appears more than once.`));
        continue;
      }
      seen.add(row.receiptNumber);
      const entry = { level: row.level, surveyedOn: row.surveyedOn, surveyor: row.surveyor, method: 'survey' };
      const problems = surveyProblems(entry, c, disaster.occurredOn, this.now(), language);
      for (const p of problems) fail(p.message);
      if (!problems.length) results.push({ submissionId: c.submissionId, survey: this.stamp(surveyEntry(entry), team.id, actor) });
    }
    if (errors.length)
      throw new ValidationError(
        say(
          language,
          `${new Set(errors.map((e) => e.pointer)).size}行に誤りがあるため、どの結果も登録していません。`,
          `${new Set(errors.map((e) => e.pointer)).size} line(s) have problems, so no result was recorded.`,
        ),
        errors,
      );
    if (!results.length) throw new ValidationError(say(language, '記入された調査結果がありません。', 'The file has no filled-in results.'));
    await this.store(disaster, results, language);
    await this.audit(disaster, actor, 'survey.imported', team.id, { teamId: team.id, teamName: team.name, receiptNumbers: rows.map((r) => r.receiptNumber) });
    return { applied: results.length };
  }

  private stamp(entry: Pick<DamageSurvey, 'level' | 'surveyedOn' | 'surveyor' | 'method'>, teamId: string | null, actor: TriageActor): DamageSurvey {
    return { ...entry, teamId, recordedBy: actor.userId, recordedAt: this.now().toISOString(), approvedBy: null, approvedAt: null };
  }

  private async caseOf(disaster: Disaster, submissionId: string, language: Language): Promise<DisasterCaseRecord> {
    const c = await this.storage.disasters.getCase(submissionId);
    if (!c || c.disasterId !== disaster.id || c.procedureId !== RISAI_PROCEDURE)
      throw new NotFoundError(say(language, 'この災害の罹災証明書の申請が見つかりません。', 'No certificate application of this disaster was found.'), 'disaster_case_not_found');
    return c;
  }

  private async store(disaster: Disaster, results: { submissionId: string; survey: DamageSurvey }[], language: Language): Promise<void> {
    if (!(await this.storage.disasters.setSurveys(disaster.id, results)))
      throw new ConflictError(say(language, '申請がこの災害から外れたため、記録できませんでした。', 'An application is no longer of this disaster; nothing was recorded.'), 'disaster_case_gone');
  }

  private async audit(d: Disaster, actor: TriageActor, action: string, targetId: string, details: Record<string, unknown>): Promise<void> {
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor: actor.userId,
      action,
      municipalityCode: d.municipalityCode,
      targetType: action === 'survey.imported' ? 'survey_team' : 'submission',
      targetId,
      details: auditDetailsFor(actor.lentFrom ?? null, { disasterId: d.id, ...details }),
    });
  }
}
