/**
 * Starting a municipality's own procedure from the template library (issue #22):
 * the list, the new draft with the template's form, the audit event, publishing
 * it unchanged, and the refusals (unknown template, an id in use, no right to
 * edit) in Japanese with nothing created.
 */
import request from 'supertest';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';
import { allPresets } from '../helpers/testApp';
import { buildAuthApp, makeUser, MITO, StaffClient, type AuthApp } from '../helpers/staffAuth';

const cat = `/municipalities/${MITO}/catalog`;

describe('starting a procedure from a template', () => {
  let ctx: AuthApp;
  let clerk: StaffClient; // municipal admin: edits and publishes
  let admin: StaffClient; // platform admin: no right to edit a municipality's catalog

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' });
    await syncPresets(ctx.storage, allPresets());
    const login = async (role: 'municipal-admin' | 'platform-admin') => {
      const client = new StaffClient(ctx.app);
      const user = await makeUser(ctx.storage, role, role === 'platform-admin' ? null : MITO);
      expect((await client.login(user.email)).status).toBe(200);
      return client;
    };
    [clerk, admin] = [await login('municipal-admin'), await login('platform-admin')];
  });
  afterAll(() => ctx.close());

  const ownIds = async () => ((await clerk.get(cat).expect(200)).body.items as Array<{ id: string; source: string }>).filter((e) => e.source === 'own').map((e) => e.id);

  it('lists the templates for staff', async () => {
    const res = await clerk.get(`${cat}/templates`).expect(200);
    expect(res.body.items.map((t: { id: string }) => t.id)).toEqual(['event-moshikomi', 'inu-toroku', 'juminhyo-yuso', 'shisetsu-yoyaku', 'shokuin-saiyo', 'sodai-gomi', 'suido-shiyo']);
    expect(res.body.items.find((t: { id: string }) => t.id === 'sodai-gomi')).toMatchObject({
      title: '粗大ごみ収集の申込',
      titleEn: 'Bulky waste collection request',
      description: expect.stringContaining('粗大ごみ'),
    });
  });

  it('creates 粗大ごみ as the municipality’s own draft with the template’s form, audited, and publishes it', async () => {
    const res = await clerk.post(`${cat}/procedures/from-template`, { templateId: 'sodai-gomi', id: 'sodai-gomi', title: '粗大ごみ戸別収集の申込' }).expect(201);
    expect(res.body).toMatchObject({ procedureId: 'sodai-gomi', latest: { status: 'draft', version: 1 }, published: null, problems: [] });
    const doc = res.body.document;
    expect(doc.procedure).toMatchObject({ id: 'sodai-gomi', owner: MITO, title: '粗大ごみ戸別収集の申込', legalBasis: [] });
    expect(doc.procedure.basedOn).toBeUndefined();
    expect(doc.schema.properties.items.items.properties.kind.enum).toContain('たんす');
    expect(doc.schema['x-lookup-tables'].fees.rows).toContainEqual({ key: 'たんす', value: 1000 });
    expect(doc.schema.properties.feeTotal['x-calc']).toBe("sum(items, lookup('fees', kind) * count)");
    expect(doc.schema.properties.collectionDay['x-capacity'].limits['1月12日（火）']).toBe(50);
    expect(doc.schema.definitions.personName).toBeDefined(); // self-contained, as every stored version
    const events = await ctx.storage.audit.list({ municipalityCode: MITO, targetId: 'sodai-gomi', limit: 10 });
    expect(events.map((e) => [e.action, e.details])).toEqual([['catalog.procedure_created', { template: 'sodai-gomi' }]]);

    await clerk.post(`${cat}/procedures/sodai-gomi/publish`).expect(201);
    const detail = await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/sodai-gomi`).expect(200);
    expect(JSON.stringify(detail.body)).toContain('粗大ごみ戸別収集の申込');
  });

  it('takes the template’s title when none is given, and its 受付期間', async () => {
    const res = await clerk.post(`${cat}/procedures/from-template`, { templateId: 'shokuin-saiyo', id: 'saiyo-2027' }).expect(201);
    expect(res.body.document.procedure).toMatchObject({ id: 'saiyo-2027', title: '職員採用試験の申込', reception: { opensAt: '2027-05-06T08:30' } });
    expect(res.body.problems).toEqual([]);
  });

  it('refuses an unknown template in Japanese and creates nothing', async () => {
    const before = await ownIds();
    const res = await clerk.post(`${cat}/procedures/from-template`, { templateId: 'no-such-template', id: 'gomi-2' }).expect(404);
    expect(res.body.error).toMatchObject({ code: 'template_not_found', message: '指定されたテンプレートが見つかりません。' });
    expect(await ownIds()).toEqual(before);
  });

  it('refuses a request without a template in Japanese', async () => {
    const res = await clerk.post(`${cat}/procedures/from-template`, { id: 'gomi-3' }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'missing_template', message: '元にするテンプレート（templateId）と手続のID（id）を指定してください。' });
    expect((await clerk.post(`${cat}/procedures/from-template`, { templateId: 'sodai-gomi' }).expect(400)).body.error.code).toBe('missing_template');
  });

  it('refuses an id already used (by an own procedure or a preset) and a bad id, in Japanese, and creates nothing', async () => {
    const before = await ownIds();
    const taken = await clerk.post(`${cat}/procedures/from-template`, { templateId: 'inu-toroku', id: 'sodai-gomi' }).expect(409);
    expect(taken.body.error).toMatchObject({ code: 'procedure_exists', message: 'このIDの手続は既にあります。別のIDにしてください。' });
    const preset = await clerk.post(`${cat}/procedures/from-template`, { templateId: 'inu-toroku', id: 'risai-shomeisho' }).expect(409);
    expect(preset.body.error.code).toBe('id_is_preset');
    const bad = await clerk.post(`${cat}/procedures/from-template`, { templateId: 'inu-toroku', id: 'Inu Toroku' }).expect(400);
    expect(bad.body.error.message).toMatch(/^手続のIDは半角の英小文字/);
    expect(await ownIds()).toEqual(before);
    // The 粗大ごみ procedure made above keeps its own form.
    expect((await clerk.get(`${cat}/procedures/sodai-gomi`).expect(200)).body.document.procedure.title).toBe('粗大ごみ戸別収集の申込');
  });

  it('needs the right to edit the catalog', async () => {
    await admin.post(`${cat}/procedures/from-template`, { templateId: 'inu-toroku', id: 'inu-toroku' }).expect(403);
    await request(ctx.app)
      .post(`/api/v1/staff${cat}/procedures/from-template`)
      .send({ templateId: 'inu-toroku', id: 'inu-toroku' })
      .expect((r) => expect([401, 403]).toContain(r.status));
    expect(await ownIds()).not.toContain('inu-toroku');
  });
});
