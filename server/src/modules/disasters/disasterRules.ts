/**
 * What a disaster declaration must hold, checked before anything is stored;
 * every problem named in the admin's language with the field it concerns.
 */
import { DISASTER_KINDS, isIsoDate, todayInJapan, type DisasterDeclaration, type DisasterKind, type FieldError, type Language } from '@madoguchi/shared';
import { ValidationError } from '../../errors';

const MAX_AREA_ENTRIES = 500;

const isDate = (v: unknown): v is string => typeof v === 'string' && isIsoDate(v);

/** 「〒100-0001」「１００００００」 → 「1000001」; null when it is not seven digits. */
export function normalizePostalCode(value: string): string | null {
  const digits = value.normalize('NFKC').replace(/[〒\s\-ー−]/gu, '');
  return /^\d{7}$/.test(digits) ? digits : null;
}

/** A declaration as the admin sent it, checked and normalised (towns trimmed and de-duplicated, postal codes as 7 digits). */
export function checkDeclaration(input: unknown, language: Language, now: Date): DisasterDeclaration {
  const ja = language !== 'en';
  const errors: FieldError[] = [];
  const fail = (pointer: string, label: string, jaText: string, enText: string) =>
    errors.push({ pointer, property: pointer.replace(/\//g, '.'), label, keyword: 'disaster', message: ja ? jaText : enText });
  const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;

  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name || name.length > 100) fail('/name', ja ? '名称' : 'Name', '災害の名称を100文字以内で入力してください。', 'Enter the name of the disaster (up to 100 characters).');

  const today = todayInJapan(now);
  const occurredOn = body.occurredOn;
  if (!isDate(occurredOn) || occurredOn > today) fail('/occurredOn', ja ? '発生日' : 'Date', '発生日を今日以前の日付で入力してください。', 'Enter the date it occurred (today or earlier).');

  const kind = body.kind as DisasterKind;
  if (!DISASTER_KINDS.includes(kind)) fail('/kind', ja ? '種類' : 'Kind', `種類は ${DISASTER_KINDS.join('・')} から選んでください。`, 'Choose the kind of disaster from the list.');

  const area = (typeof body.area === 'object' && body.area !== null ? body.area : {}) as Record<string, unknown>;
  const rawTowns = Array.isArray(area.towns) ? area.towns : [];
  const rawCodes = Array.isArray(area.postalCodes) ? area.postalCodes : [];
  const towns = [
    ...new Set(
      rawTowns
        .filter((t): t is string => typeof t === 'string')
        .map((t) => t.normalize('NFKC').trim())
        .filter(Boolean),
    ),
  ];
  if (towns.some((t) => t.length > 50) || rawTowns.length > MAX_AREA_ENTRIES)
    fail('/area/towns', ja ? '町字' : 'Towns', `町字は1件50文字以内、${MAX_AREA_ENTRIES}件までです。`, `Each town name has at most 50 characters; at most ${MAX_AREA_ENTRIES} names.`);
  const postalCodes: string[] = [];
  rawCodes.forEach((code, i) => {
    const normal = typeof code === 'string' ? normalizePostalCode(code) : null;
    if (normal) postalCodes.push(normal);
    else fail(`/area/postalCodes/${i}`, ja ? '郵便番号' : 'Postal code', `郵便番号「${String(code)}」は7桁の数字ではありません。`, `Postal code "${String(code)}" is not seven digits.`);
  });
  if (rawCodes.length > MAX_AREA_ENTRIES) fail('/area/postalCodes', ja ? '郵便番号' : 'Postal codes', `郵便番号は${MAX_AREA_ENTRIES}件までです。`, `At most ${MAX_AREA_ENTRIES} postal codes.`);

  const relief = (typeof body.reliefAct === 'object' && body.reliefAct !== null ? body.reliefAct : {}) as Record<string, unknown>;
  const applied = relief.applied === true;
  if (typeof relief.applied !== 'boolean')
    fail('/reliefAct/applied', ja ? '災害救助法の適用' : 'Disaster Relief Act', '災害救助法の適用の有無を選んでください。', 'Say whether the Disaster Relief Act applies.');
  const appliedOn = applied ? relief.appliedOn : null;
  if (applied && (!isDate(appliedOn) || (isDate(occurredOn) && appliedOn < occurredOn)))
    fail(
      '/reliefAct/appliedOn',
      ja ? '適用日' : 'Date applied',
      '災害救助法の適用日を、発生日以降の日付で入力してください。',
      'Enter the date the Act applies from (on or after the date it occurred).',
    );

  if (errors.length)
    throw new ValidationError(ja ? `入力内容に${errors.length}件の誤りがあります。` : `There ${errors.length === 1 ? 'is 1 problem' : `are ${errors.length} problems`} with the declaration.`, errors);
  return { name, occurredOn: occurredOn as string, kind, area: { towns, postalCodes: [...new Set(postalCodes)] }, reliefAct: { applied, appliedOn: applied ? (appliedOn as string) : null } };
}
