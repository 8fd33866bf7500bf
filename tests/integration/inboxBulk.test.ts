/**
 * Bulk work and saved views in the staff inbox (issue #21) through real HTTP on
 * a real SQLite file: bulk assignment, bulk status moves with some refused
 * (and why), "all that match the filter" run again on the server, the caps,
 * other municipalities' ids refused, CSV and one-file PDF of the chosen
 * applications, saved views (personal and per desk) and the page size.
 */
import { execFileSync } from 'node:child_process';
import type request from 'supertest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInboxApp, MITO, SAPPORO, risaiData, setHouseholder, signIn, submit, type InboxApp, type Submitted } from '../helpers/inboxApp';
import { makeTempDir } from '../helpers/tempDir';

const base = `/municipalities/${MITO}/inbox`;
const binary = (r: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};
const tmp = makeTempDir();
/** Pages of a PDF as poppler's pdfinfo reads them (a real parser, not our own writer's view). */
function pageCount(pdf: Buffer): number {
  const file = join(tmp.path, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
}

describe('inbox bulk work and saved views', () => {
  let ctx: InboxApp;
  let clerk: Awaited<ReturnType<typeof signIn>>;
  let colleague: Awaited<ReturnType<typeof signIn>>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  const subs: Submitted[] = [];
  let foreign: Submitted;

  beforeAll(async () => {
    ctx = await buildInboxApp();
    clerk = await signIn(ctx, 'staff', MITO, { displayName: '窓口 花子' });
    colleague = await signIn(ctx, 'staff', MITO, { displayName: '審査 次郎' });
    admin = await signIn(ctx, 'municipal-admin', MITO, { displayName: '管理 三郎' });
    for (const [i, name] of ['一郎', '二郎', '三郎', '四郎'].entries())
      subs.push(
        await submit(
          ctx,
          risaiData((d) => setHouseholder(d, '水戸', name, 'ミト', `${'イジサシ'[i]}ロウ`)),
        ),
      );
    foreign = await submit(ctx, risaiData(), SAPPORO);
    await ctx.storage.desks.set({ municipalityCode: MITO, desks: [{ id: 'desk-shimin', name: '市民課' }], updatedAt: new Date().toISOString(), updatedBy: admin.user.id });
  });
  afterAll(async () => {
    await ctx.close();
    tmp.remove();
  });

  it('assigns many at once, refuses ids of other municipalities or unknown, and a retry changes nothing', async () => {
    const ids = [subs[0]!.id, subs[1]!.id, foreign.id, 'no-such-id'];
    const res = await clerk.client.post(`${base}/bulk/assign`, { selection: { ids }, assigneeId: colleague.user.id }).expect(200);
    expect(res.body.changed).toEqual([
      { id: subs[0]!.id, receiptNumber: subs[0]!.receiptNumber },
      { id: subs[1]!.id, receiptNumber: subs[1]!.receiptNumber },
    ]);
    expect(res.body.refused).toEqual([
      { id: foreign.id, receiptNumber: null, code: 'submission_not_found', message: '申請が見つかりません。' },
      { id: 'no-such-id', receiptNumber: null, code: 'submission_not_found', message: '申請が見つかりません。' },
    ]);
    expect((await ctx.storage.submissions.findById(foreign.id))!.assigneeId).toBeUndefined();
    expect((await ctx.storage.submissions.findById(subs[1]!.id))!.assigneeId).toBe(colleague.user.id);
    // One audit event per submission, as a single assignment leaves.
    const events = await ctx.storage.audit.list({ municipalityCode: MITO, limit: 50 });
    expect(
      events
        .filter((e) => e.action === 'submission.assign' && e.actor === clerk.user.id)
        .map((e) => e.targetId)
        .sort(),
    ).toEqual([subs[0]!.id, subs[1]!.id].sort());

    const retry = await clerk.client.post(`${base}/bulk/assign`, { selection: { ids: [subs[0]!.id, subs[1]!.id] }, assigneeId: colleague.user.id }).expect(200);
    expect(retry.body).toMatchObject({ changed: [], refused: [] });
    expect(retry.body.unchanged).toHaveLength(2);

    // An assignee of another municipality refuses the whole request; nothing changes.
    const sapporoStaff = await signIn(ctx, 'staff', SAPPORO);
    const bad = await clerk.client.post(`${base}/bulk/assign?lang=en`, { selection: { ids: [subs[2]!.id] }, assigneeId: sapporoStaff.user.id }).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_assignee', message: 'Only an active account of this municipality can be assigned.' });
    expect((await ctx.storage.submissions.findById(subs[2]!.id))!.assigneeId).toBeUndefined();
    // Another municipality's staff cannot act on this inbox at all.
    await sapporoStaff.client.post(`${base}/bulk/assign`, { selection: { ids: [subs[2]!.id] }, assigneeId: null }).expect(403);
    // Nor reach these ids through their own municipality's path.
    const own = await sapporoStaff.client.post(`/municipalities/${SAPPORO}/inbox/bulk/assign`, { selection: { ids: [subs[2]!.id] }, assigneeId: sapporoStaff.user.id }).expect(200);
    expect(own.body.refused.map((r: { code: string }) => r.code)).toEqual(['submission_not_found']);
    expect((await ctx.storage.submissions.findById(subs[2]!.id))!.assigneeId).toBeUndefined();
  });

  it('moves statuses each checked against the transitions table: what moved, what was refused and why (ja/en)', async () => {
    await clerk.client.post(`/municipalities/${MITO}/submissions/${subs[1]!.id}/status`, { to: 'in-review' }).expect(200);
    await clerk.client.post(`/municipalities/${MITO}/submissions/${subs[2]!.id}/status`, { to: 'in-review' }).expect(200);
    const res = await clerk.client
      .post(`${base}/bulk/status`, {
        selection: { ids: [subs[0]!.id, subs[1]!.id, subs[2]!.id] },
        to: 'accepted',
        // subs[2] was seen as received: someone moved it meanwhile.
        expected: { [subs[2]!.id]: 'received' },
      })
      .expect(200);
    expect(res.body.changed).toEqual([{ id: subs[1]!.id, receiptNumber: subs[1]!.receiptNumber }]);
    expect(res.body.refused).toEqual([
      { id: subs[0]!.id, receiptNumber: subs[0]!.receiptNumber, code: 'illegal_transition', message: '「到達」から「受理」には変更できません。' },
      { id: subs[2]!.id, receiptNumber: subs[2]!.receiptNumber, code: 'stale_status', message: expect.stringContaining('他の職員によって更新されました') },
    ]);
    expect((await ctx.storage.submissions.findById(subs[0]!.id))!.status).toBe('received');
    expect((await ctx.storage.submissions.findById(subs[1]!.id))!.status).toBe('accepted');
    const audit = await ctx.storage.audit.list({ targetId: subs[1]!.id, limit: 10 });
    expect(audit.find((e) => e.action === 'submission.status')).toMatchObject({ actor: clerk.user.id, details: { from: 'in-review', to: 'accepted' } });

    // Retried (in English): the one that moved is unchanged, the refusals are said in English.
    const retry = await clerk.client.post(`${base}/bulk/status?lang=en`, { selection: { ids: [subs[0]!.id, subs[1]!.id] }, to: 'accepted' }).expect(200);
    expect(retry.body.unchanged).toEqual([{ id: subs[1]!.id, receiptNumber: subs[1]!.receiptNumber }]);
    expect(retry.body.refused[0]).toMatchObject({ code: 'illegal_transition', message: 'A submission cannot move from "到達" to "受理".' });

    // A bad command refuses the whole request.
    expect((await clerk.client.post(`${base}/bulk/status`, { selection: { ids: [subs[0]!.id] }, to: 'bogus' }).expect(400)).body.error.code).toBe('bad_status');
    expect((await clerk.client.post(`${base}/bulk/status`, { selection: { ids: [subs[0]!.id] }, to: 'correction-requested' }).expect(400)).body.error.code).toBe('use_correction_request');
    expect((await clerk.client.post(`${base}/bulk/status`, { selection: { ids: [subs[0]!.id] }, to: 'in-review', publicNote: 'x'.repeat(2001) }).expect(400)).body.error.code).toBe('note_too_long');
    expect((await ctx.storage.submissions.findById(subs[0]!.id))!.status).toBe('received');
  });

  it('rejects many with one reason: refused as a whole without it (422, ja/en), then each gets its own numbered 却下通知書', async () => {
    const batch = [await submit(ctx), await submit(ctx)];
    const ids = batch.map((b) => b.id);
    const ja = await clerk.client.post(`${base}/bulk/status`, { selection: { ids }, to: 'rejected' }).expect(422);
    expect(ja.body.error.message).toContain('却下の理由');
    const en = await clerk.client.post(`${base}/bulk/status?lang=en`, { selection: { ids }, to: 'rejected', reason: '  ' }).expect(422);
    expect(en.body.error.message).toContain('reason for rejecting');
    for (const id of ids) {
      expect((await ctx.storage.submissions.findById(id))!.status).toBe('received');
      expect(await ctx.storage.decisionNotices.forSubmission(id)).toBeNull();
    }

    const res = await clerk.client.post(`${base}/bulk/status`, { selection: { ids }, to: 'rejected', reason: '受付期間を過ぎているため。' }).expect(200);
    expect(res.body.changed.map((c: { receiptNumber: string }) => c.receiptNumber).sort()).toEqual(batch.map((b) => b.receiptNumber).sort());
    const notices = await Promise.all(ids.map((id) => ctx.storage.decisionNotices.forSubmission(id)));
    expect(notices.map((n) => n!.kind)).toEqual(['rejected', 'rejected']);
    expect(new Set(notices.map((n) => n!.number)).size).toBe(2);
    for (const n of notices) expect(JSON.stringify(n!.texts)).toContain('受付期間を過ぎているため。');
  });

  it('"all that match the filter" is the list’s own query run again on the server, scoped as the list is', async () => {
    // A clerk bound to another procedure matches nothing here, whatever the filter.
    const bound = await signIn(ctx, 'staff', MITO, { procedureIds: ['jidou-teate-nintei'] });
    const none = await bound.client.post(`${base}/bulk/status`, { selection: { filter: { status: 'received' } }, to: 'in-review' }).expect(200);
    expect(none.body).toEqual({ changed: [], unchanged: [], refused: [] });
    // Named by id, this procedure's submissions are refused to that clerk, as a single move would be (403).
    const named = await bound.client.post(`${base}/bulk/status`, { selection: { ids: [subs[3]!.id] }, to: 'in-review' }).expect(200);
    expect(named.body.refused).toEqual([{ id: subs[3]!.id, receiptNumber: null, code: 'forbidden', message: 'この申請を操作する権限がありません。' }]);

    const listed = await clerk.client.get(`${base}?status=received`).expect(200);
    // "All N that match": N as the server counts it.
    expect((await clerk.client.get(`${base}/bulk/count?status=received`).expect(200)).body).toEqual({ count: 2, more: false, max: 500 });
    expect((await bound.client.get(`${base}/bulk/count?status=received`).expect(200)).body.count).toBe(0);
    const res = await clerk.client.post(`${base}/bulk/status`, { selection: { filter: { status: 'received' } }, to: 'in-review' }).expect(200);
    expect(res.body.changed.map((c: { id: string }) => c.id).sort()).toEqual(listed.body.items.map((i: { id: string }) => i.id).sort());
    expect(res.body.changed.map((c: { id: string }) => c.id).sort()).toEqual([subs[0]!.id, subs[3]!.id].sort());
    expect((await clerk.client.get(`${base}?status=received`).expect(200)).body.items).toEqual([]);
    expect((await ctx.storage.submissions.findById(foreign.id))!.status).toBe('received');

    expect((await clerk.client.post(`${base}/bulk/status`, { selection: { filter: { status: 'nonsense' } }, to: 'in-review' }).expect(400)).body.error.code).toBe('bad_query');
    expect((await clerk.client.post(`${base}/bulk/status`, { selection: { ids: [subs[0]!.id], filter: {} }, to: 'in-review' }).expect(400)).body.error.code).toBe('bad_selection');
    expect((await clerk.client.post(`${base}/bulk/status`, { selection: { ids: [] }, to: 'in-review' }).expect(400)).body.error.code).toBe('bad_selection');
  });

  it('refuses more than the cap with a clear message, changing nothing', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => (i === 0 ? subs[3]!.id : `x-${i}`));
    const res = await clerk.client.post(`${base}/bulk/assign`, { selection: { ids }, assigneeId: clerk.user.id }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'bulk_too_large', message: '一度に操作できるのは500件までです。検索条件で絞り込んでから、もう一度操作してください。' });
    expect((await ctx.storage.submissions.findById(subs[3]!.id))!.assigneeId).toBeUndefined();
    const pdf = await clerk.client.post(`${base}/bulk/pdf?lang=en`, { selection: { ids: ids.slice(0, 51) } }).expect(400);
    expect(pdf.body.error).toMatchObject({ code: 'bulk_too_large', message: expect.stringContaining('At most 50 applications can be printed as one PDF') });
  });

  it('prints the chosen applications as ONE PDF (pages of each, in order), each print audited', async () => {
    const single = async (id: string) => pageCount((await clerk.client.get(`/municipalities/${MITO}/submissions/${id}/pdf`).buffer(true).parse(binary).expect(200)).body as Buffer);
    const expected = (await single(subs[0]!.id)) + (await single(subs[1]!.id)) + (await single(subs[2]!.id));
    const res = await clerk.client
      .post(`${base}/bulk/pdf`, { selection: { ids: [subs[0]!.id, subs[1]!.id, subs[2]!.id] } })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('申請書_3件_'));
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(expected);
    expect(expected).toBeGreaterThanOrEqual(3);
    const events = await ctx.storage.audit.list({ targetId: subs[2]!.id, limit: 20 });
    expect(events.find((e) => e.action === 'submission.export.pdf' && e.details.bulk === 3)).toMatchObject({ actor: clerk.user.id, details: { includesSensitive: false } });
    // Another municipality's id in the selection refuses the whole print.
    expect((await clerk.client.post(`${base}/bulk/pdf`, { selection: { ids: [subs[0]!.id, foreign.id] } }).expect(404)).body.error.code).toBe('submission_not_found');
  });

  it('exports the chosen submissions as CSV', async () => {
    const res = await clerk.client
      .post(`${base}/bulk/export/csv`, { selection: { ids: [subs[0]!.id, subs[2]!.id] } })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['x-export-rows']).toBe('2');
    const text = (res.body as Buffer).toString('utf8');
    expect(text).toContain(subs[0]!.receiptNumber);
    expect(text).toContain(subs[2]!.receiptNumber);
    expect(text).not.toContain(subs[1]!.receiptNumber);
  });

  it('saves views (personal and shared per desk), lists, renames, deletes; only the owner or a municipal admin changes a shared one', async () => {
    const mine = await clerk.client
      .post(`${base}/views`, { name: ' 自分の審査中 ', filter: { status: 'in-review', assignee: 'me' }, sort: 'received-asc', columns: ['receiptNumber', 'applicant', 'status'] })
      .expect(201);
    expect(mine.body).toMatchObject({ name: '自分の審査中', deskId: null, filter: { status: 'in-review', assignee: 'me' }, sort: 'received-asc', mine: true, manageable: true });
    const shared = await clerk.client.post(`${base}/views`, { name: '市民課の到達', deskId: 'desk-shimin', filter: { status: 'received' } }).expect(201);
    expect(shared.body).toMatchObject({ deskId: 'desk-shimin', deskName: '市民課', columns: [] });

    // The colleague sees the shared view, not the personal one, and may not change it.
    const theirs = await colleague.client.get(`${base}/views`).expect(200);
    expect(theirs.body.items.map((v: { id: string }) => v.id)).toEqual([shared.body.id]);
    expect(theirs.body.items[0]).toMatchObject({ mine: false, manageable: false });
    expect((await colleague.client.send('delete', `${base}/views/${shared.body.id}`).expect(403)).body.error.code).toBe('forbidden');
    await colleague.client.send('patch', `${base}/views/${shared.body.id}`, { name: '乗っ取り' }).expect(403);
    await colleague.client.send('delete', `${base}/views/${mine.body.id}`).expect(404);

    const renamed = await clerk.client.send('patch', `${base}/views/${mine.body.id}`, { name: '審査中（自分）' }).expect(200);
    expect(renamed.body.name).toBe('審査中（自分）');
    // A municipal admin deletes the shared view; the clerk's personal one stays.
    await admin.client.send('delete', `${base}/views/${mine.body.id}`).expect(404);
    await admin.client.send('delete', `${base}/views/${shared.body.id}`).expect(204);
    expect((await clerk.client.get(`${base}/views`).expect(200)).body.items.map((v: { name: string }) => v.name)).toEqual(['審査中（自分）']);
    await clerk.client.send('delete', `${base}/views/${mine.body.id}`).expect(204);
    expect((await clerk.client.get(`${base}/views`).expect(200)).body.items).toEqual([]);

    // Another municipality sees none of it.
    const sapporo = await signIn(ctx, 'staff', SAPPORO);
    await sapporo.client.get(`${base}/views`).expect(403);
  });

  it('refuses a bad view as a whole (422, each field named, ja/en), storing nothing', async () => {
    const res = await clerk.client.post(`${base}/views`, { name: '', deskId: 'no-desk', filter: { status: 'nonsense', colour: 'red' }, sort: 'random', columns: ['password'] }).expect(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields.map((f: { pointer: string }) => f.pointer)).toEqual(['/name', '/deskId', '/filter/status', '/filter/colour', '/sort', '/columns']);
    expect(res.body.error.fields[0].message).toBe('表示の名前を1〜100文字で入力してください。');
    const en = await clerk.client.post(`${base}/views?lang=en`, { name: 'x'.repeat(101) }).expect(422);
    expect(en.body.error.fields).toEqual([expect.objectContaining({ pointer: '/name', message: 'Enter a name of 1–100 characters.' })]);
    await clerk.client.send('patch', `${base}/views/nope`, { name: 'x' }).expect(404);
    expect((await clerk.client.get(`${base}/views`).expect(200)).body.items).toEqual([]);
  });

  it('remembers the page size each clerk picks (20, 50 or 100), and refuses others', async () => {
    expect((await clerk.client.get(`${base}/preferences`).expect(200)).body).toEqual({ pageSize: 50, pageSizes: [20, 50, 100] });
    await clerk.client.send('put', `${base}/preferences`, { pageSize: 20 }).expect(200);
    expect((await clerk.client.get(`${base}/preferences`).expect(200)).body.pageSize).toBe(20);
    expect((await colleague.client.get(`${base}/preferences`).expect(200)).body.pageSize).toBe(50);
    const bad = await clerk.client.send('put', `${base}/preferences`, { pageSize: 500 }).expect(422);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ pointer: '/pageSize', message: '1ページの件数は20・50・100件から選んでください。' })]);
    await clerk.client.send('put', `${base}/preferences`, { pageSize: '20' }).expect(422);
    expect((await clerk.client.get(`${base}/preferences`).expect(200)).body.pageSize).toBe(20);
    // The list accepts the size up to its maximum.
    await clerk.client.get(`${base}?limit=100`).expect(200);
    await clerk.client.get(`${base}?limit=101`).expect(400);
  });

  it('bulk writes need the CSRF token', async () => {
    const res = await clerk.client.agent.post(`/api/v1/staff${base}/bulk/assign`).send({ selection: { ids: [subs[3]!.id] }, assigneeId: clerk.user.id });
    expect(res.status).toBe(403);
    expect((await ctx.storage.submissions.findById(subs[3]!.id))!.assigneeId).toBeUndefined();
  });
});
