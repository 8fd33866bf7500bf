/**
 * Conditions at intake, through real HTTP: the server discards the answers of
 * hidden fields before storing, and requires a conditionally required answer
 * with a Japanese message.
 */
import request from 'supertest';
import { composeLayer, type EditOp, type FormDocument } from '@madoguchi/shared';
import { buildAuthApp, makeUser, MITO, StaffClient, type AuthApp } from '../helpers/staffAuth';

const cat = `/municipalities/${MITO}/catalog`;
let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `i${++n}`, ...o }) as unknown as EditOp;

const withConditions = (doc: FormDocument): FormDocument =>
  composeLayer(
    doc,
    [
      op({ type: 'addField', parent: '', field: { key: 'household', kind: 'number', label: '世帯人数', required: true } }),
      op({ type: 'addField', parent: '', field: { key: 'largeFamily', kind: 'text', label: '大家族の事情', required: true } }),
      op({ type: 'addField', parent: '', field: { key: 'items', kind: 'group', label: '出すもの', itemLabel: '品目' } }),
      op({ type: 'addField', parent: 'items', field: { key: 'kind', kind: 'choice', label: '品目', required: true, options: ['たんす', 'その他'] } }),
      op({ type: 'addField', parent: 'items', field: { key: 'name', kind: 'text', label: '品名', required: true } }),
      op({ type: 'addField', parent: '', field: { key: 'reason', kind: 'text', label: '理由' } }),
      op({ type: 'setLogic', path: 'largeFamily', logic: { effect: 'show', when: { field: 'household', op: 'gte', value: 3 } } }),
      op({ type: 'setLogic', path: 'items.name', logic: { effect: 'show', when: { field: 'items.kind', op: 'equals', value: 'その他' } } }),
      op({ type: 'setLogic', path: 'reason', logic: { effect: 'require', when: { field: 'household', op: 'gte', value: 5 } } }),
      // A section on another step whose field depends on 世帯人数 (step 1): the branch sits at the form root.
      op({ type: 'addStep', title: '連絡先' }),
      op({ type: 'addField', parent: '', step: 1, field: { key: 'contact', kind: 'section', label: '連絡先' } }),
      op({ type: 'addField', parent: 'contact', field: { key: 'phone', kind: 'text', label: '電話番号' } }),
      op({ type: 'addField', parent: 'contact', field: { key: 'daytime', kind: 'text', label: '日中の連絡先', required: true } }),
      op({ type: 'setLogic', path: 'contact.daytime', logic: [{ effect: 'show', when: { field: 'household', op: 'gte', value: 3 } }] }),
    ],
    { enforceLocks: false },
  );

describe('conditions at intake', () => {
  let ctx: AuthApp;
  const submit = (data: unknown) => request(ctx.app).post(`/api/v1/municipalities/${MITO}/procedures/jouken/submissions`).send({ data });

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' });
    const clerk = new StaffClient(ctx.app);
    expect((await clerk.login((await makeUser(ctx.storage, 'municipal-admin', MITO)).email)).status).toBe(200);
    const created = (await clerk.post(`${cat}/procedures`, { id: 'jouken', title: '条件の試験' }).expect(201)).body;
    await clerk.send('put', `${cat}/procedures/jouken/draft`, { document: withConditions(created.document), baseHash: created.latest.contentHash }).expect(200);
    await clerk.post(`${cat}/procedures/jouken/publish`).expect(201);
  });
  afterAll(() => ctx.close());

  it('discards the answers of hidden fields before storing (also in rows)', async () => {
    const res = await submit({
      household: 2,
      largeFamily: '隠れた回答',
      items: [
        { kind: 'たんす', name: '隠れた品名' },
        { kind: 'その他', name: 'ピアノ' },
      ],
    }).expect(201);
    const stored = await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber);
    expect(stored!.data).toEqual({ household: 2, items: [{ kind: 'たんす' }, { kind: 'その他', name: 'ピアノ' }] });
  });

  it('keeps a shown answer and requires a conditionally required one, in Japanese', async () => {
    const res = await submit({ household: 5, largeFamily: '三世代' }).expect(422);
    expect(res.body.error.fields.map((f: { pointer: string; message: string }) => `${f.pointer} ${f.message}`)).toEqual(['/reason 「理由」を入力してください。']);
    const ok = await submit({ household: 5, largeFamily: '三世代', reason: '引越し' }).expect(201);
    expect((await ctx.storage.submissions.findByReceiptNumber(ok.body.receiptNumber))!.data).toEqual({ household: 5, largeFamily: '三世代', reason: '引越し' });
  });

  it('discards a hidden answer inside a section whose condition is on another step, keeping the rest of the section', async () => {
    const res = await submit({ household: 2, contact: { phone: '029-000-0000', daytime: '隠れた連絡先' } }).expect(201);
    expect((await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber))!.data).toEqual({ household: 2, contact: { phone: '029-000-0000' } });
    const missing = await submit({ household: 3, largeFamily: '三世代', contact: { phone: '029-000-0000' } }).expect(422);
    expect(missing.body.error.fields.map((f: { pointer: string; message: string }) => `${f.pointer} ${f.message}`)).toEqual(['/contact/daytime 「日中の連絡先」を入力してください。']);
    const kept = await submit({ household: 3, largeFamily: '三世代', contact: { daytime: '平日の夕方' } }).expect(201);
    expect((await ctx.storage.submissions.findByReceiptNumber(kept.body.receiptNumber))!.data).toEqual({ household: 3, largeFamily: '三世代', contact: { daytime: '平日の夕方' } });
  });
});
