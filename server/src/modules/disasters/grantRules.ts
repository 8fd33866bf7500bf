/**
 * What a 応援職員 grant must say before anything is stored: an e-mail address
 * and a period of Japan days that has not ended and reaches at most
 * MAX_GRANT_DAYS ahead (lending is for the surge, not for good).
 */
import { isIsoDate, japanDayStart, todayInJapan, type FieldError, type Language } from '@madoguchi/shared';
import { ValidationError } from '../../errors';

export const MAX_GRANT_DAYS = 90;

export interface GrantRequest {
  email: string;
  fromDate: string;
  untilDate: string;
}

const addDays = (day: string, days: number) => japanDayStart(day, days + 1).slice(0, 10);

export function checkGrantRequest(input: unknown, language: Language, now: Date): GrantRequest {
  const ja = language !== 'en';
  const errors: FieldError[] = [];
  const fail = (property: string, label: string, jaText: string, enText: string) => errors.push({ pointer: `/${property}`, property, label, keyword: 'grant', message: ja ? jaText : enText });
  const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;

  const email = typeof body.email === 'string' ? body.email.trim() : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254)
    fail('email', ja ? 'メールアドレス' : 'E-mail', '応援職員のメールアドレスを入力してください。', 'Enter the e-mail address of the staff member.');

  const today = todayInJapan(now);
  const latest = addDays(today, MAX_GRANT_DAYS);
  const fromDate = typeof body.fromDate === 'string' && isIsoDate(body.fromDate) ? body.fromDate : '';
  const untilDate = typeof body.untilDate === 'string' && isIsoDate(body.untilDate) ? body.untilDate : '';
  if (!fromDate) fail('fromDate', ja ? '開始日' : 'From', '開始日を入力してください。', 'Enter the first day.');
  if (!untilDate || untilDate < today) fail('untilDate', ja ? '終了日' : 'Until', '終了日を今日以降の日付で入力してください。', 'Enter the last day (today or later).');
  else if (fromDate && untilDate < fromDate) fail('untilDate', ja ? '終了日' : 'Until', '終了日は開始日以降にしてください。', 'The last day must not be before the first day.');
  else if (untilDate > latest)
    fail('untilDate', ja ? '終了日' : 'Until', `応援の期間は今日から${MAX_GRANT_DAYS}日後（${latest}）までです。`, `A grant may run at most ${MAX_GRANT_DAYS} days ahead (until ${latest}).`);

  if (errors.length) throw new ValidationError(ja ? '入力内容を確認してください。' : 'Please check the grant.', errors);
  return { email, fromDate, untilDate };
}
