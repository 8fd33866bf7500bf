/**
 * Decision notices (issue #21): closing a submission as 処理完了 or 却下 makes
 * the numbered 決定通知書 / 却下通知書 in the same step (却下 needs a reason;
 * a retried close finds the same notice); the PDF carries the 教示文 and the
 * head's title; the resident downloads it with the receipt key, back-office
 * systems with their API key (audited); the template is edited per procedure.
 */
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildInboxApp, MITO, RISAI, signIn, submit, type InboxApp } from '../helpers/inboxApp';
import { makeTempDir } from '../helpers/tempDir';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The PDF's text as poppler reads it, and a PNG of its first page (proof it renders). */
function popplerText(pdf: Buffer, dir: string, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(dir, name)]);
  expect(statSync(join(dir, `${name}.png`)).size).toBeGreaterThan(5000);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

describe('decision notices', () => {
  let ctx: InboxApp;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  const temp = makeTempDir('notices-');
  const dir = temp.path;
  const sub = (id: string, rest = '') => `/municipalities/${MITO}/submissions/${id}${rest}`;
  const move = (id: string, body: object) => clerk.client.post(sub(id, '/status'), body);

  beforeAll(async () => {
    ctx = await buildInboxApp({}, () => new Date('2026-12-06T01:00:00Z'));
    clerk = await signIn(ctx, 'municipal-admin', MITO);
  });
  afterAll(async () => {
    await ctx.close();
    temp.remove();
  });

  it('refuses 却下 without a reason (422, ja/en) and changes nothing; 却下 with a reason makes one numbered notice, also on retry', async () => {
    const a = await submit(ctx);
    await move(a.id, { to: 'in-review', expected: 'received' }).expect(200);

    const ja = await move(a.id, { to: 'rejected', expected: 'in-review' }).expect(422);
    expect(ja.body.error.message).toContain('却下の理由');
    const en = await move(a.id, { to: 'rejected', expected: 'in-review', reason: '   ' }).set('Accept-Language', 'en').expect(422);
    expect(en.body.error.message).toContain('reason for rejecting');
    expect((await ctx.storage.submissions.findById(a.id))!.status).toBe('in-review');
    expect(await ctx.storage.decisionNotices.forSubmission(a.id)).toBeNull();

    const body = { to: 'rejected', expected: 'in-review', reason: '申請の対象となる住家が市外にあるため。' };
    const first = await move(a.id, body).expect(200);
    expect(first.body).toMatchObject({ status: 'rejected', notice: { number: '水戸市指令 第000001号', kind: 'rejected', title: '却下通知書', decidedOn: '2026-12-06' } });
    // The answer was lost and the clerk sends the same request again: the same decision and notice, no second one.
    const retry = await move(a.id, body).expect(200);
    expect(retry.body.notice).toEqual(first.body.notice);
    expect((await ctx.storage.submissions.findById(a.id))!.history.filter((h) => h.to === 'rejected')).toHaveLength(1);
    expect((await clerk.client.get(sub(a.id, '/notice')).expect(200)).body.notice).toEqual(first.body.notice);

    const pdf = await clerk.client.get(sub(a.id, '/notice/pdf')).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = popplerText(pdf.body as Buffer, dir, 'rejected');
    for (const phrase of [
      '水戸市指令 第000001号',
      '令和8年12月6日',
      '却下通知書',
      '水戸市長',
      '申請の対象となる住家が市外にあるため。',
      '3か月以内',
      '6か月以内',
      '水戸市を被告として',
      a.receiptNumber,
    ]) {
      expect(text.replace(/\s+/gu, ' ')).toContain(phrase.replace(/\s+/gu, ' '));
    }
  });

  it('処理完了 makes the next number, a 決定通知書 without 教示文', async () => {
    const b = await submit(ctx);
    for (const [to, expected] of [
      ['in-review', 'received'],
      ['accepted', 'in-review'],
    ])
      await move(b.id, { to, expected }).expect(200);
    const done = await move(b.id, { to: 'completed', expected: 'accepted' }).expect(200);
    expect(done.body.notice).toMatchObject({ number: '水戸市指令 第000002号', kind: 'completed', title: '決定通知書' });
    const pdf = await clerk.client.get(sub(b.id, '/notice/pdf')).buffer(true).parse(binary).expect(200);
    const text = popplerText(pdf.body as Buffer, dir, 'completed');
    expect(text).toContain('決定通知書');
    expect(text).not.toContain('審査請求');
  });

  it('the resident downloads it with the receipt number and key; a wrong key gets 404', async () => {
    const c = await submit(ctx);
    const resident = (key: string, path = '') => request(ctx.app).get(`/api/v1/submissions/${c.receiptNumber}/notice${path}`).set('X-Receipt-Secret', key);
    expect((await resident(c.secret).expect(200)).body).toEqual({ notice: null });
    await move(c.id, { to: 'rejected', expected: 'received', reason: '申請期限を過ぎているため。' }).expect(200);
    expect((await resident(c.secret).expect(200)).body.notice).toMatchObject({ kind: 'rejected', number: '水戸市指令 第000003号' });
    await resident('wrong-key').expect(404);
    await resident('wrong-key', '/pdf').expect(404);
    const pdf = await resident(c.secret, '/pdf').buffer(true).parse(binary).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the pull API shows the notice and serves its PDF to the API key, audited', async () => {
    const key = (await clerk.client.post(`/municipalities/${MITO}/api-keys`, { name: '基幹系', scope: 'read' }).expect(201)).body;
    const d = await submit(ctx);
    await move(d.id, { to: 'rejected', expected: 'received', reason: '重複した申請のため。' }).expect(200);
    const pulled = await request(ctx.app).get(`/api/v1/backoffice/submissions/${d.receiptNumber}`).set('Authorization', `Bearer ${key.token}`).expect(200);
    expect(pulled.body.notice).toEqual({
      number: '水戸市指令 第000004号',
      kind: 'rejected',
      title: '却下通知書',
      decidedOn: '2026-12-06',
      issuedAt: '2026-12-06T01:00:00.000Z',
      href: `/api/v1/backoffice/submissions/${d.receiptNumber}/notice/pdf`,
    });
    const pdf = await request(ctx.app).get(pulled.body.notice.href).set('Authorization', `Bearer ${key.token}`).buffer(true).parse(binary).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await request(ctx.app).get(pulled.body.notice.href).expect(401);
    const audit = await ctx.storage.audit.list({ targetId: d.id, limit: 50 });
    expect(audit.find((e) => e.action === 'notice.read')).toMatchObject({ actor: `api-key:${key.key.id}` });
  });

  it('the template: default first, bad input refused (422 per field, nothing saved), a saved one used by the next notice; preview as PDF', async () => {
    const path = `/municipalities/${MITO}/notice-templates/${RISAI}`;
    const initial = (await clerk.client.get(path).expect(200)).body;
    expect(initial).toMatchObject({ isDefault: true, template: { headTitle: '水戸市長', rejectedTitle: '却下通知書', numberFormat: '{自治体}指令 第{番号}号' } });
    expect(initial.template.appeal).toContain('3か月以内');

    const bad = await clerk.client.send('put', path, { ...initial.template, rejectedTitle: '', rejectedBody: '却下します。', completedBody: '{誕生日}に決定しました。' }).expect(422);
    expect(bad.body.error.fields.map((f: { pointer: string }) => f.pointer).sort()).toEqual(['/completedBody', '/rejectedBody', '/rejectedTitle']);
    expect(JSON.stringify(bad.body.error.fields)).toContain('{理由}');
    const badEn = await clerk.client
      .send('put', path, { ...initial.template, numberFormat: '第号' })
      .set('Accept-Language', 'en')
      .expect(422);
    expect(badEn.body.error.fields[0].message).toContain('{番号}');
    expect((await clerk.client.get(path).expect(200)).body.isDefault).toBe(true);

    const saved = await clerk.client.send('put', path, { ...initial.template, numberFormat: '水指令{年}第{番号}号', headName: '高橋 靖', section: '市民課' }).expect(200);
    expect(saved.body).toMatchObject({ isDefault: false, template: { headName: '高橋 靖' } });
    const e = await submit(ctx);
    const closed = await move(e.id, { to: 'rejected', expected: 'received', reason: '添付書類が不足しているため。' }).expect(200);
    expect(closed.body.notice.number).toBe('水指令令和8年第000005号');
    const text = popplerText((await clerk.client.get(sub(e.id, '/notice/pdf')).buffer(true).parse(binary).expect(200)).body as Buffer, dir, 'custom');
    expect(text.replace(/\s+/gu, ' ')).toContain('水戸市長 高橋 靖');
    expect(text).toContain('市民課');

    await clerk.client.post(`${path}/preview`, { template: { ...initial.template, appeal: '' }, kind: 'rejected' }).expect(422);
    const preview = await clerk.client.post(`${path}/preview`, { template: initial.template, kind: 'rejected' }).buffer(true).parse(binary).expect(200);
    expect(popplerText(preview.body as Buffer, dir, 'preview')).toContain('（却下の理由がここに入ります）');
  });
});
