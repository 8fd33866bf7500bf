/**
 * Calculated values at intake and publish (issue #22): the server recomputes
 * every `x-calc` field and stores its own number, whatever the client sent;
 * an expression that does not parse or names an unknown answer or table is
 * refused at publish with a clear message.
 */
import request from 'supertest';
import type { FormDocument, JsonSchema } from '@madoguchi/shared';
import { buildAuthApp, makeUser, MITO, StaffClient, type AuthApp } from '../helpers/staffAuth';

const cat = `/municipalities/${MITO}/catalog`;

const schemaWith = (expression: string): JsonSchema =>
  ({
    type: 'object',
    title: '粗大ごみ収集の申込',
    required: ['items'],
    'x-lookup-tables': {
      fees: {
        title: '品目と手数料',
        keyTitle: '品目',
        valueTitle: '手数料（円）',
        rows: [
          { key: 'たんす', value: 1000 },
          { key: '自転車', value: 500 },
        ],
      },
    },
    properties: {
      items: {
        type: 'array',
        title: '出すもの',
        minItems: 1,
        items: {
          type: 'object',
          required: ['kind', 'count'],
          properties: {
            kind: { type: 'string', title: '品目', enum: ['たんす', '自転車'] },
            count: { type: 'integer', title: '個数', minimum: 1, maximum: 10 },
          },
        },
      },
      total: { type: 'integer', title: '手数料の合計（円）', readOnly: true, 'x-calc': expression },
    },
  }) as JsonSchema;

describe('calculated values', () => {
  let ctx: AuthApp;
  let clerk: StaffClient;

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' });
    clerk = new StaffClient(ctx.app);
    const user = await makeUser(ctx.storage, 'municipal-admin', MITO);
    expect((await clerk.login(user.email)).status).toBe(200);
  });
  afterAll(() => ctx.close());

  const saveDraft = async (schema: JsonSchema) => {
    const view = (await clerk.get(`${cat}/procedures/sodai-gomi`).expect(200)).body;
    const document: FormDocument = { ...view.document, schema, uiSchema: {} };
    return (await clerk.send('put', `${cat}/procedures/sodai-gomi/draft`, { document, baseHash: view.latest.contentHash }).expect(200)).body;
  };

  it('refuses to publish an expression naming an unknown answer or table, or one that does not parse', async () => {
    await clerk.post(`${cat}/procedures`, { id: 'sodai-gomi', title: '粗大ごみ収集の申込' }).expect(201);
    const saved = await saveDraft(schemaWith("sum(items, lookup('prices', kind) * qty) + (1"));
    expect(saved.problems.map((p: { message: string }) => p.message)).toEqual(['「手数料の合計（円）」: 式の46文字目あたりが読み取れません（括弧・引用符・演算子を確認してください）。']);
    await saveDraft(schemaWith("sum(items, lookup('prices', kind) * qty)"));
    const failed = await clerk.post(`${cat}/procedures/sodai-gomi/publish`).expect(422);
    expect(failed.body.error.fields.map((f: { message: string }) => f.message)).toEqual([
      '「手数料の合計（円）」: 計算式の表「prices」がありません。表を追加するか、表の名前を確認してください。',
      '「手数料の合計（円）」: 計算式の「qty」という項目がありません。',
    ]);
  });

  it("stores the server's value when the client sends a wrong one (or none, or not a number)", async () => {
    await saveDraft(schemaWith("sum(items, lookup('fees', kind) * count)"));
    await clerk.post(`${cat}/procedures/sodai-gomi/publish`).expect(201);
    const items = [
      { kind: 'たんす', count: 2 },
      { kind: '自転車', count: 1 },
    ];
    for (const total of [1, 'free', undefined]) {
      const res = await request(ctx.app).post(`/api/v1/municipalities/${MITO}/procedures/sodai-gomi/submissions`).send({ data: { items, total } }).expect(201);
      const stored = await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber);
      expect(stored?.data).toEqual({ items, total: 2500 });
    }
  });
});
