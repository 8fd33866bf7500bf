/**
 * Checks a procedure's 受付期間 with words a clerk understands (the meta-schema only says
 * 「形式が正しくありません」): dates and times that exist, a start before the end, known weekdays.
 */
import type { ProcedureReception } from './types';

type Language = 'ja' | 'en';

export interface ReceptionProblem {
  /** JSON pointer under the procedure (`/reception/weekly/0/from`). */
  pointer: string;
  message: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d$/;
const KEYS = new Set(['opensAt', 'closesAt', 'weekly', 'closedOnHolidays', 'note']);

/** A Japan-time `YYYY-MM-DDTHH:mm` that names a real day. */
export function isLocalDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return false;
  const date = value.slice(0, 10);
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** `to` may be 24:00 (until midnight). */
const isTime = (value: unknown, allowMidnight: boolean): value is string => typeof value === 'string' && (TIME.test(value) || (allowMidnight && value === '24:00'));

/** Every problem of a reception setting; an empty list means it is usable. */
export function receptionProblems(reception: unknown, language: Language = 'ja'): ReceptionProblem[] {
  const ja = language === 'ja';
  const problems: ReceptionProblem[] = [];
  const add = (pointer: string, jaText: string, enText: string) => problems.push({ pointer: `/reception${pointer}`, message: ja ? jaText : enText });
  if (reception === undefined) return problems;
  if (typeof reception !== 'object' || reception === null || Array.isArray(reception)) {
    add('', '受付期間の指定が正しくありません。', 'The reception period is not in the expected form.');
    return problems;
  }
  const r = reception as Record<string, unknown> & ProcedureReception;
  for (const key of Object.keys(r)) if (!KEYS.has(key)) add(`/${key}`, `受付期間に不明な項目「${key}」があります。`, `The reception period has an unknown setting "${key}".`);
  for (const key of ['opensAt', 'closesAt'] as const) {
    if (r[key] !== undefined && !isLocalDateTime(r[key])) {
      const what = key === 'opensAt' ? ['受付開始', 'start'] : ['受付終了', 'end'];
      add(`/${key}`, `${what[0]}の日時は「2027-01-05T08:30」の形（日本時間）で、実在する日付を指定してください。`, `The ${what[1]} must be a real date and time like 2027-01-05T08:30 (Japan time).`);
    }
  }
  if (isLocalDateTime(r.opensAt) && isLocalDateTime(r.closesAt) && r.opensAt >= r.closesAt) {
    add('/closesAt', '受付終了の日時は受付開始より後にしてください。', 'The end of the reception period must be after its start.');
  }
  if (r.weekly !== undefined) {
    if (!Array.isArray(r.weekly) || r.weekly.length > 14) add('/weekly', '受付時間は14件までの一覧で指定してください。', 'Reception hours must be a list of at most 14 entries.');
    else
      r.weekly.forEach((w, i) => {
        const at = `/weekly/${i}`;
        if (typeof w !== 'object' || w === null) return add(at, `受付時間${i + 1}の指定が正しくありません。`, `Reception hours ${i + 1} are not in the expected form.`);
        const days = (w as { days?: unknown }).days;
        if (!Array.isArray(days) || days.length === 0) add(`${at}/days`, `受付時間${i + 1}の曜日を1つ以上選んでください。`, `Choose at least one day for reception hours ${i + 1}.`);
        else if (days.some((d) => !Number.isInteger(d) || (d as number) < 0 || (d as number) > 6))
          add(`${at}/days`, `受付時間${i + 1}の曜日は0（日）〜6（土）で指定してください。`, `Days of reception hours ${i + 1} must be 0 (Sunday) to 6 (Saturday).`);
        const okFrom = isTime(w.from, false);
        const okTo = isTime(w.to, true);
        if (!okFrom) add(`${at}/from`, `受付時間${i + 1}の開始時刻は「08:30」の形で指定してください。`, `The start of reception hours ${i + 1} must be a time like 08:30.`);
        if (!okTo) add(`${at}/to`, `受付時間${i + 1}の終了時刻は「17:15」の形で指定してください。`, `The end of reception hours ${i + 1} must be a time like 17:15.`);
        if (okFrom && okTo && w.from >= w.to) add(`${at}/to`, `受付時間${i + 1}の終了時刻は開始時刻より後にしてください。`, `The end of reception hours ${i + 1} must be after its start.`);
        for (const key of Object.keys(w))
          if (!['days', 'from', 'to'].includes(key)) add(`${at}/${key}`, `受付時間${i + 1}に不明な項目「${key}」があります。`, `Reception hours ${i + 1} have an unknown setting "${key}".`);
      });
  }
  if (r.closedOnHolidays !== undefined && typeof r.closedOnHolidays !== 'boolean')
    add('/closedOnHolidays', '「祝日・年末年始は受け付けない」の指定が正しくありません。', 'closedOnHolidays must be true or false.');
  if (r.note !== undefined && (typeof r.note !== 'string' || r.note.length > 500))
    add('/note', '受付期間の補足は500文字以内の文字で入力してください。', 'The reception note must be text of at most 500 characters.');
  return problems;
}
