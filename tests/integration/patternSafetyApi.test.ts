/**
 * ReDoS through the staff catalog and resident intake, over real HTTP on a
 * real SQLite file: a pattern that backtracks catastrophically (or that RE2
 * cannot run) is refused at save, import and publish with a 422 naming the
 * field, nothing stored; and a procedure published with one before these
 * checks existed still answers a resident's long input at once (linear engine).
 */
import request from 'supertest';
import { type FormDocument } from '@madoguchi/shared';
import { contentHash } from '../../server/src/modules/procedures/contentHash';
import { buildAuthApp, makeUser, MITO, StaffClient, type AuthApp } from '../helpers/staffAuth';

const cat = `/municipalities/${MITO}/catalog`;
const BAD = '^(a+)+$';

describe('patterns staff define', () => {
  let ctx: AuthApp;
  let clerk: StaffClient;
  let base: FormDocument;
  let baseHash: string;

  const withPattern = (doc: FormDocument, pattern: string): FormDocument => ({
    ...doc,
    schema: { ...doc.schema, required: ['member'], properties: { member: { type: 'string', title: '会員番号', pattern } } },
  });

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000', RATE_LIMIT_INTAKE_PER_MIN: '0' });
    clerk = new StaffClient(ctx.app);
    expect((await clerk.login((await makeUser(ctx.storage, 'municipal-admin', MITO)).email)).status).toBe(200);
    const created = (await clerk.post(`${cat}/procedures`, { id: 'kaiin-toroku', title: '会員登録' }).expect(201)).body;
    base = created.document;
    baseHash = created.latest.contentHash;
  });
  afterAll(() => ctx.close());

  it('refuses to save a draft with a catastrophic pattern, naming the field; nothing is saved', async () => {
    const res = await clerk.send('put', `${cat}/procedures/kaiin-toroku/draft`, { document: withPattern(base, BAD), baseHash }).expect(422);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/^使えない入力形式（正規表現）があるため、保存されていません。「会員番号」の入力形式/) });
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({
        pointer: '/member',
        keyword: 'pattern_check',
        message: expect.stringMatching(/^「会員番号」の入力形式（\^\(a\+\)\+\$）は、入力によっては処理に極端な時間がかかるため使えません/),
      }),
    ]);
    const view = (await clerk.get(`${cat}/procedures/kaiin-toroku`).expect(200)).body;
    expect(view.latest.contentHash).toBe(baseHash);
    expect(view.document.schema.properties).toEqual({});
  });

  it('refuses lookaround at save, in Japanese with an English gloss', async () => {
    const res = await clerk.send('put', `${cat}/procedures/kaiin-toroku/draft`, { document: withPattern(base, '^(?=[0-9])[0-9a-z]+$'), baseHash }).expect(422);
    expect(res.body.error.fields[0].message).toMatch(/^「会員番号」の入力形式.*先読み・後読み.*lookahead and lookbehind are not supported/);
  });

  it('saves a safe pattern', async () => {
    const saved = (await clerk.send('put', `${cat}/procedures/kaiin-toroku/draft`, { document: withPattern(base, '^[0-9]{8}$'), baseHash }).expect(200)).body;
    expect(saved.problems).toEqual([]);
    baseHash = saved.latest.contentHash;
  });

  it('refuses to import a form with a catastrophic pattern; no procedure is created', async () => {
    const file = { schema: { type: 'object', title: '会員登録', properties: { member: { type: 'string', title: '会員番号', pattern: '^([a-z]+\\s?)+$' } } } };
    const res = await clerk.post(`${cat}/procedures/import`, { id: 'kaiin-import', file }).expect(422);
    expect(res.body.error.fields[0]).toMatchObject({ keyword: 'pattern_check', message: expect.stringContaining('「会員番号」の入力形式') });
    await clerk.get(`${cat}/procedures/kaiin-import`).expect(404);
  });

  describe('a procedure stored before these checks existed', () => {
    const stored = async (pattern: string) => {
      const doc = withPattern(base, pattern);
      const latest = await ctx.storage.procedures.getLatest(MITO, 'kaiin-toroku');
      const input = { procedure: doc.procedure, schema: doc.schema, uiSchema: doc.uiSchema, contentHash: contentHash(doc) };
      return latest?.status === 'draft' ? (await ctx.storage.procedures.replaceDraft(MITO, 'kaiin-toroku', latest.version, input))! : ctx.storage.procedures.createDraft(input, new Date());
    };

    it('is not published while its pattern is unsafe', async () => {
      await stored(BAD);
      const res = await clerk.post(`${cat}/procedures/kaiin-toroku/publish`).expect(422);
      expect(res.body.error.fields).toEqual([expect.objectContaining({ keyword: 'publish_check', message: expect.stringContaining('「会員番号」の入力形式（^(a+)+$）') })]);
      expect(await ctx.storage.procedures.getPublished(MITO, 'kaiin-toroku')).toBeNull();
    });

    it("answers a resident's 5,001-character input at once, and the server stays responsive", async () => {
      const draft = await stored(BAD);
      await ctx.storage.procedures.publishDraft(MITO, 'kaiin-toroku', draft.version, new Date()); // as if published before the fix
      const submit = (member: string) => request(ctx.app).post(`/api/v1/municipalities/${MITO}/procedures/kaiin-toroku/submissions`).send({ data: { member } });
      // Backtracking needs ~2^5000 steps for this; RE2 reads it once.
      const res = await submit('a'.repeat(5000) + '!').expect(422);
      expect(res.body.error.fields.map((f: { keyword: string }) => f.keyword)).toEqual(['maxLength', 'pattern']);
      const shorter = await submit('a'.repeat(40) + '!').expect(422);
      expect(shorter.body.error.fields.map((f: { keyword: string }) => f.keyword)).toEqual(['pattern']);
      await submit('aaaa').expect(201);
      await request(ctx.app).get('/api/v1/health').expect(200);
    });
  });
});
