/**
 * The staff catalog API through real HTTP on a real SQLite file with the real
 * presets: adopting 罹災証明書 with local edits, publishing, versions pinned by
 * submissions, a preset update taken with the local edits kept, own
 * procedures (drafts, publish checks, retire), and export/import round trips.
 */
import request from 'supertest';
import { composeLayer, defaultProcedure, type EditOp, type FormDocument } from '@madoguchi/shared';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';
import { allPresets } from '../helpers/testApp';
import { buildAuthApp, makeUser, MITO, StaffClient, type AuthApp } from '../helpers/staffAuth';
import type { Answers } from '../helpers/answers';

const RISAI = 'risai-shomeisho';
const risaiExample = () => structuredClone(allPresets().find((p) => p.procedure.id === RISAI)!.example!) as Answers;
const cat = `/municipalities/${MITO}/catalog`;
let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `t${++n}`, ...o }) as unknown as EditOp;

describe('staff catalog API', () => {
  let ctx: AuthApp;
  let clerk: StaffClient; // a municipal admin at the counter: edits and publishes
  let staff: StaffClient; // staff: edits, cannot publish
  let admin: StaffClient; // platform admin: the preset library

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' });
    await syncPresets(ctx.storage, allPresets());
    const login = async (role: 'municipal-admin' | 'staff' | 'platform-admin') => {
      const client = new StaffClient(ctx.app);
      const user = await makeUser(ctx.storage, role, role === 'platform-admin' ? null : MITO);
      expect((await client.login(user.email)).status).toBe(200);
      return client;
    };
    [clerk, staff, admin] = [await login('municipal-admin'), await login('staff'), await login('platform-admin')];
  });
  afterAll(() => ctx.close());

  const publicDetail = () => request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/${RISAI}`);
  const submit = (data: unknown, formVersion?: number) =>
    request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
      .send({ data, ...(formVersion ? { formVersion } : {}) });

  describe('adopting a preset with local edits', () => {
    let revision = 0;

    it('adopts 罹災証明書: the national wording, with the legally required items locked', async () => {
      const res = await clerk.post(`${cat}/adoptions`, { presetId: RISAI }).expect(201);
      expect(res.body).toMatchObject({ presetId: RISAI, layer: { baseVersion: 1, ops: [], revision: 1 }, published: null, update: null, problems: [] });
      expect(res.body.document.procedure).toMatchObject({ owner: MITO, basedOn: { presetId: RISAI, presetVersion: 1 } });
      expect(res.body.locks.map((l: { path: string }) => l.path)).toContain('householder.name');
      revision = res.body.layer.revision;
      await clerk.post(`${cat}/adoptions`, { presetId: RISAI }).expect(200); // adopting twice is harmless
    });

    it('refuses to remove a legally required item, in Japanese, and saves nothing', async () => {
      const res = await staff.send('put', `${cat}/adoptions/${RISAI}/edits`, { ops: [op({ type: 'removeField', path: 'householder.name' })], revision }).expect(422);
      expect(res.body.error).toMatchObject({
        code: 'locked_item',
        message: expect.stringMatching(/^「世帯主の氏名」は法令（罹災証明書交付申請書 統一様式の必須項目.*）で定められた必須の項目のため、削除できません。$/),
      });
      expect((await clerk.get(`${cat}/adoptions/${RISAI}`).expect(200)).body.layer.ops).toEqual([]);
    });

    it('refuses malformed edits with 400', async () => {
      await staff.send('put', `${cat}/adoptions/${RISAI}/edits`, { ops: [{ id: 'x', type: 'explode' }], revision }).expect(400);
    });

    it('saves a changed label and an added field (staff may edit)', async () => {
      const ops = [
        op({ type: 'setLabel', path: 'damagedProperty.structure', label: '建物の構造（分かる範囲で）' }),
        op({ type: 'addField', parent: '', after: 'currentContact', field: { key: 'evacuationNeeds', kind: 'textarea', label: '避難生活で困っていること' } }),
        op({ type: 'setContactDesk', contactDesk: { name: '水戸市 資産税課', phone: '029-224-1111' } }),
      ];
      const res = await staff.send('put', `${cat}/adoptions/${RISAI}/edits`, { ops, revision }).expect(200);
      expect(res.body.edits.map((e: { description: string }) => e.description)).toEqual([
        '「建物の構造」の項目名を「建物の構造（分かる範囲で）」に変更',
        '項目「避難生活で困っていること」（長い文章（複数行））を追加',
        '問い合わせ先を「水戸市 資産税課」に変更',
      ]);
      expect(res.body.unpublishedChanges).toBe(true);
      await staff.send('put', `${cat}/adoptions/${RISAI}/edits`, { ops, revision }).expect(409); // stale revision: no lost update
      revision = res.body.layer.revision;
    });

    it('lets a municipal admin publish it, not staff; residents then get the local version', async () => {
      await staff.post(`${cat}/adoptions/${RISAI}/publish`).expect(403);
      const res = await clerk.post(`${cat}/adoptions/${RISAI}/publish`).expect(201);
      expect(res.body).toMatchObject({ version: 1, status: 'published', unchanged: false });
      const detail = (await publicDetail().expect(200)).body;
      expect(detail.procedure).toMatchObject({ owner: MITO, basedOn: { presetId: RISAI, presetVersion: 1 }, contactDesk: { name: '水戸市 資産税課' } });
      expect(detail.version.schema.properties.damagedProperty.properties.structure.title).toBe('建物の構造（分かる範囲で）');
      expect((await clerk.post(`${cat}/adoptions/${RISAI}/publish`).expect(200)).body.unchanged).toBe(true);
      const list = (await clerk.get(cat).expect(200)).body.items;
      expect(list.find((e: { id: string }) => e.id === RISAI)).toMatchObject({ source: 'adopted', offered: 'local', unpublishedChanges: false, adoption: { edits: 3 } });
    });

    it('takes a resident submission on the new version, and keeps it pinned when a later version is published', async () => {
      const first = await submit({ ...risaiExample(), evacuationNeeds: '常備薬が足りない' }, 1).expect(201);
      expect(first.body).toMatchObject({ formVersion: 1 });
      const saved = await staff
        .send('put', `${cat}/adoptions/${RISAI}/edits`, {
          ops: [...(await clerk.get(`${cat}/adoptions/${RISAI}`)).body.layer.ops, op({ type: 'setLabel', path: 'evacuationNeeds', label: '避難生活でお困りのこと' })],
          revision,
        })
        .expect(200);
      revision = saved.body.layer.revision;
      expect((await clerk.post(`${cat}/adoptions/${RISAI}/publish`).expect(201)).body.version).toBe(2);
      const stored = await ctx.storage.submissions.findByReceiptNumber(first.body.receiptNumber);
      expect(stored).toMatchObject({ procedureOwner: MITO, formVersion: 1 });
      const pinned = await ctx.storage.procedures.getVersion(MITO, RISAI, 1);
      expect(pinned).toMatchObject({ status: 'retired' });
      expect(pinned!.schema.properties.evacuationNeeds.title).toBe('避難生活で困っていること');
      // A resident still holding version 1 is told the form changed; nothing is stored against the wrong version.
      expect((await submit(risaiExample(), 1).expect(409)).body.error.code).toBe('form_version_changed');
    });

    it('an admin publishes a preset update; the municipality sees it with a readable diff and takes it, keeping its edits', async () => {
      const template = (await admin.get(`/presets/${RISAI}`).expect(200)).body;
      expect(template).toMatchObject({ published: { version: 1 }, layer: null, adoptedBy: 1 });
      const adminOps = [
        op({ type: 'addField', parent: 'damage', after: 'statement', field: { key: 'photoTakenOn', kind: 'date', label: '写真を撮った日' } }),
        op({ type: 'setLabel', path: 'disaster.name', label: '災害名' }),
      ];
      await clerk.send('put', `/presets/${RISAI}/edits`, { ops: adminOps, revision: 0 }).expect(403);
      await admin.send('put', `/presets/${RISAI}/edits`, { ops: adminOps, revision: 0 }).expect(200);
      await admin.post(`/presets/${RISAI}/publish`, { note: '' }).expect(400);
      const published = await admin.post(`/presets/${RISAI}/publish`, { note: '写真を撮った日を尋ねる項目を追加し、「災害の名称」を「災害名」にしました。' }).expect(201);
      expect(published.body.version).toBe(2);

      const view = (await clerk.get(`${cat}/adoptions/${RISAI}`).expect(200)).body;
      expect(view.update).toMatchObject({ fromVersion: 1, toVersion: 2, releases: [{ version: 2, source: 'builder', note: expect.stringContaining('写真を撮った日') }] });
      expect(view.update.diff.fields).toEqual([
        { path: 'disaster.name', label: '災害名', change: 'changed', changes: [{ what: '項目名', before: '災害の名称', after: '災害名' }] },
        { path: 'damage.photoTakenOn', label: '写真を撮った日', change: 'added' },
      ]);
      const preview = (await clerk.post(`${cat}/adoptions/${RISAI}/update-preview`, {}).expect(200)).body;
      expect(preview).toMatchObject({ unresolved: 0, toVersion: 2 });
      expect(preview.outcomes.map((o: { status: string }) => o.status)).toEqual(['reapplied', 'reapplied', 'reapplied', 'reapplied']);

      const taken = (await clerk.post(`${cat}/adoptions/${RISAI}/update`, { decisions: {}, revision }).expect(200)).body;
      expect(taken).toMatchObject({ layer: { baseVersion: 2 }, update: null, unpublishedChanges: true });
      await clerk.post(`${cat}/adoptions/${RISAI}/publish`).expect(201);
      const detail = (await publicDetail().expect(200)).body;
      expect(detail.procedure.basedOn).toEqual({ presetId: RISAI, presetVersion: 2 });
      const schema = detail.version.schema;
      expect(schema.properties.damagedProperty.properties.structure.title).toBe('建物の構造（分かる範囲で）');
      expect(schema.properties.evacuationNeeds.title).toBe('避難生活でお困りのこと');
      expect(schema.properties.damage.properties.photoTakenOn.title).toBe('写真を撮った日');
      expect(schema.properties.disaster.properties.name.title).toBe('災害名');
    });

    it("a restart with the unchanged preset file does not undo the admin's release", async () => {
      const result = await syncPresets(ctx.storage, allPresets());
      expect(result.published).toEqual([]);
      expect((await ctx.storage.procedures.getPublished('preset', RISAI))!.version).toBe(2);
    });

    it('withdraws the procedure from residents and offers it again', async () => {
      await clerk.send('put', `${cat}/adoptions/${RISAI}/withdrawn`, { withdrawn: true }).expect(200);
      await publicDetail().expect(404);
      const list = (await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures`).expect(200)).body.items;
      expect(list.map((p: { id: string }) => p.id)).not.toContain(RISAI);
      await clerk.send('put', `${cat}/adoptions/${RISAI}/withdrawn`, { withdrawn: false }).expect(200);
      await clerk.post(`${cat}/adoptions/${RISAI}/publish`).expect(201);
      await publicDetail().expect(200);
    });
  });

  describe("procedures of the municipality's own", () => {
    const sodai = (doc: FormDocument): FormDocument =>
      composeLayer(
        doc,
        [
          op({ type: 'addField', parent: '', field: { key: 'name', kind: 'personName', label: '申込者の氏名', required: true } }),
          op({ type: 'addField', parent: '', field: { key: 'place', kind: 'choice', label: '出す場所', required: true, options: ['自宅の前', 'その他'] } }),
          op({ type: 'addField', parent: '', field: { key: 'placeOther', kind: 'text', label: '出す場所（その他）', required: true, showWhen: { field: 'place', equals: 'その他' } } }),
          op({ type: 'addField', parent: '', field: { key: 'items', kind: 'group', label: '出すもの', itemLabel: '品目', required: true } }),
          op({ type: 'addField', parent: 'items', field: { key: 'item', kind: 'text', label: '品名', required: true } }),
        ],
        { enforceLocks: false },
      );

    it('refuses an id that a preset uses', async () => {
      expect((await staff.post(`${cat}/procedures`, { id: RISAI, title: 'x' }).expect(409)).body.error.code).toBe('id_is_preset');
      await staff.post(`${cat}/procedures`, { id: 'Bad Id', title: 'x' }).expect(400);
    });

    it('creates a draft, refuses to publish it while checks fail, then publishes a fixed draft', async () => {
      const created = (await staff.post(`${cat}/procedures`, { id: 'sodai-gomi', title: '粗大ごみ収集の申込' }).expect(201)).body;
      expect(created).toMatchObject({ procedureId: 'sodai-gomi', latest: { version: 1, status: 'draft' }, published: null });
      const failed = await clerk.post(`${cat}/procedures/sodai-gomi/publish`).expect(422);
      expect(failed.body.error.fields.map((f: { message: string }) => f.message)).toContain('項目が1つもありません。項目を追加してください。');
      const draft = sodai(created.document);
      await staff.send('put', `${cat}/procedures/sodai-gomi/draft`, { document: draft, baseHash: 'stale' }).expect(409);
      const saved = (await staff.send('put', `${cat}/procedures/sodai-gomi/draft`, { document: draft, baseHash: created.latest.contentHash }).expect(200)).body;
      expect(saved.problems).toEqual([]);
      expect((await clerk.post(`${cat}/procedures/sodai-gomi/publish`).expect(201)).body).toMatchObject({ version: 1, status: 'published' });
      const detail = (await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/sodai-gomi`).expect(200)).body;
      expect(detail.version.schema.definitions.personName).toBeDefined(); // self-contained
      await request(ctx.app)
        .post(`/api/v1/municipalities/${MITO}/procedures/sodai-gomi/submissions`)
        .send({ data: { name: { familyName: '水戸', givenName: '花子', familyNameKana: 'ミト', givenNameKana: 'ハナコ' }, place: '自宅の前', items: [{ item: 'たんす' }] } })
        .expect(201);
      await clerk.post(`${cat}/procedures/sodai-gomi/publish`).expect(409); // nothing new to publish
    });

    it('round-trips export and import, and imports a plain JSON Schema + uiSchema', async () => {
      const exported = (await staff.get(`${cat}/procedures/sodai-gomi/export`).expect(200)).body;
      expect(exported).toMatchObject({ format: 'madoguchi-procedure', formatVersion: 1, procedure: { id: 'sodai-gomi' } });
      const imported = (await staff.post(`${cat}/procedures/import`, { id: 'sodai-gomi-2', file: exported }).expect(201)).body;
      expect(imported.view.document.schema).toEqual(exported.schema);
      expect(imported.view.document.uiSchema).toEqual(exported.uiSchema);
      expect(imported.view.document.procedure).toEqual({ ...exported.procedure, id: 'sodai-gomi-2' });
      const again = (await staff.get(`${cat}/procedures/sodai-gomi-2/export`).expect(200)).body;
      expect({ ...again, exportedAt: 0, procedure: { ...again.procedure, id: 'x' } }).toEqual({ ...exported, exportedAt: 0, procedure: { ...exported.procedure, id: 'x' } });

      const plain = {
        schema: { type: 'object', title: '犬の登録', required: ['dogName'], properties: { dogName: { type: 'string', title: '犬の名前' } } },
        uiSchema: { dogName: { 'ui:help': 'カタカナで' } },
      };
      const dog = (await staff.post(`${cat}/procedures/import`, { id: 'inu-toroku', file: plain }).expect(201)).body;
      expect(dog.notes.length).toBeGreaterThan(0);
      expect(dog.view).toMatchObject({ problems: [], document: { procedure: { title: '犬の登録', owner: MITO } } });
      await staff.post(`${cat}/procedures/import`, { id: 'nothing-here', file: { hello: 1 } }).expect(422);
    });

    it('duplicates a procedure as a new draft and retires a published one', async () => {
      const copy = (await staff.post(`${cat}/procedures/sodai-gomi/duplicate`, { newId: 'sodai-gomi-kaisyu', title: '粗大ごみ（臨時収集）' }).expect(201)).body;
      expect(copy).toMatchObject({ latest: { status: 'draft' }, document: { procedure: { title: '粗大ごみ（臨時収集）' }, schema: { title: '粗大ごみ（臨時収集）' } } });
      await staff.post(`${cat}/procedures/sodai-gomi/retire`).expect(403);
      await clerk.post(`${cat}/procedures/sodai-gomi/retire`).expect(204);
      await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/sodai-gomi`).expect(404);
      const list = (await clerk.get(cat).expect(200)).body.items;
      expect(list.filter((e: { source: string }) => e.source === 'own').map((e: { id: string; offered: string }) => [e.id, e.offered])).toEqual(
        expect.arrayContaining([
          ['sodai-gomi', 'none'],
          ['sodai-gomi-kaisyu', 'none'],
          ['inu-toroku', 'none'],
        ]),
      );
    });

    it('keeps adopted procedures out of the own-procedure routes', async () => {
      expect((await staff.get(`${cat}/procedures/${RISAI}`).expect(409)).body.error.code).toBe('adopted_procedure');
      expect(defaultProcedure(MITO, 'x-y-z', 't').owner).toBe(MITO);
    });
  });
});
