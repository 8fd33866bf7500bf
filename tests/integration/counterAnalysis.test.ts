/**
 * 窓口の分析 through real HTTP on a real SQLite file: visits scripted through
 * storage with known step times give exactly these figures, the inbox's lead
 * time of the counter's applications joins them per procedure, the CSV holds
 * one row per visit (and the figures on request), and only staff of the
 * municipality may look.
 */
import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import Encoding from 'encoding-japanese';
import type request from 'supertest';
import type { CounterStep } from '@madoguchi/shared';
import { CounterAnalysisSchema } from '@madoguchi/shared/contract';
import type { CounterSessionRecord } from '../../server/src/storage/counterTypes';
import { buildInboxApp, manualClock, MITO, RISAI, SAPPORO, signIn, submit, type InboxApp } from '../helpers/inboxApp';
import { StaffClient } from '../helpers/staffAuth';

const JIDOU = 'jidou-teate-nintei';
const analysis = (query = '') => `/municipalities/${MITO}/counter/analysis${query}`;
const binary = (r: request.Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = r as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** A visit opened at `opened` (UTC ISO) with steps `[kind, minutes after opening, procedureId?]`. */
function visit(opened: string, at: [CounterStep['kind'], number, string?][], over: Partial<CounterSessionRecord> = {}): CounterSessionRecord {
  const base = Date.parse(opened);
  const steps: CounterStep[] = [
    { kind: 'opened', at: opened },
    ...at.map(([kind, min, procedureId]) => ({ kind, at: new Date(base + min * 60_000).toISOString(), ...(procedureId ? { procedureId } : {}) })),
  ];
  return {
    sessionId: randomUUID(),
    municipalityCode: MITO,
    ticketNumber: '',
    desk: '',
    servedBy: '',
    status: 'ended',
    procedureIds: [],
    prefilled: false,
    identitySource: null,
    steps,
    submissionIds: [],
    day: '2026-12-07',
    guideId: null,
    revision: 0,
    work: { shared: {}, answers: {}, sources: {} },
    pairingCodeHash: null,
    pairingExpiresAt: null,
    tabletTokenHash: null,
    createdAt: opened,
    updatedAt: steps.at(-1)!.at,
    ...over,
  };
}

describe('窓口の分析 API', () => {
  let ctx: InboxApp;
  const clock = manualClock(new Date('2026-12-07T00:20:00.000Z'));
  let clerk: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    ctx = await buildInboxApp({}, clock.now);
    // The application from the first visit arrives at 09:20 JST and is completed three hours later.
    const application = await submit(ctx);
    clock.set(new Date('2026-12-07T03:20:00.000Z'));
    const reviewer = await signIn(ctx, 'staff', MITO);
    for (const to of ['in-review', 'accepted', 'completed']) await reviewer.client.post(`/municipalities/${MITO}/submissions/${application.id}/status`, { to }).expect(200);
    // Signed in after the clock moved on (sessions end after 30 idle minutes).
    clock.set(new Date('2026-12-07T06:00:00.000Z'));
    clerk = await signIn(ctx, 'staff', MITO, { displayName: '窓口 花子' });

    const { counterSessions } = ctx.storage;
    // 09:00 JST: waited 4, served 17 (罹災証明書 10 minutes, confirmation 2), card read.
    await counterSessions.create(
      visit(
        '2026-12-07T00:00:00.000Z',
        [
          ['serviceStarted', 4],
          ['cardRead', 5],
          ['procedureStarted', 6, RISAI],
          ['procedureFinished', 16, RISAI],
          ['confirmationRequested', 17],
          ['confirmed', 19],
          ['submitted', 20],
          ['ended', 21],
        ],
        { desk: '1番窓口', servedBy: clerk.user.id, procedureIds: [RISAI], identitySource: 'card', submissionIds: [application.id] },
      ),
    );
    // 09:20 JST: pre-filled; waited 10, served 20 (罹災証明書 14, 児童手当 5, confirmation 3); a desk name that looks like a formula.
    await counterSessions.create(
      visit(
        '2026-12-07T00:20:00.000Z',
        [
          ['serviceStarted', 10],
          ['procedureStarted', 11, RISAI],
          ['procedureFinished', 25, RISAI],
          ['procedureStarted', 20, JIDOU],
          ['procedureFinished', 25, JIDOU],
          ['confirmationRequested', 26],
          ['confirmed', 29],
          ['ended', 30],
        ],
        { desk: '=HYPERLINK("x")', servedBy: clerk.user.id, procedureIds: [RISAI, JIDOU], prefilled: true, identitySource: 'typed' },
      ),
    );
    // 10:30 JST: still waiting — counted as open, in no duration.
    await counterSessions.create(visit('2026-12-07T01:30:00.000Z', [], { status: 'waiting' }));
    // 23:59 JST the day before, and a visit in another municipality: outside what is asked for.
    await counterSessions.create(
      visit(
        '2026-12-06T14:59:00.000Z',
        [
          ['serviceStarted', 1],
          ['ended', 2],
        ],
        { day: '2026-12-06', desk: '1番窓口' },
      ),
    );
    await counterSessions.create(
      visit(
        '2026-12-07T00:10:00.000Z',
        [
          ['serviceStarted', 1],
          ['ended', 2],
        ],
        { municipalityCode: SAPPORO, desk: '1番窓口' },
      ),
    );
  });
  afterAll(() => ctx.close());

  it('computes the figures from the steps the visits took', async () => {
    const res = await clerk.client.get(analysis('?from=2026-12-07&to=2026-12-07')).expect(200);
    const spread = (count: number, medianMinutes: number | null, p90Minutes: number | null) => ({ count, medianMinutes, p90Minutes });
    expect(res.body.from).toBe('2026-12-07');
    // The answer is the shape the contract declares (closed objects: nothing more, nothing less).
    const matches = new Ajv2020({ strict: false }).compile(CounterAnalysisSchema);
    expect([matches(res.body), matches.errors]).toEqual([true, null]);
    expect(res.body.overall).toEqual({
      key: '',
      visits: 3,
      open: 1,
      ended: 2,
      waiting: spread(2, 4, 10),
      service: spread(2, 17, 20),
      procedure: spread(3, 10, 14), // 5, 10, 14
      confirmation: spread(2, 2, 3),
      proceduresPerVisit: 1.5,
      prefilledShare: 0.5,
      cardReadShare: 0.5,
      submissions: 1,
    });
    expect(res.body.desks.map((d: { key: string; visits: number }) => [d.key, d.visits])).toEqual([
      ['=HYPERLINK("x")', 1],
      ['1番窓口', 1],
      ['', 1], // not called yet: last
    ]);
    expect(res.body.hours.map((h: { key: string; visits: number; open: number }) => [h.key, h.visits, h.open])).toEqual([
      ['09', 2, 0],
      ['10', 1, 1],
    ]);
    const [risai, jidou] = res.body.procedures;
    expect(risai).toMatchObject({ key: RISAI, title: '罹災証明書の発行申請', visits: 2, procedure: spread(2, 10, 14), inbox: { submissions: 1, leadTime: { count: 1, medianHours: 3, p90Hours: 3 } } });
    expect(jidou).toMatchObject({ key: JIDOU, visits: 1, procedure: spread(1, 5, 5), inbox: { submissions: 0, leadTime: { count: 0, medianHours: null } } });
  });

  it('takes the last 30 days up to today in Japan when no period is given', async () => {
    const res = await clerk.client.get(analysis()).expect(200);
    expect([res.body.from, res.body.to]).toEqual(['2026-11-08', '2026-12-07']);
    expect(res.body.overall.visits).toBe(4); // with the one the day before
  });

  it('exports one row per visit with its step times (Japan time) and durations, formula-safe', async () => {
    const res = await clerk.client.get(analysis('/csv?from=2026-12-07&to=2026-12-07')).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('counter_visits_082015_20261207-20261207.csv');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '受付番号,来庁日,来庁時刻,窓口,担当者,状態,手続,手続数,事前入力,カード読取,呼出時刻,確認依頼時刻,確認時刻,終了時刻,待ち時間（分）,対応時間（分）,確認時間（分）,手続ごとの時間（分）,申請数',
    );
    expect(lines[1]).toBe('001,2026-12-07,09:00,1番窓口,窓口 花子,終了,罹災証明書の発行申請,1,なし,あり,09:04,09:17,09:19,09:21,4,17,2,罹災証明書の発行申請 10,1');
    expect(lines[2]).toBe(
      `002,2026-12-07,09:20,"'=HYPERLINK(""x"")",窓口 花子,終了,罹災証明書の発行申請・児童手当等の受給資格及び児童手当の額についての認定請求,2,あり,なし,09:30,09:46,09:49,09:50,10,20,3,罹災証明書の発行申請 14／児童手当等の受給資格及び児童手当の額についての認定請求 5,0`,
    );
    expect(lines[3]).toBe('003,2026-12-07,10:30,,,待ち,,0,なし,なし,,,,,,,,,0');
    expect(lines).toHaveLength(5); // three visits and the final CRLF
  });

  it('exports the grouped figures as a second file, in CP932 on request', async () => {
    const res = await clerk.client.get(analysis('/csv?from=2026-12-07&to=2026-12-07&kind=figures&encoding=cp932')).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    const text = Encoding.codeToString(Encoding.convert(res.body as Buffer, { to: 'UNICODE', from: 'SJIS' }));
    const rows = text.split('\r\n').filter(Boolean);
    expect(rows[0]!.split(',').slice(0, 6)).toEqual(['区分', '名前', '来庁数', '未終了', '終了', '待ち時間 中央値（分）']);
    expect(rows[1]).toBe('全体,,3,1,2,4,10,17,20,10,14,2,3,1.5,50,50,1,,');
    expect(rows).toContain('手続,罹災証明書の発行申請,2,0,2,4,10,17,20,10,14,2,3,1.5,50,50,1,3,3');
    expect(rows).toContain('窓口,（呼出前）,1,1,0,,,,,,,,,,,,0,,');
    expect(rows.at(-1)).toBe('時間帯,10:00,1,1,0,,,,,,,,,,,,0,,');
  });

  it('refuses bad, reversed and too long periods in the caller’s language, 400', async () => {
    const bad = await clerk.client.get(analysis('?from=2026-13-01')).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_period' });
    expect(bad.body.error.message).toContain('YYYY-MM-DD');
    const impossible = await clerk.client.get(analysis('?from=2026-02-30')).expect(400);
    expect(impossible.body.error.message).toBe('期間は YYYY-MM-DD の形の日付で指定してください（from）。');
    const reversed = await clerk.client.get(analysis('?from=2026-12-07&to=2026-12-01')).expect(400);
    expect(reversed.body.error.message).toBe('期間の開始日は終了日より前の日付にしてください。');
    const long = await clerk.client.get(analysis('?from=2025-01-01&to=2026-01-02')).set('Accept-Language', 'en').expect(400);
    expect(long.body.error).toMatchObject({ code: 'bad_period', message: 'The period may be at most 366 days long.' });
    const enFormat = await clerk.client.get(analysis('/csv?to=7.12.2026')).set('Accept-Language', 'en').expect(400);
    expect(enFormat.body.error.message).toContain('YYYY-MM-DD');
    expect(enFormat.body.error.message).not.toMatch(/[期間]/);
    // A whole leap year is allowed.
    await clerk.client.get(analysis('?from=2024-01-01&to=2024-12-31')).expect(200);
  });

  it('is for the municipality’s own staff: another municipality 403, a platform admin 403, nobody signed in 401', async () => {
    const admin = await signIn(ctx, 'municipal-admin', MITO);
    await admin.client.get(analysis()).expect(200);
    const sapporo = await signIn(ctx, 'staff', SAPPORO);
    await sapporo.client.get(analysis()).expect(403);
    await sapporo.client.get(analysis('/csv')).expect(403);
    const platform = await signIn(ctx, 'platform-admin', null);
    await platform.client.get(analysis()).expect(403);
    const anonymous = new StaffClient(ctx.app);
    await anonymous.session();
    await anonymous.get(analysis()).expect(401);
    await anonymous.get(analysis('/csv')).expect(401);
  });
});
