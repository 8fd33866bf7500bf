/**
 * Applications made at the counter (書かない窓口, issue #19) in the inbox,
 * through real HTTP: the list's channel and its filter, the 「窓口で受付」
 * panel with the answers' sources, the drawn signature behind the
 * submission's own access check, the CSV columns, the pull API, the webhook
 * event, the printed application with its 署名欄, and the paper form printed
 * before submitting. Counter applications are stored through the app's intake
 * as the counter module stores them; no public route can make one.
 */
import request from 'supertest';
import type { CounterOrigin } from '@madoguchi/shared';
import { renderCounterPaperForm } from '../../server/src/modules/pdf/applicationPdf';
import { buildInboxApp, MITO, RISAI, SAPPORO, risaiData, signIn, submit, type InboxApp } from '../helpers/inboxApp';
import { counterOrigin, drawnSignature, signatureDataUrl, submitAtCounter } from '../helpers/counterApplication';
import { pdfText } from '../helpers/pdfText';

const inbox = `/municipalities/${MITO}/inbox`;
const sub = (id: string, rest = '', code = MITO) => `/municipalities/${code}/submissions/${id}${rest}`;
const binary = (r: request.Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = r as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe('counter applications in the inbox', () => {
  let ctx: InboxApp;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let online: Awaited<ReturnType<typeof submit>>;
  let tablet: Awaited<ReturnType<typeof submitAtCounter>>;
  let paper: Awaited<ReturnType<typeof submitAtCounter>>;
  let origin: CounterOrigin;
  const png = drawnSignature();

  beforeAll(async () => {
    ctx = await buildInboxApp();
    clerk = await signIn(ctx, 'staff', MITO, { displayName: '窓口 花子' });
    online = await submit(ctx);
    origin = counterOrigin(clerk.user.id, { confirmation: { method: 'tablet', at: '2026-12-05T01:05:00.000Z', signatureImage: signatureDataUrl(png) } });
    tablet = await submitAtCounter(ctx, origin);
    paper = await submitAtCounter(
      ctx,
      counterOrigin(clerk.user.id, {
        ticketNumber: 'A-008',
        desk: '2番窓口',
        identitySource: 'typed',
        prefilled: false,
        sources: {},
        confirmation: { method: 'paper', at: '2026-12-05T02:00:00.000Z' },
      }),
    );
  });
  afterAll(() => ctx.close());

  it('lists each application with its channel, filters by channel, and refuses an unknown one in the caller’s language', async () => {
    const all = await clerk.client.get(inbox).expect(200);
    const channel = (id: string) => all.body.items.find((i: { id: string }) => i.id === id).channel;
    expect([channel(online.id), channel(tablet.id), channel(paper.id)]).toEqual(['online', 'counter', 'counter']);
    expect(ids((await clerk.client.get(`${inbox}?channel=counter`).expect(200)).body.items)).toEqual([paper.id, tablet.id]);
    expect(ids((await clerk.client.get(`${inbox}?channel=online`).expect(200)).body.items)).toEqual([online.id]);
    const ja = await clerk.client.get(`${inbox}?channel=paper`).expect(400);
    expect(ja.body.error).toMatchObject({ code: 'bad_channel', message: '受付経路の指定が正しくありません（online または counter）。' });
    const en = await clerk.client.get(`${inbox}?channel=paper&lang=en`).expect(400);
    expect(en.body.error.message).toBe('Unknown channel (online or counter).');
  });

  it('shows the 「窓口で受付」 panel: ticket, desk, the clerk by name, how it was entered and confirmed, each answer’s source', async () => {
    const view = (await clerk.client.get(sub(tablet.id)).expect(200)).body;
    expect(view.channel).toBe('counter');
    expect(view.counter).toEqual({
      ticketNumber: 'A-007',
      desk: '1番窓口',
      servedBy: { id: clerk.user.id, name: '窓口 花子' },
      identitySource: 'card',
      prefilled: true,
      sources: origin.sources,
      confirmation: { method: 'tablet', at: '2026-12-05T01:05:00.000Z', signatureHref: `/api/v1/staff/municipalities/${MITO}/submissions/${tablet.id}/counter/signature` },
    });
    // Every source names an answer line of the application (the console tags those lines).
    const pointers = new Set(view.answers.map((a: { pointer: string }) => a.pointer));
    for (const pointer of Object.keys(view.counter.sources)) expect([pointer, pointers.has(pointer)]).toEqual([pointer, true]);
    const onPaper = (await clerk.client.get(sub(paper.id)).expect(200)).body;
    expect(onPaper.counter).toMatchObject({ identitySource: 'typed', prefilled: false, sources: {}, confirmation: { method: 'paper', at: '2026-12-05T02:00:00.000Z' } });
    expect(onPaper.counter.confirmation.signatureHref).toBeUndefined();
    const plain = (await clerk.client.get(sub(online.id)).expect(200)).body;
    expect(plain.channel).toBe('online');
    expect(plain.counter).toBeUndefined();
  });

  it('serves the drawn signature only to those who may read the application, and audits each look', async () => {
    const res = await clerk.client.get(sub(tablet.id, '/counter/signature')).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(res.body as Buffer, png)).toBe(0);
    const events = await ctx.storage.audit.list({ targetId: tablet.id, limit: 20 });
    expect(events.find((e) => e.action === 'submission.signature-image.read')).toMatchObject({ actor: clerk.user.id, details: { receiptNumber: tablet.receiptNumber } });

    expect((await clerk.client.get(sub(paper.id, '/counter/signature')).expect(404)).body.error.code).toBe('signature_not_found');
    await clerk.client.get(sub(online.id, '/counter/signature')).expect(404);
    // Staff of another municipality: refused on Mito's path, not found on their own.
    const sapporo = await signIn(ctx, 'staff', SAPPORO);
    await sapporo.client.get(sub(tablet.id, '/counter/signature')).expect(403);
    await sapporo.client.get(sub(tablet.id, '/counter/signature', SAPPORO)).expect(404);
    // Without inbox.read (a platform admin) and staff bound to other procedures.
    const platform = await signIn(ctx, 'platform-admin', null);
    await platform.client.get(sub(tablet.id, '/counter/signature')).expect(403);
    const bound = await signIn(ctx, 'staff', MITO, { procedureIds: ['jidou-teate-nintei'] });
    await bound.client.get(sub(tablet.id, '/counter/signature')).expect(403);
    await request(ctx.app)
      .get(`/api/v1/staff${sub(tablet.id, '/counter/signature')}`)
      .expect(401);
  });

  it('exports 受付経路 and 対応職員 in the CSV', async () => {
    const res = await clerk.client.get(`${inbox}/export/csv?procedureId=${RISAI}`).buffer(true).parse(binary).expect(200);
    const rows = (res.body as Buffer)
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(','));
    const header = rows[0]!;
    expect(header.slice(8, 11)).toEqual(['電子署名', '受付経路', '対応職員']);
    const row = (receipt: string) => rows.find((r) => r[0] === receipt)!;
    expect(row(tablet.receiptNumber).slice(9, 11)).toEqual(['窓口', '窓口 花子']);
    expect(row(online.receiptNumber).slice(9, 11)).toEqual(['オンライン', '']);
    const keys = await clerk.client.get(`${inbox}/export/csv?procedureId=${RISAI}&header=keys&channel=counter`).buffer(true).parse(binary).expect(200);
    expect(keys.headers['x-export-rows']).toBe('2');
    expect((keys.body as Buffer).subarray(3).toString('utf8').split(',').slice(9, 11)).toEqual(['channel', 'servedBy']);
  });

  it('gives back-office systems the channel, and the counter origin with the drawn signature in the single application', async () => {
    const admin = await signIn(ctx, 'municipal-admin', MITO);
    const key = (await admin.client.post(`/municipalities/${MITO}/api-keys`, { name: '基幹系', scope: 'read' }).expect(201)).body.token as string;
    const bearer = { Authorization: `Bearer ${key}` };
    const list = await request(ctx.app).get('/api/v1/backoffice/submissions').set(bearer).expect(200);
    const listed = (receipt: string) => list.body.items.find((i: { receiptNumber: string }) => i.receiptNumber === receipt);
    expect(listed(tablet.receiptNumber).channel).toBe('counter');
    expect(listed(online.receiptNumber).channel).toBe('online');
    expect(JSON.stringify(list.body)).not.toContain('data:image/png');
    const one = await request(ctx.app).get(`/api/v1/backoffice/submissions/${tablet.receiptNumber}`).set(bearer).expect(200);
    expect(one.body.channel).toBe('counter');
    expect(one.body.counter).toEqual({
      sessionId: 'visit-1',
      ticketNumber: 'A-007',
      desk: '1番窓口',
      servedBy: clerk.user.id,
      servedByName: '窓口 花子',
      identitySource: 'card',
      prefilled: true,
      sources: origin.sources,
      confirmation: { method: 'tablet', at: '2026-12-05T01:05:00.000Z', signatureImage: signatureDataUrl(png) },
    });
    const plain = await request(ctx.app).get(`/api/v1/backoffice/submissions/${online.receiptNumber}`).set(bearer).expect(200);
    expect(plain.body.channel).toBe('online');
    expect(plain.body.counter).toBeUndefined();
  });

  it('says in the webhook event which channel an application came by', async () => {
    const events = await ctx.storage.outbox.pending(50);
    const received = (id: string) => events.find((e) => e.type === 'submission.received' && e.submissionId === id)!;
    expect(received(tablet.id).data).toMatchObject({ channel: 'counter', receiptNumber: tablet.receiptNumber });
    expect(received(online.id).data).toMatchObject({ channel: 'online' });
    expect(JSON.stringify(received(tablet.id).data)).not.toContain('1番窓口');
  });

  it('prints 「窓口で受付」 with desk and clerk and the 署名欄 on the desk’s sheet and the resident’s copy', async () => {
    const sheet = pdfText((await clerk.client.get(sub(tablet.id, '/pdf')).buffer(true).parse(binary).expect(200)).body as Buffer).join('\n');
    for (const words of ['窓口で受付', 'A-007', '1番窓口', '窓口 花子', 'マイナンバーカードから読取', 'タブレットで確認', '上記の内容に相違ありません。', '署名欄', '令和8年12月5日'])
      expect([words, sheet.includes(words)]).toEqual([words, true]);
    const onPaper = pdfText((await clerk.client.get(sub(paper.id, '/pdf')).buffer(true).parse(binary).expect(200)).body as Buffer).join('\n');
    expect(onPaper).toContain('紙の申請書に署名（原本は窓口で保管）');
    const plain = pdfText((await clerk.client.get(sub(online.id, '/pdf')).buffer(true).parse(binary).expect(200)).body as Buffer).join('\n');
    expect(plain).not.toContain('窓口で受付');
    expect(plain).not.toContain('署名欄');

    const copy = await request(ctx.app).get(`/api/v1/submissions/${tablet.receiptNumber}/pdf`).set('X-Receipt-Secret', tablet.secret).buffer(true).parse(binary).expect(200);
    const copyText = pdfText(copy.body as Buffer).join('\n');
    expect(copyText).toContain('窓口で受付した申請の控え');
    expect(copyText).toContain('窓口で受付　受付番号 A-007　1番窓口　対応職員 窓口 花子');
    expect(copyText).toContain('署名欄');
    // The drawn signature is in the file as an image.
    expect((copy.body as Buffer).toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('prints a counter application before it is submitted with an empty 署名欄 for signing on paper', async () => {
    const version = (await ctx.storage.procedures.getPublished('preset', RISAI))!;
    const pdf = await renderCounterPaperForm({
      version,
      data: risaiData(),
      counter: { ticketNumber: 'A-009', desk: '3番窓口', servedBy: clerk.user.id, identitySource: 'typed', prefilled: false },
      municipalityName: '水戸市',
      clerkName: '窓口 花子',
    });
    const text = pdfText(pdf).join('\n');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const words of [
      '罹災証明書の発行申請',
      '水戸市長　様',
      '窓口で受付　受付番号 A-009　3番窓口　対応職員 窓口 花子',
      '世帯主の氏名',
      '上記の内容に相違ありません。',
      '署名欄',
      '日付',
      '令和　　　年　　　月　　　日',
      '署名',
    ])
      expect([words, text.includes(words)]).toEqual([words, true]);
    expect(text).not.toContain('到達番号');
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it('takes no counter origin from a resident’s request (the body’s extra key is ignored)', async () => {
    const res = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
      .send({ data: risaiData(), counter: counterOrigin(clerk.user.id) })
      .expect(201);
    const stored = await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber);
    expect(stored!.counter).toBeUndefined();
    expect((await ctx.storage.inbox.getMeta(stored!.id))!.channel).toBe('online');
  });

  it('drops the source of an answer the applicant changed later in a correction (補正)', async () => {
    const corrected = await submitAtCounter(ctx, counterOrigin(clerk.user.id));
    await clerk.client.post(sub(corrected.id, '/status'), { to: 'in-review' }).expect(200);
    await clerk.client.post(sub(corrected.id, '/correction-request'), { message: 'お名前をご確認ください。', fields: ['/householder/name/givenName'] }).expect(200);
    await request(ctx.app)
      .post(`/api/v1/submissions/${corrected.receiptNumber}/correction`)
      .set('X-Receipt-Secret', corrected.secret)
      .send({ changes: { '/householder/name/givenName': '太朗' } })
      .expect(200);
    const view = (await clerk.client.get(sub(corrected.id)).expect(200)).body;
    expect(view.revision).toBe(2);
    const { '/householder/name/givenName': _changed, ...kept } = origin.sources;
    expect(view.counter.sources).toEqual(kept);
  });
});
