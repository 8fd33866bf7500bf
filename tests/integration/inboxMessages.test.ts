/**
 * The desk ⇄ applicant message thread (issue #21) through real HTTP: one
 * thread per submission holding the 補正依頼, its answer and free messages in
 * order; files with the messages; unread marks on both sides and the inbox's
 * 「未読メッセージあり」 filter; content-free e-mail notices through the outbox
 * to a real SMTP server; bad input refused with nothing stored; wrong key and
 * another municipality's staff refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { SMTPServer } from 'smtp-server';
import { buildInboxApp, manualClock, MITO, SAPPORO, risaiData, signIn, submit, type InboxApp, type Submitted } from '../helpers/inboxApp';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));

/** The text part of a mail as nodemailer writes it (base64 or quoted-printable). */
function mailText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const words = head!.replace(/\r?\n[ \t]+/g, ' ').replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, t: string) => Buffer.from(t, 'base64').toString('utf8'));
  const body = rest.join('\n\n');
  const text = /Content-Transfer-Encoding: base64/i.test(head!)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : Buffer.from(
        body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
  return `${words}\n${text}`;
}

describe('message thread between the desk and the applicant', () => {
  const clock = manualClock(new Date('2026-11-20T09:00:00Z'));
  const tick = () => clock.advance(60_000);
  const mails: Array<{ to: string; raw: string }> = [];
  let smtp: SMTPServer;
  let ctx: InboxApp;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let s: Submitted;
  const staffPath = (rest = '') => `/municipalities/${MITO}/submissions/${s.id}${rest}`;
  const residentGet = () => request(ctx.app).get(`/api/v1/submissions/${s.receiptNumber}/messages`).set('X-Receipt-Secret', s.secret);
  const residentPost = () => request(ctx.app).post(`/api/v1/submissions/${s.receiptNumber}/messages`).set('X-Receipt-Secret', s.secret);
  const staffPost = () => clerk.client.agent.post(`/api/v1/staff${staffPath('/messages')}`).set('X-CSRF-Token', clerk.client.csrf);
  const drain = () => ctx.services.desk.dispatcher.drain();

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => (mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw }), callback()));
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    ctx = await buildInboxApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: '水戸市 <no-reply@city.mito.example>', PUBLIC_URL: 'http://madoguchi.example.jp' }, clock.now);
    clerk = await signIn(ctx, 'staff', MITO, { displayName: '窓口 花子', email: 'hanako@city.mito.example' });
    s = await submit(
      ctx,
      risaiData((d) => (d.currentContact.email = 'taro@example.jp')),
    );
    await drain();
    mails.length = 0;
  });
  afterAll(async () => {
    await ctx.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('refuses a wrong key, and staff of another municipality', async () => {
    await request(ctx.app).get(`/api/v1/submissions/${s.receiptNumber}/messages`).set('X-Receipt-Secret', 'wrong').expect(404);
    await request(ctx.app).post(`/api/v1/submissions/${s.receiptNumber}/messages`).set('X-Receipt-Secret', 'wrong').field('body', 'こんにちは').expect(404);
    const other = await signIn(ctx, 'staff', SAPPORO);
    await other.client.get(staffPath('/messages')).expect(403);
    await other.client.agent
      .post(`/api/v1/staff${staffPath('/messages')}`)
      .set('X-CSRF-Token', other.client.csrf)
      .field('body', 'x')
      .expect(403);
    expect(await ctx.storage.inbox.listMessages(s.id)).toEqual([]);
  });

  it('refuses bad input in Japanese (or English) and stores nothing', async () => {
    expect((await staffPost().field('body', '  ').expect(400)).body.error).toMatchObject({ code: 'message_required', message: 'メッセージを入力してください（2000文字以内）。' });
    expect((await staffPost().field('body', 'あ'.repeat(2001)).expect(400)).body.error.code).toBe('message_too_long');
    const wrongType = await residentPost().query({ lang: 'en' }).field('body', 'photo').attach('files', fixture('not-an-image.jpg'), 'x.jpg').expect(415);
    expect(wrongType.body.error.message).toBe('"x.jpg" cannot be attached. Allowed: PDF, JPEG, PNG.');
    const tooMany = residentPost().field('body', 'four files');
    for (let i = 0; i < 4; i++) tooMany.attach('files', fixture('doc.pdf'), `d${i}.pdf`);
    expect((await tooMany.expect(400)).body.error.code).toBe('too_many_files');
    expect(await ctx.storage.inbox.listMessages(s.id)).toEqual([]);
    expect(await ctx.storage.messageReads.unreadByDesk(MITO)).toEqual([]);
  });

  it('puts the correction round trip and free messages into one thread, in order, with files', async () => {
    tick();
    await staffPost().field('body', '書類を確認しています。写真をもう1枚お送りください。').attach('files', fixture('doc.pdf'), '記入例.pdf').expect(201);
    tick();
    await clerk.client.post(staffPath('/status'), { to: 'in-review' }).expect(200);
    await clerk.client.post(staffPath('/correction-request'), { message: '電話番号をご確認ください。', fields: ['/currentContact/phone'] }).expect(200);
    tick();
    await request(ctx.app).post(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', s.secret).send({ message: '直しました。' }).expect(200);
    tick();

    // The resident sees the desk's two messages as unread, then they are read.
    const first = await residentGet().expect(200);
    expect(first.body.items.map((i: { kind: string; from: string; body: string; unread: boolean; authorName: string }) => [i.kind, i.from, i.body, i.unread, i.authorName])).toEqual([
      ['message', 'desk', '書類を確認しています。写真をもう1枚お送りください。', true, '窓口'],
      ['correction-request', 'desk', '電話番号をご確認ください。', true, '窓口'],
      ['correction-answer', 'applicant', '直しました。', false, '申請者'],
    ]);
    expect(first.body.unreadCount).toBe(2);
    expect(first.body.items[1].fields).toEqual(['/currentContact/phone']);
    const file = first.body.items[0].attachments[0];
    expect(file).toMatchObject({ fileName: '記入例.pdf', mediaType: 'application/pdf' });
    const download = await request(ctx.app).get(`/api/v1/submissions/${s.receiptNumber}/messages/files/${file.id}`).set('X-Receipt-Secret', s.secret).expect(200);
    expect(Buffer.compare(download.body as Buffer, fixture('doc.pdf'))).toBe(0);
    await request(ctx.app).get(`/api/v1/submissions/${s.receiptNumber}/messages/files/${file.id}`).set('X-Receipt-Secret', 'wrong').expect(404);
    expect((await residentGet().expect(200)).body.unreadCount).toBe(0);
    // The correction panel keeps to the correction; free messages are in the thread only (no double listing).
    const correction = await request(ctx.app).get(`/api/v1/submissions/${s.receiptNumber}/correction`).set('X-Receipt-Secret', s.secret).expect(200);
    expect(correction.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['correction-request', 'correction-answer']);

    // The resident replies with a photo; the desk sees it as unread, in the list too.
    await residentPost().field('body', '写真を追加しました。').attach('files', fixture('photo.png'), '写真.png').expect(201);
    const list = await clerk.client.get(`/municipalities/${MITO}/inbox?messages=unread`).expect(200);
    expect(list.body.items.map((i: { id: string; unreadMessages?: boolean }) => [i.id, i.unreadMessages])).toEqual([[s.id, true]]);
    const thread = await clerk.client.get(staffPath('/messages')).expect(200);
    expect(thread.body.items.map((i: { kind: string; unread: boolean; authorName: string }) => [i.kind, i.unread, i.authorName])).toEqual([
      ['message', false, '窓口 花子'],
      ['correction-request', false, '窓口 花子'],
      ['correction-answer', true, '申請者'],
      ['message', true, '申請者'],
    ]);
    const photo = thread.body.items[3].attachments[0];
    await clerk.client.get(staffPath(`/files/${photo.id}`)).expect(200);
    // Opening the thread marked it read: the filter no longer finds it, the badge is gone.
    expect((await clerk.client.get(`/municipalities/${MITO}/inbox?messages=unread`).expect(200)).body.items).toEqual([]);
    expect((await clerk.client.get(`/municipalities/${MITO}/inbox`).expect(200)).body.items[0].unreadMessages).toBeUndefined();
    await clerk.client.get(`/municipalities/${MITO}/inbox?messages=bogus`).expect(400);

    const audit = await ctx.storage.audit.list({ targetId: s.id, limit: 100 });
    expect(
      audit
        .filter((e) => e.action === 'submission.message.sent')
        .map((e) => e.actor)
        .sort(),
    ).toEqual([clerk.user.id, `applicant:${s.receiptNumber}`].sort());
    expect(audit.some((e) => e.action === 'submission.read' && e.actor === clerk.user.id && (e.details as { thread?: boolean }).thread)).toBe(true);
  });

  it('sends e-mail notices without the message text: to the applicant, and to the desk', async () => {
    await drain();
    const toTaro = mails.filter((m) => m.to === 'taro@example.jp').map((m) => mailText(m.raw));
    const notice = toTaro.find((t) => t.includes('窓口からメッセージが届いています。状況確認ページでご確認ください。'));
    expect(notice).toBeDefined();
    expect(notice).toContain(`http://madoguchi.example.jp/status/${s.receiptNumber}`);
    expect(notice).not.toContain('写真をもう1枚');
    const toDesk = mails.filter((m) => m.to === 'hanako@city.mito.example').map((m) => mailText(m.raw));
    expect(toDesk).toHaveLength(1);
    expect(toDesk[0]).toContain('申請者からメッセージが届いています。');
    expect(toDesk[0]).not.toContain('写真を追加しました');
  });

  it('allows messages after a decision, until retention strips the submission', async () => {
    await clerk.client.post(staffPath('/status'), { to: 'rejected', reason: '対象の住家が市外にあるため。' }).expect(200);
    await residentPost().field('body', '決定について質問があります。').expect(201);
    await ctx.storage.inbox.strip(s.id, clock.now());
    expect((await residentPost().field('body', 'まだ送れますか').expect(409)).body.error.code).toBe('thread_closed');
  });
});
