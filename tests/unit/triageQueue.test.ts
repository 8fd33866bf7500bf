/** The triage order and area flags (issue #20), and reading a filled-in survey list whatever its encoding. */
import Encoding from 'encoding-japanese';
import { compareCases, damageRank, townDeclared, triageGroups } from '../../server/src/modules/disasters/triageQueue';
import { decodeCsv, readSurveyCsv } from '../../server/src/modules/disasters/surveyCsvImport';
import type { DisasterCaseRecord } from '../../server/src/storage/disasterTypes';

const row = (id: string, over: Partial<DisasterCaseRecord> = {}): DisasterCaseRecord => ({
  submissionId: id,
  disasterId: 'd',
  municipalityCode: '082015',
  procedureId: 'risai-shomeisho',
  receiptNumber: id,
  area: '笠原町',
  postalCode: '',
  residential: true,
  reportedDamage: '',
  photoCount: 0,
  selfAssessment: false,
  survey: null,
  createdAt: '2026-12-02T00:00:00.000Z',
  ...over,
});

describe('triage queue', () => {
  it('ranks reported damage worst first', () => {
    expect(['写真判定：地震による全壊', '床上浸水（25cm）', '床下浸水', '屋根の瓦', ''].map(damageRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('sorts homes first, then damage, then photos, then self-assessment last, then arrival', () => {
    const rows = [
      row('late', { reportedDamage: '床下浸水', createdAt: '2026-12-03T00:00:00.000Z' }),
      row('shed', { residential: false, reportedDamage: '写真判定：地震による全壊' }),
      row('self', { reportedDamage: '床下浸水', selfAssessment: true, photoCount: 3, createdAt: '2026-12-01T00:00:00.000Z' }),
      row('photos', { reportedDamage: '床下浸水', photoCount: 2, createdAt: '2026-12-04T00:00:00.000Z' }),
      row('early', { reportedDamage: '床下浸水', createdAt: '2026-12-01T00:00:00.000Z' }),
      row('above', { reportedDamage: '床上浸水', createdAt: '2026-12-05T00:00:00.000Z' }),
      row('unknown', { residential: null }),
    ];
    expect([...rows].sort(compareCases).map((r) => r.submissionId)).toEqual(['above', 'photos', 'self', 'early', 'late', 'unknown', 'shed']);
  });

  it('flags a group inside the declared area by its town or a declared postal code, and puts those groups first', () => {
    expect(townDeclared('河井町', ['輪島市河井町'])).toBe(true);
    expect(townDeclared('', ['輪島市河井町'])).toBe(false);
    const groups = triageGroups(
      { area: { towns: ['笠原町'], postalCodes: ['3100065'] } },
      [row('a', { area: '八幡町', postalCode: '3100065' }), row('b', { area: '青柳町' }), row('c'), row('d', { area: '' })],
      new Map(),
    );
    expect(groups.map((g) => [g.area, g.inDeclaredArea])).toEqual([
      ['笠原町', true],
      ['八幡町', true],
      ['青柳町', false],
      ['', false],
    ]);
  });
});

describe('reading a filled-in survey list', () => {
  const text = '到達番号,住所,被害の程度,調査日,調査員\r\nA-1,"水戸市\r\n笠原町1",全壊,2026/12/4,水戸 一郎\r\n\r\nA-2,,,,\r\nA-3,笠原町2,半壊,2026-12-04,笠間 次郎\r\n';

  it('takes UTF-8 with or without a BOM, and Shift_JIS', () => {
    const sjis = Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
    for (const bytes of [Buffer.from(text, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), sjis]) expect(decodeCsv(bytes)).toBe(text);
  });

  it('finds the columns by header, skips rows not filled in, and numbers each row by the line it starts on', () => {
    expect(readSurveyCsv(Buffer.from(text, 'utf8'), 'ja')).toEqual([
      { line: 2, receiptNumber: 'A-1', level: '全壊', surveyedOn: '2026/12/4', surveyor: '水戸 一郎' },
      { line: 6, receiptNumber: 'A-3', level: '半壊', surveyedOn: '2026-12-04', surveyor: '笠間 次郎' },
    ]);
    expect(() => readSurveyCsv(Buffer.from('到達番号,住所\r\nA-1,x\r\n', 'utf8'), 'en')).toThrow(/Line 1 has no column/);
  });
});
