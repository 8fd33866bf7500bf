/**
 * What a damage-survey result (被害認定調査の結果) must hold, for one entered
 * on screen and for each row of a list a team brings back: a level of
 * DAMAGE_LEVELS, a date from the disaster to today, the surveyor's name, and
 * a method; 'self' (自己判定方式) only for an application that asked for it,
 * and only as 「準半壊に至らない（一部損壊）」. Messages in ja and en.
 */
import { DAMAGE_LEVELS, isIsoDate, todayInJapan, type DamageLevel, type Language } from '@madoguchi/shared';
import type { DamageSurvey, DisasterCaseRecord } from '../../storage/disasterTypes';

export const SELF_ASSESSED_LEVEL: DamageLevel = '準半壊に至らない（一部損壊）';
export const SURVEY_METHODS = ['survey', 'self', 'photo'] as const;

export type SurveyEntry = Pick<DamageSurvey, 'level' | 'surveyedOn' | 'surveyor' | 'method'>;

export interface SurveyProblem {
  field: 'level' | 'surveyedOn' | 'surveyor' | 'method';
  message: string;
}

/** 「2026/12/4」「２０２６－１２－０４」 (as spreadsheets rewrite dates) → 「2026-12-04」; the text itself when it is no date. */
export function normalizeDate(value: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u.exec(value.normalize('NFKC').trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value.trim();
}

/** The problems of an entry for a case (none: it can be stored). */
export function surveyProblems(entry: Record<string, unknown>, c: Pick<DisasterCaseRecord, 'selfAssessment'>, occurredOn: string, now: Date, language: Language): SurveyProblem[] {
  const say = (ja: string, en: string) => (language === 'en' ? en : ja);
  const problems: SurveyProblem[] = [];
  const level = entry.level as DamageLevel;
  if (!DAMAGE_LEVELS.includes(level))
    problems.push({ field: 'level', message: say(`被害の程度は「${DAMAGE_LEVELS.join('」「')}」のいずれかです。`, `The level of damage must be one of: ${DAMAGE_LEVELS.join(', ')}.`) });
  const on = typeof entry.surveyedOn === 'string' ? normalizeDate(entry.surveyedOn) : '';
  if (!isIsoDate(on) || on < occurredOn || on > todayInJapan(now))
    problems.push({
      field: 'surveyedOn',
      message: say(`調査日は災害の発生日（${occurredOn}）から今日までの日付です。`, `The survey date must be between the day of the disaster (${occurredOn}) and today.`),
    });
  const surveyor = typeof entry.surveyor === 'string' ? entry.surveyor.trim() : '';
  if (!surveyor || surveyor.length > 100) problems.push({ field: 'surveyor', message: say('調査員の氏名を100文字以内で入力してください。', 'Enter the surveyor’s name (up to 100 characters).') });
  const method = entry.method;
  if (!SURVEY_METHODS.includes(method as DamageSurvey['method']))
    problems.push({ field: 'method', message: say('調査方法は survey（現地調査）・self（自己判定）・photo（写真判定）のいずれかです。', 'The method must be survey, self or photo.') });
  else if (method === 'self' && (!c.selfAssessment || level !== SELF_ASSESSED_LEVEL))
    problems.push({
      field: 'method',
      message: say(
        `自己判定は、自己判定方式を希望した申請を「${SELF_ASSESSED_LEVEL}」とするときだけ使えます。`,
        `Self-assessment applies only to an application that asked for it, and only as "${SELF_ASSESSED_LEVEL}".`,
      ),
    });
  return problems;
}

/** The entry as stored (trimmed, the date normalised); call after surveyProblems found none. */
export function surveyEntry(entry: Record<string, unknown>): SurveyEntry {
  return {
    level: entry.level as DamageLevel,
    surveyedOn: normalizeDate(String(entry.surveyedOn)),
    surveyor: String(entry.surveyor).trim(),
    method: entry.method as DamageSurvey['method'],
  };
}
