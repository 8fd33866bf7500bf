/**
 * Municipalities adopt, edit, add, hide and publish life-event guides in the
 * staff console: every save is checked (bad input changes nothing), the
 * public API serves the published version, older versions are kept, each
 * change is audited, and only the municipality's own catalog editors may.
 */
import request from 'supertest';
import type { LifeEventGuide } from '@madoguchi/shared';
import { buildInboxApp, MITO, SAPPORO, signIn, type InboxApp } from '../helpers/inboxApp';

describe('life-event guides in the staff console', () => {
  let ctx: InboxApp;
  beforeEach(async () => {
    ctx = await buildInboxApp();
  });
  afterEach(() => ctx.close());
  const staffGuides = `/municipalities/${MITO}/guides`;
  const publicGuide = (id: string, code = MITO) => request(ctx.app).get(`/api/v1/municipalities/${code}/guides/${id}`);
  const publicList = async (code = MITO) =>
    (await request(ctx.app).get(`/api/v1/municipalities/${code}/guides`).expect(200)).body.items.map((g: { id: string; title: string }) => `${g.id}:${g.title}`);

  it('adopts a national guide, edits it (a question text, an item at its own procedure), publishes, and residents see it; older versions are kept', async () => {
    const { client: admin } = await signIn(ctx, 'municipal-admin', MITO);
    const national = (await admin.get(`${staffGuides}/shussei`).expect(200)).body;
    expect(national).toMatchObject({ source: 'national', version: 0, versions: [] });
    expect(national.procedures['jidou-teate-nintei']).toBeDefined();

    // Adopt as it is: the first save makes the municipality's draft, publishing shows it.
    const adopted = (await admin.send('put', `${staffGuides}/shussei/draft`, { guide: national.guide, version: 0 }).expect(200)).body;
    expect(adopted).toMatchObject({ source: 'adopted', version: 1, versions: [{ version: 1, status: 'draft' }] });
    // Saved but not published: residents still see the national guide.
    expect((await admin.get(staffGuides).expect(200)).body.items).toContainEqual(
      expect.objectContaining({ id: 'shussei', source: 'adopted', shown: true, published: null, draft: expect.objectContaining({ version: 1 }) }),
    );
    expect((await admin.post(`${staffGuides}/shussei/publish`).expect(201)).body).toMatchObject({ version: 1, status: 'published' });

    const guide: LifeEventGuide = structuredClone(adopted.guide);
    guide.questions[2]!.text = '保育園の利用を考えていますか（水戸市）';
    guide.items.push({ procedureId: 'risai-shomeisho', title: '水戸市の窓口で相談', reason: '水戸市独自の案内です。', deadline: '随時', when: [{ field: 'nursery', equals: 'はい' }] });
    const saved = (await admin.send('put', `${staffGuides}/shussei/draft`, { guide, version: 1 }).expect(200)).body;
    expect(saved.versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(['2:draft', '1:published']);
    // Residents still see version 1 until the draft is published.
    expect((await publicGuide('shussei').expect(200)).body.guide.questions[2].text).toBe('保育所（保育園）などの利用を考えていますか');

    await admin.post(`${staffGuides}/shussei/publish`).expect(201);
    const seen = (await publicGuide('shussei').expect(200)).body;
    expect(seen.guide.questions[2].text).toBe('保育園の利用を考えていますか（水戸市）');
    expect(seen.guide.items.at(-1)).toMatchObject({ procedureId: 'risai-shomeisho', reason: '水戸市独自の案内です。' });
    const evaluated = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/guides/shussei/evaluate`)
      .send({ answers: { nursery: 'はい' } })
      .expect(200);
    expect(evaluated.body.items.at(-1)).toMatchObject({ procedureId: 'risai-shomeisho', online: true });
    // Another municipality still sees the national guide.
    expect((await publicGuide('shussei', SAPPORO).expect(200)).body.guide.questions[2].text).toBe('保育所（保育園）などの利用を考えていますか');

    const versions = (await admin.get(`${staffGuides}/shussei`).expect(200)).body.versions;
    expect(versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(['2:published', '1:retired']);
    const audit = await ctx.storage.audit.list({ municipalityCode: MITO, targetId: 'shussei', limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['guide.draft_saved', 'guide.draft_saved', 'guide.published', 'guide.published']);
  });

  it('refuses a bad guide with messages per field in the caller’s language, and changes nothing', async () => {
    const { client: admin } = await signIn(ctx, 'municipal-admin', MITO);
    const national = (await admin.get(`${staffGuides}/shussei`).expect(200)).body;
    const guide: LifeEventGuide = structuredClone(national.guide);
    guide.questions[0]!.text = ' ';
    guide.items.push({ procedureId: 'no-such-procedure', reason: '理由' });
    guide.items.push({ title: '条件つき', reason: '理由', when: [{ field: 'nursery', equals: 'たぶん' }] });
    const bad = await admin.send('put', `${staffGuides}/shussei/draft`, { guide, version: 0 }).expect(422);
    expect(bad.body.error.message).toBe('案内の内容に3件の誤りがあります。何も変更していません。');
    expect(bad.body.error.fields.map((f: { pointer: string; message: string }) => `${f.pointer} ${f.message}`)).toEqual([
      '/guide/questions/0/text 入力してください。',
      `/guide/items/${guide.items.length - 2}/procedureId 手続「no-such-procedure」はこの市区町村の手続一覧にありません。`,
      `/guide/items/${guide.items.length - 1}/when/0 質問「nursery」に選択肢「たぶん」はありません。`,
    ]);
    const en = await admin.send('put', `${staffGuides}/shussei/draft`, { guide, version: 0 }).set('Accept-Language', 'en').expect(422);
    expect(en.body.error.message).toBe('The guide has 3 problem(s). Nothing was changed.');
    expect(en.body.error.fields[1].message).toBe('The procedure "no-such-procedure" is not in this municipality’s catalog.');
    await admin.send('put', `${staffGuides}/shussei/draft`, { guide: { ...national.guide, questions: 'x' }, version: 0 }).expect(400);
    expect((await admin.get(`${staffGuides}/shussei`).expect(200)).body).toMatchObject({ source: 'national', version: 0 });
    expect(await ctx.storage.guides.listVersions(MITO, 'shussei')).toEqual([]);
    await admin.post(`${staffGuides}/shussei/publish`).expect(409);
    // A stale save (someone saved meanwhile) is refused too.
    await admin.send('put', `${staffGuides}/shussei/draft`, { guide: national.guide, version: 0 }).expect(200);
    await admin.send('put', `${staffGuides}/shussei/draft`, { guide: national.guide, version: 0 }).expect(409);
  });

  it('keeps the English of a guide: too long is refused per field, blank is left out, residents are served the rest', async () => {
    const { client: admin } = await signIn(ctx, 'municipal-admin', MITO);
    const guide: LifeEventGuide = structuredClone((await admin.get(`${staffGuides}/shussei`).expect(200)).body.guide);
    guide.items[0]!.reasonEn = 'x'.repeat(501);
    const bad = await admin.send('put', `${staffGuides}/shussei/draft`, { guide, version: 0 }).set('Accept-Language', 'en').expect(422);
    expect(bad.body.error.fields.map((f: { pointer: string; message: string }) => `${f.pointer} ${f.message}`)).toEqual(['/guide/items/0/reasonEn Enter at most 500 characters.']);
    expect(await ctx.storage.guides.listVersions(MITO, 'shussei')).toEqual([]);

    guide.leadEn = ' Answer a few questions (Mito). ';
    guide.questions[1]!.helpEn = ' ';
    guide.items[0]!.reasonEn = 'Every birth must be registered in Mito.';
    guide.items[0]!.whereEn = '';
    await admin.send('put', `${staffGuides}/shussei/draft`, { guide, version: 0 }).expect(200);
    await admin.post(`${staffGuides}/shussei/publish`).expect(201);
    const seen = (await publicGuide('shussei').expect(200)).body.guide as LifeEventGuide;
    expect(seen.leadEn).toBe('Answer a few questions (Mito).');
    expect(seen.questions[1]).not.toHaveProperty('helpEn');
    expect(seen.items[0]).toMatchObject({ titleEn: 'Birth registration (出生届)', reasonEn: 'Every birth must be registered in Mito.', deadlineEn: expect.stringContaining('Article 49') });
    expect(seen.items[0]).not.toHaveProperty('whereEn');
  });

  it('adds a guide of its own and hides a national one', async () => {
    const { client: admin } = await signIn(ctx, 'municipal-admin', MITO);
    await admin.post(staffGuides, { id: 'shussei', lifeEvent: '出生', title: 'x' }).expect(409);
    await admin.post(staffGuides, { id: 'Bad Id', lifeEvent: '転入', title: 'x' }).expect(400);
    const noTitle = await admin.post(staffGuides, { id: 'tennyu', lifeEvent: '転入', title: '' }).expect(400);
    expect(noTitle.body.error).toMatchObject({ code: 'bad_guide_title', message: '題名を120文字以内で入力してください。' });
    const created = (await admin.post(staffGuides, { id: 'tennyu', lifeEvent: '転入', title: '水戸市に引っ越してきたとき' }).expect(201)).body;
    expect(created).toMatchObject({ source: 'own', version: 1, guide: { id: 'tennyu', questions: [], items: [] } });
    const guide: LifeEventGuide = {
      ...created.guide,
      questions: [{ id: 'kids', text: 'お子さんはいますか', options: ['はい', 'いいえ'] }],
      items: [
        { title: '転入届', reason: '引っ越してきたら届け出ます。', deadline: '住み始めてから14日以内', where: '市民課' },
        { procedureId: 'jidou-teate-nintei', reason: '児童手当を受け取るための請求です。', when: [{ field: 'kids', equals: 'はい' }] },
      ],
    };
    await admin.send('put', `${staffGuides}/tennyu/draft`, { guide, version: 1 }).expect(200);
    expect(await publicList()).not.toContain('tennyu:水戸市に引っ越してきたとき');
    await admin.post(`${staffGuides}/tennyu/publish`).expect(201);
    expect(await publicList()).toContain('tennyu:水戸市に引っ越してきたとき');
    expect((await publicGuide('tennyu').expect(200)).body.guide.items[0].title).toBe('転入届');
    await publicGuide('tennyu', SAPPORO).expect(404);

    await admin.send('put', `${staffGuides}/tennyu/hidden`, { hidden: true }).expect(409);
    await admin.send('put', `${staffGuides}/hisai/hidden`, { hidden: true }).expect(200);
    expect(await publicList()).not.toContain('hisai:災害で被害を受けたとき');
    await publicGuide('hisai').expect(404);
    expect((await admin.get(staffGuides).expect(200)).body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'tennyu', source: 'own', shown: true }),
        expect.objectContaining({ id: 'hisai', source: 'adopted', shown: false }),
        expect.objectContaining({ id: 'kaigo', source: 'national', shown: true, published: null, draft: null }),
      ]),
    );
    await admin.send('put', `${staffGuides}/hisai/hidden`, { hidden: false }).expect(200);
    await publicGuide('hisai').expect(200);
  });

  it('refuses other municipalities and accounts without the catalog permission', async () => {
    const { client: sapporo } = await signIn(ctx, 'municipal-admin', SAPPORO);
    await sapporo.get(staffGuides).expect(403);
    await sapporo.send('put', `${staffGuides}/shussei/draft`, { guide: { id: 'shussei', lifeEvent: '出生', title: 'x', lead: 'x', questions: [], items: [] }, version: 0 }).expect(403);
    const { client: clerk } = await signIn(ctx, 'staff', MITO);
    // A clerk edits drafts (catalog.edit) but does not publish (catalog.publish), as for procedures.
    const national = (await clerk.get(`${staffGuides}/shussei`).expect(200)).body;
    await clerk.send('put', `${staffGuides}/shussei/draft`, { guide: national.guide, version: 0 }).expect(200);
    await clerk.post(`${staffGuides}/shussei/publish`).expect(403);
    await clerk.send('put', `${staffGuides}/kaigo/hidden`, { hidden: true }).expect(403);
    const { client: platformAdmin } = await signIn(ctx, 'platform-admin', null);
    await platformAdmin.send('put', `${staffGuides}/shussei/draft`, { guide: national.guide, version: 1 }).expect(403);
    expect((await ctx.storage.guides.listVersions(MITO, 'shussei')).map((v) => v.status)).toEqual(['draft']);
  });
});
