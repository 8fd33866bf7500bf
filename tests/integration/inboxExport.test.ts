/**
 * CSV export checked byte by byte: UTF-8 with BOM and CRLF, RFC 4180
 * quoting, formula guard, one column per field with repeating groups
 * flattened; CP932 with the stated policy (characters it lacks become 〓
 * and are listed in X-Export-Replaced).
 */
import Encoding from 'encoding-japanese';
import type request from 'supertest';
import { buildInboxApp, MITO, RISAI, risaiData, setHouseholder, signIn, submit, type InboxApp } from '../helpers/inboxApp';

const STATEMENT = '=HYPERLINK("x"),カンマと"引用符"\n改行〜−鷗①';
const binary = (r: request.Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = r as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
const sjis = (text: string) => Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));

/** Splits CSV text into rows of cells (RFC 4180, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  let ctx: InboxApp;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let a: Awaited<ReturnType<typeof submit>>;
  let b: Awaited<ReturnType<typeof submit>>;
  const url = (query: string) => `/municipalities/${MITO}/inbox/export/csv?${query}`;

  beforeAll(async () => {
    ctx = await buildInboxApp();
    clerk = await signIn(ctx, 'staff', MITO, { displayName: '窓口 花子' });
    a = await submit(
      ctx,
      risaiData((d) => {
        setHouseholder(d, '𠮷田', '髙志', 'ヨシダ', 'タカシ');
        d.damage.statement = STATEMENT;
      }),
    );
    b = await submit(
      ctx,
      risaiData((d) => d.householdMembers.push({ name: { familyName: '水戸', givenName: '次郎', familyNameKana: 'ミト', givenNameKana: 'ジロウ' }, relationship: '子' })),
    );
    await clerk.client.post(`/municipalities/${MITO}/submissions/${b.id}/assign`, { assigneeId: clerk.user.id }).expect(200);
  });
  afterAll(() => ctx.close());

  it('writes UTF-8 with a BOM, CRLF line ends and RFC 4180 quoting, one column per field', async () => {
    const res = await clerk.client
      .get(url(`procedureId=${RISAI}`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const bytes = res.body as Buffer;
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="risai-shomeisho_\d{12}\.csv"/);
    expect(res.headers['x-export-rows']).toBe('2');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3, 3 + Buffer.byteLength('到達番号,手続,')).toString('utf8')).toBe('到達番号,手続,');
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    // Every line break outside a quoted cell is CRLF: the only bare \n is inside the statement.
    expect(text.split('\n').length - 1).toBe(text.split('\r\n').length - 1 + 1);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(3);
    const [header, first, second] = rows as [string[], string[], string[]];
    expect(header.slice(0, 9)).toEqual(['到達番号', '手続', '様式の版', '補正回数', '到達日時', '最終更新日時', '状況', '担当者', '電子署名']);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    const col = (label: string) => header.indexOf(label);
    expect(first[0]).toBe(b.receiptNumber);
    expect(second[0]).toBe(a.receiptNumber);
    expect(first.slice(1, 9)).toEqual(['罹災証明書の発行申請', '1', '0', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), expect.any(String), '到達', '窓口 花子', 'なし']);
    expect(second[col('世帯主／世帯主の氏名／氏（姓）')]).toBe('𠮷田');
    expect(second[col('被害について／被害の状況')]).toBe(`'${STATEMENT}`);
    expect(text).toContain(`"'=HYPERLINK(""x""),カンマと""引用符""\n改行〜−鷗①"`);
    expect(first[col('被害について／罹災原因（被害の原因）')]).toBe('暴風、豪雨');
    expect(first[col('被災した住家／被災した住家の所在地は、世帯主の住所と同じですか')]).toBe('はい');
    // The repeating group has maxItems 9: nine numbered copies of its columns, always.
    const members = header.filter((h) => h.startsWith('被災した住家に住んでいた世帯の方（世帯主を除く）'));
    expect(members).toHaveLength(9 * 6);
    expect(members.slice(0, 2)).toEqual(['被災した住家に住んでいた世帯の方（世帯主を除く）1／氏名／氏（姓）', '被災した住家に住んでいた世帯の方（世帯主を除く）1／氏名／名']);
    expect(first[col('被災した住家に住んでいた世帯の方（世帯主を除く）2／氏名／名')]).toBe('次郎');
    expect(second[col('被災した住家に住んでいた世帯の方（世帯主を除く）2／氏名／名')]).toBe('');
  });

  it('offers stable keys instead of labels for programs', async () => {
    const res = await clerk.client
      .get(url(`procedureId=${RISAI}&header=keys`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const header = parseCsv((res.body as Buffer).subarray(3).toString('utf8'))[0]!;
    expect(header.slice(0, 8)).toEqual(['receiptNumber', 'procedureId', 'formVersion', 'corrections', 'receivedAt', 'updatedAt', 'status', 'assignee']);
    expect(header).toContain('householder.name.familyName');
    expect(header).toContain('householdMembers[9].birthDate');
  });

  it('writes CP932 (Shift_JIS), replacing what it cannot hold by 〓 and saying which', async () => {
    const res = await clerk.client
      .get(url(`procedureId=${RISAI}&encoding=cp932`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const bytes = res.body as Buffer;
    expect(res.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    expect(res.headers['content-disposition']).toContain('_sjis.csv');
    expect(decodeURIComponent(res.headers['x-export-replaced'] as string)).toBe('鷗𠮷'); // in order of appearance (the statement comes before the householder in the form)
    // No BOM; 到達番号 in Shift_JIS: 93 9E 92 42 94 D4 8D 86.
    expect([...bytes.subarray(0, 8)]).toEqual([0x93, 0x9e, 0x92, 0x42, 0x94, 0xd4, 0x8d, 0x86]);
    const find = (seq: number[]) => bytes.indexOf(Buffer.from(seq));
    // 〓田 (81 AC 93 63) where 𠮷田 was; 髙 as NEC-selected IBM extension EE E0; 〜 → 81 60, − → 81 7C, ① → 87 40.
    expect(find([0x81, 0xac, 0x93, 0x63])).toBeGreaterThan(0);
    expect(find([0xee, 0xe0])).toBeGreaterThan(0);
    expect(find([...sjis('改行'), 0x81, 0x60, 0x81, 0x7c, 0x81, 0xac, 0x87, 0x40])).toBeGreaterThan(0);
    expect(find([0x0d, 0x0a])).toBeGreaterThan(0);
    const back = Encoding.codeToString(Encoding.convert([...bytes], { to: 'UNICODE', from: 'SJIS' }));
    const rows = parseCsv(back);
    const header = rows[0]!;
    expect(rows[2]![header.indexOf('世帯主／世帯主の氏名／氏（姓）')]).toBe('〓田');
    expect(rows[2]![header.indexOf('世帯主／世帯主の氏名／名')]).toBe('髙志');
    expect(rows[2]![header.indexOf('被害について／被害の状況')]).toBe(`'=HYPERLINK("x"),カンマと"引用符"\n改行～－〓①`);
  });

  it('is audited with what it contained, needs a procedure, and is refused to platform admins', async () => {
    const events = await ctx.storage.audit.list({ municipalityCode: MITO, limit: 50 });
    const exported = events.filter((e) => e.action === 'submission.export.csv');
    expect(exported.length).toBeGreaterThanOrEqual(3);
    expect(exported[0]!.details).toMatchObject({ procedureId: RISAI, encoding: 'cp932', rows: 2, receiptNumbers: [b.receiptNumber, a.receiptNumber], replaced: ['鷗', '𠮷'] });
    expect((await clerk.client.get(url('')).expect(400)).body.error.code).toBe('procedure_required');
    const filtered = await clerk.client
      .get(url(`procedureId=${RISAI}&assignee=me`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(filtered.headers['x-export-rows']).toBe('1');
    const admin = await signIn(ctx, 'platform-admin', null);
    await admin.client.get(url(`procedureId=${RISAI}`)).expect(403);
  });
});
