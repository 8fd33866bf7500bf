/**
 * Sensitive answers (issue #8): a procedure a municipality imported, with a
 * bank account marked `x-sensitive` and a 個人番号, goes through the real app.
 * List and view mask them; a reveal shows them only to permitted roles of the
 * own municipality and leaves an audit event without the values; the CSV is
 * masked unless a municipal admin asks for the sensitive columns (audited);
 * the PDF is masked unless asked for.
 */
import request from 'supertest';
import { buildInboxApp, MITO, SAPPORO, signIn, type InboxApp } from '../helpers/inboxApp';
import { pdfText } from '../helpers/pdfText';

const PROCEDURE = 'kyufukin-shinsei';
const ACCOUNT_NUMBER = '7654321';
const BANK = 'みと信用金庫';
const MY_NUMBER = '123456789018';
const cat = `/municipalities/${MITO}/catalog`;

const plainForm = {
  schema: {
    type: 'object',
    title: '見舞金の申請',
    required: ['applicantName', 'account'],
    properties: {
      applicantName: { type: 'string', title: '申請者の氏名', maxLength: 40 },
      account: {
        type: 'object',
        title: '振込先口座',
        'x-sensitive': true,
        required: ['bankName', 'accountNumber'],
        properties: {
          bankName: { type: 'string', title: '金融機関名', maxLength: 40 },
          accountNumber: { type: 'string', title: '口座番号', pattern: '^[0-9]{7}$' },
        },
      },
      myNumber: { type: 'string', title: '個人番号', format: 'my-number' },
      note: { type: 'string', title: '連絡事項', maxLength: 200 },
    },
  },
  uiSchema: {},
};

const binary = (r: request.Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = r as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('sensitive answers in the inbox', () => {
  let ctx: InboxApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let submissionId: string;
  const sub = (suffix = '') => `/municipalities/${MITO}/submissions/${submissionId}${suffix}`;
  const csv = (query = '') => `/municipalities/${MITO}/inbox/export/csv?procedureId=${PROCEDURE}${query}`;
  const noValues = (text: string) => {
    expect(text).not.toContain(ACCOUNT_NUMBER);
    expect(text).not.toContain(BANK);
    expect(text).not.toContain(MY_NUMBER);
  };

  beforeAll(async () => {
    ctx = await buildInboxApp();
    admin = await signIn(ctx, 'municipal-admin', MITO);
    clerk = await signIn(ctx, 'staff', MITO);
    await admin.client.post(`${cat}/procedures/import`, { id: PROCEDURE, file: plainForm }).expect(201);
    await admin.client.post(`${cat}/procedures/${PROCEDURE}/publish`).expect(201);
    const res = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${PROCEDURE}/submissions`)
      .send({ data: { applicantName: '水戸 花子', account: { bankName: BANK, accountNumber: ACCOUNT_NUMBER }, myNumber: MY_NUMBER, note: '平日の午前に連絡可' } })
      .expect(201);
    submissionId = (await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber))!.id;
  });
  afterAll(() => ctx.close());

  it('masks them in the list and the view, keeping the last four digits of 個人番号 only', async () => {
    noValues(JSON.stringify((await clerk.client.get(`/municipalities/${MITO}/inbox`).expect(200)).body));
    const view = (await clerk.client.get(sub()).expect(200)).body;
    noValues(JSON.stringify(view));
    const line = (pointer: string) => view.answers.find((l: { pointer: string }) => l.pointer === pointer);
    expect(line('/applicantName')).toMatchObject({ value: '水戸 花子' });
    expect(line('/applicantName').sensitive).toBeUndefined();
    expect(line('/account/accountNumber')).toMatchObject({ value: '＊＊＊（非表示）', sensitive: true });
    expect(line('/account/bankName')).toMatchObject({ value: '＊＊＊（非表示）', sensitive: true });
    expect(line('/myNumber')).toMatchObject({ value: '********9018', sensitive: true });
    expect(line('/note').value).toBe('平日の午前に連絡可');
  });

  it('reveals them to staff of the municipality on request, audited with pointers and labels only', async () => {
    const res = await clerk.client.post(sub('/reveal'), { pointers: ['/account', '/note'] }).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    // '/note' is not sensitive: the reveal route gives sensitive answers only.
    expect(res.body.answers).toEqual([
      { pointer: '/account/bankName', label: '金融機関名', value: BANK },
      { pointer: '/account/accountNumber', label: '口座番号', value: ACCOUNT_NUMBER },
    ]);
    const events = await ctx.storage.audit.list({ targetId: submissionId, limit: 20 });
    const revealed = events.find((e) => e.action === 'submission.sensitive.revealed' && e.actor === clerk.user.id)!;
    expect(revealed.details).toMatchObject({
      fields: [
        { pointer: '/account/bankName', label: '金融機関名' },
        { pointer: '/account/accountNumber', label: '口座番号' },
      ],
    });
    noValues(JSON.stringify(events));

    const adminReveal = await admin.client.post(sub('/reveal'), { pointers: ['/myNumber'] }).expect(200);
    expect(adminReveal.body.answers).toEqual([{ pointer: '/myNumber', label: '個人番号', value: MY_NUMBER }]);
  });

  it('refuses the reveal to other municipalities, platform admins, staff bound to other procedures, and malformed requests', async () => {
    const sapporo = await signIn(ctx, 'staff', SAPPORO);
    const platform = await signIn(ctx, 'platform-admin', null);
    const bound = await signIn(ctx, 'staff', MITO, { procedureIds: ['risai-shomeisho'] });
    for (const other of [sapporo, platform, bound]) {
      const res = await other.client.post(sub('/reveal'), { pointers: ['/account'] });
      expect(res.status).toBe(403);
      noValues(JSON.stringify(res.body));
    }
    // Pointers go in the body: a query string is not read, and a bad body is a 400 that echoes nothing.
    const bad = await clerk.client.post(`${sub('/reveal')}?pointers=/account`, {}).expect(400);
    expect(bad.body.error.code).toBe('bad_pointers');
    await clerk.client.post(sub('/reveal'), { pointers: ['account'] }).expect(400);
    const before = (await ctx.storage.audit.list({ targetId: submissionId, limit: 50 })).filter((e) => e.actor === sapporo.user.id);
    expect(before).toEqual([]);
  });

  it('exports a masked CSV by default, and the clear one only to a municipal admin who asks (audited)', async () => {
    const masked = await clerk.client.get(csv()).buffer(true).parse(binary).expect(200);
    const maskedText = (masked.body as Buffer).toString('utf8');
    noValues(maskedText);
    expect(maskedText).toContain('＊＊＊（非表示）');
    expect(maskedText).toContain('********9018');
    expect(maskedText).toContain('水戸 花子');

    const refused = await clerk.client.get(csv('&includeSensitive=1')).expect(403);
    expect(refused.body.error.code).toBe('forbidden');

    const clear = await admin.client.get(csv('&includeSensitive=1')).buffer(true).parse(binary).expect(200);
    const clearText = (clear.body as Buffer).toString('utf8');
    expect(clearText).toContain(ACCOUNT_NUMBER);
    expect(clearText).toContain(MY_NUMBER);

    const exports = (await ctx.storage.audit.list({ municipalityCode: MITO, limit: 50 })).filter((e) => e.action === 'submission.export.csv');
    const sensitive = exports.filter((e) => e.details.includesSensitive === true);
    expect(sensitive).toHaveLength(1);
    expect(sensitive[0]).toMatchObject({ actor: admin.user.id, details: { sensitiveColumns: ['account.bankName', 'account.accountNumber', 'myNumber'] } });
    expect(exports.filter((e) => e.details.includesSensitive === false).length).toBeGreaterThanOrEqual(1);
    noValues(JSON.stringify(exports));
  });

  it('prints the PDF masked unless the reader asks and may reveal', async () => {
    const masked = await clerk.client.get(sub('/pdf')).buffer(true).parse(binary).expect(200);
    const maskedText = pdfText(masked.body as Buffer).join('\n');
    expect(maskedText).toContain('＊＊＊（非表示）');
    expect(maskedText).not.toContain(ACCOUNT_NUMBER);
    const clear = await clerk.client.get(sub('/pdf?includeSensitive=1')).buffer(true).parse(binary).expect(200);
    expect(pdfText(clear.body as Buffer).join('\n')).toContain(ACCOUNT_NUMBER);
    const pdfs = (await ctx.storage.audit.list({ targetId: submissionId, limit: 50 })).filter((e) => e.action === 'submission.export.pdf');
    expect(pdfs.map((e) => e.details.includesSensitive).sort()).toEqual([false, true]);
  });
});
