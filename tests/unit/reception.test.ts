import { receptionState, receptionPeriodText, receptionHoursText, receptionClosedText, receptionProblems, validateProcedureDefinition, type ProcedureReception } from '@madoguchi/shared';
import { allPresets } from '../helpers/testApp';

const utc = (iso: string) => new Date(iso);
const PERIOD: ProcedureReception = { opensAt: '2027-01-05T08:30', closesAt: '2027-01-29T17:15' };
const WEEKDAYS: ProcedureReception = { weekly: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:15' }], closedOnHolidays: true };

describe('受付期間: receptionState in Japan time', () => {
  it('is always open without a reception setting', () => {
    expect(receptionState(undefined, utc('2027-01-01T00:00:00Z'))).toEqual({ status: 'open' });
  });

  it('opens at 08:30:00 JST, not at 08:29:59, and closes at the closing minute', () => {
    expect(receptionState(PERIOD, utc('2027-01-04T23:29:59Z'))).toEqual({ status: 'not-yet-open', opensAt: '2027-01-05T08:30' });
    expect(receptionState(PERIOD, utc('2027-01-04T23:30:00Z'))).toEqual({ status: 'open', until: '2027-01-29T17:15' });
    expect(receptionState(PERIOD, utc('2027-01-29T08:14:59Z')).status).toBe('open');
    expect(receptionState(PERIOD, utc('2027-01-29T08:15:00Z'))).toEqual({ status: 'closed', closedAt: '2027-01-29T17:15' });
  });

  it('reads midnight JST as 15:00 UTC the day before', () => {
    const r: ProcedureReception = { opensAt: '2027-01-05T00:00' };
    expect(receptionState(r, utc('2027-01-04T14:59:59Z')).status).toBe('not-yet-open');
    expect(receptionState(r, utc('2027-01-04T15:00:00Z'))).toEqual({ status: 'open' });
  });

  it('keeps weekly hours: before, during and after the day’s hours', () => {
    expect(receptionState(WEEKDAYS, utc('2027-01-04T22:00:00Z'))).toEqual({ status: 'outside-hours', nextOpening: '2027-01-05T08:30' }); // Tue 07:00
    expect(receptionState(WEEKDAYS, utc('2027-01-05T01:00:00Z'))).toEqual({ status: 'open', until: '2027-01-05T17:15' }); // Tue 10:00
    expect(receptionState(WEEKDAYS, utc('2027-01-05T08:15:00Z'))).toEqual({ status: 'outside-hours', nextOpening: '2027-01-06T08:30' }); // Tue 17:15
  });

  it('skips weekends, national holidays and 12/29–1/3 when closedOnHolidays', () => {
    // Friday 2027-01-08 18:00: Saturday, Sunday and 成人の日 (Monday 1/11) are closed.
    expect(receptionState(WEEKDAYS, utc('2027-01-08T09:00:00Z'))).toEqual({ status: 'outside-hours', nextOpening: '2027-01-12T08:30' });
    expect(receptionState(WEEKDAYS, utc('2027-01-11T01:00:00Z')).status).toBe('outside-hours'); // 成人の日 10:00
    // Monday 2026-12-28 18:00: next opening after the year-end closure.
    expect(receptionState(WEEKDAYS, utc('2026-12-28T09:00:00Z'))).toEqual({ status: 'outside-hours', nextOpening: '2027-01-04T08:30' });
    // Without closedOnHolidays, 成人の日 is an ordinary Monday.
    const plain = { weekly: WEEKDAYS.weekly };
    expect(receptionState(plain, utc('2027-01-08T09:00:00Z'))).toEqual({ status: 'outside-hours', nextOpening: '2027-01-11T08:30' });
  });

  it('combines dates and hours: the first opening, and none left before the end', () => {
    const both: ProcedureReception = { ...WEEKDAYS, opensAt: '2027-01-09T00:00', closesAt: '2027-01-13T12:00' };
    expect(receptionState(both, utc('2027-01-01T00:00:00Z'))).toEqual({ status: 'not-yet-open', opensAt: '2027-01-12T08:30' });
    expect(receptionState(both, utc('2027-01-13T01:00:00Z'))).toEqual({ status: 'open', until: '2027-01-13T12:00' });
    const ending: ProcedureReception = { ...WEEKDAYS, closesAt: '2027-01-09T12:00' };
    expect(receptionState(ending, utc('2027-01-08T09:00:00Z'))).toEqual({ status: 'outside-hours', nextOpening: null });
  });

  it('lets counter entries ignore weekly hours and holidays but not the dates', () => {
    const both = { ...PERIOD, ...WEEKDAYS };
    expect(receptionState(both, utc('2027-01-09T01:00:00Z'), { datesOnly: true }).status).toBe('open'); // Saturday 10:00
    expect(receptionState(both, utc('2027-01-29T09:00:00Z'), { datesOnly: true }).status).toBe('closed');
  });
});

describe('受付期間 in words', () => {
  it('words the period, the hours and the notice', () => {
    expect(receptionPeriodText(PERIOD, 'ja')).toBe('令和9年1月5日 8:30 から 1月29日 17:15 まで');
    expect(receptionPeriodText(PERIOD, 'en')).toBe('From 5 Jan 2027 8:30 until 29 Jan 2027 17:15 (Japan time)');
    expect(receptionHoursText(WEEKDAYS, 'ja')).toBe('平日 8:30〜17:15（祝日・年末年始を除く）');
    expect(receptionHoursText({ weekly: [{ days: [1, 3, 5], from: '09:00', to: '12:00' }] }, 'ja')).toBe('月・水・金 9:00〜12:00');
    expect(receptionClosedText({ status: 'not-yet-open', opensAt: '2027-01-05T08:30' }, 'ja')).toBe('この手続は現在受け付けていません。受付開始は令和9年1月5日（火）8:30です。');
    expect(receptionClosedText({ status: 'closed', closedAt: '2027-01-29T17:15' }, 'en')).toContain('closed on Fri 29 Jan 2027 17:15');
    expect(receptionClosedText({ status: 'open' }, 'ja')).toBeNull();
  });
});

describe('受付期間: checks with clear words', () => {
  it('refuses a start after the end, bad times and unknown days, in Japanese and English', () => {
    const bad = {
      opensAt: '2027-02-01T08:30',
      closesAt: '2027-01-29T17:15',
      weekly: [
        { days: [1, 7], from: '8:30', to: '17:15' },
        { days: [2], from: '17:00', to: '09:00' },
      ],
    };
    const ja = receptionProblems(bad, 'ja').map((p) => `${p.pointer} ${p.message}`);
    expect(ja).toEqual([
      '/reception/closesAt 受付終了の日時は受付開始より後にしてください。',
      '/reception/weekly/0/days 受付時間1の曜日は0（日）〜6（土）で指定してください。',
      '/reception/weekly/0/from 受付時間1の開始時刻は「08:30」の形で指定してください。',
      '/reception/weekly/1/to 受付時間2の終了時刻は開始時刻より後にしてください。',
    ]);
    expect(receptionProblems({ opensAt: '2027-02-30T08:00' }, 'en')[0]!.message).toBe('The start must be a real date and time like 2027-01-05T08:30 (Japan time).');
    expect(receptionProblems(WEEKDAYS)).toEqual([]);
    expect(receptionProblems(PERIOD)).toEqual([]);
  });

  it('is part of the procedure check before publishing, worded once', () => {
    const preset = allPresets()[0]!;
    const procedure = { ...preset.procedure, owner: 'preset' as const, reception: { opensAt: '2027-01-05T8:30' } };
    const problems = validateProcedureDefinition(procedure, preset);
    expect(problems).toEqual([{ where: 'procedure/reception/opensAt', message: '受付開始の日時は「2027-01-05T08:30」の形（日本時間）で、実在する日付を指定してください。' }]);
    expect(validateProcedureDefinition({ ...procedure, reception: { ...PERIOD, ...WEEKDAYS } }, preset)).toEqual([]);
  });
});
