/**
 * A municipality's contact desks: kept in its settings (admins only), checked
 * on save, named by a procedure, shown to residents as the desk is now; and
 * publishing with the preset's placeholder contact warns.
 */
import request from 'supertest';
import { buildInboxApp, MITO, RISAI, SAPPORO, signIn, type InboxApp } from '../helpers/inboxApp';

describe('contact desks', () => {
  let ctx: InboxApp;
  beforeAll(async () => {
    ctx = await buildInboxApp();
  });
  afterAll(() => ctx.close());
  const desks = `/municipalities/${MITO}/desks`;
  const publicDetail = () =>
    request(ctx.app)
      .get(`/api/v1/municipalities/${MITO}/procedures/${RISAI}`)
      .expect(200)
      .then((r) => r.body.procedure.contactDesk);

  it('admins keep the desks; bad input is refused field by field and changes nothing; others may not', async () => {
    const { client: admin } = await signIn(ctx, 'municipal-admin', MITO);
    const bad = await admin.send('put', desks, { desks: [{ name: '' }, { name: '税務課', phone: '12345' }] }).expect(422);
    expect(bad.body.error.fields.map((f: { pointer: string }) => f.pointer)).toEqual(['/desks/0/name', '/desks/1/phone']);
    expect((await admin.get(desks).expect(200)).body.items).toEqual([]);
    const saved = await admin.send('put', desks, { desks: [{ name: '税務課 資産税係', phone: '０２９－２３２－９１４６', address: '水戸市中央1丁目4番1号', hours: '平日 8:30〜17:15' }] }).expect(200);
    expect(saved.body.items).toEqual([{ id: expect.any(String), name: '税務課 資産税係', phone: '029-232-9146', address: '水戸市中央1丁目4番1号', hours: '平日 8:30〜17:15' }]);
    const { client: clerk } = await signIn(ctx, 'staff', MITO);
    await clerk.send('put', desks, { desks: [] }).expect(403);
    const { client: sapporo } = await signIn(ctx, 'municipal-admin', SAPPORO);
    await sapporo.get(desks).expect(403);
  });

  it('a procedure names a desk; residents see it as it is now; the placeholder contact warns at publishing', async () => {
    const { client: admin } = await signIn(ctx, 'municipal-admin', MITO);
    const cat = `/municipalities/${MITO}/catalog`;
    const adopted = (await admin.post(`${cat}/adoptions`, { presetId: RISAI }).expect(201)).body;
    const first = await admin.post(`${cat}/adoptions/${RISAI}/publish`).expect(201);
    expect(first.body.warnings).toEqual([expect.stringContaining('問い合わせ先が仮の記載（「罹災証明担当課（税務課・防災担当課など）」）のままです')]);

    const desk = (await admin.get(desks).expect(200)).body.items[0];
    const op = { id: 'desk-1', type: 'setContactDesk', contactDesk: { deskId: desk.id, name: desk.name } };
    await admin.send('put', `${cat}/adoptions/${RISAI}/edits`, { ops: [op], revision: adopted.layer.revision }).expect(200);
    const second = await admin.post(`${cat}/adoptions/${RISAI}/publish`).expect(201);
    expect(second.body.warnings).toEqual([]);
    expect(await publicDetail()).toEqual({ deskId: desk.id, name: '税務課 資産税係', phone: '029-232-9146', address: '水戸市中央1丁目4番1号', hours: '平日 8:30〜17:15' });

    // The desk moves to another number: every procedure naming it shows the new one at once.
    await admin.send('put', desks, { desks: [{ ...desk, phone: '029-232-9999' }] }).expect(200);
    expect((await publicDetail()).phone).toBe('029-232-9999');
  });
});
