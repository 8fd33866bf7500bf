/**
 * Calculated values in the resident's form (issue #22): a 粗大ごみ-style fee
 * (sum over the items of fee × count, from the clerk's table) updates as the
 * resident adds items, reads in yen at phone width and on the review step, and
 * the number the server stores is the one the resident saw.
 */
import request from 'supertest';
import type { FormDocument } from '@madoguchi/shared';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildAuthApp, makeUser, MITO, StaffClient } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';
import { fillValue, next } from './resident-helpers';

const live = useLiveApp(() => buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, undefined, process.env.MADOGUCHI_CLIENT_DIST ?? CLIENT_DIST));
const chrome = useBrowser();
const cat = `/municipalities/${MITO}/catalog`;

const schema = {
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
        { key: 'ソファ', value: 1500 },
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
        title: '品目',
        required: ['kind', 'count'],
        properties: {
          kind: { type: 'string', title: '品目', enum: ['たんす', '自転車', 'ソファ'] },
          count: { type: 'integer', title: '個数', minimum: 1, maximum: 10 },
        },
      },
    },
    total: { type: 'integer', title: '手数料の合計（円）', readOnly: true, 'x-calc': "sum(items, lookup('fees', kind) * count)" },
  },
};

beforeAll(async () => {
  const { app, storage } = live().ctx;
  const clerk = new StaffClient(app);
  expect((await clerk.login((await makeUser(storage, 'municipal-admin', MITO)).email)).status).toBe(200);
  const created = (await clerk.post(`${cat}/procedures`, { id: 'sodai-gomi', title: '粗大ごみ収集の申込' }).expect(201)).body;
  const document = { ...created.document, schema, uiSchema: {} } as FormDocument;
  const saved = (await clerk.send('put', `${cat}/procedures/sodai-gomi/draft`, { document, baseHash: created.latest.contentHash }).expect(200)).body;
  expect(saved.problems).toEqual([]);
  await clerk.post(`${cat}/procedures/sodai-gomi/publish`).expect(201);
});

test('the resident sees the fee change as items are added, in yen, and the server stores that number', async () => {
  const context = await chrome().newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${live().url}/m/${MITO}/p/sodai-gomi/apply`);
  const total = page.locator('output#root_total');
  await total.waitFor();
  expect(await total.textContent()).toBe('0円'); // one empty row: nothing to pay yet
  await page.getByText('自動計算', { exact: true }).waitFor();

  await fillValue(page, 'root_items', [{ kind: 'たんす', count: 2 }]);
  await page.waitForFunction(
    () => (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } | null } }).document.getElementById('root_total')?.textContent === '2,000円',
  );
  await fillValue(page, 'root_items', [
    { kind: 'たんす', count: 2 },
    { kind: 'ソファ', count: 1 },
  ]);
  await page.waitForFunction(
    () => (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } | null } }).document.getElementById('root_total')?.textContent === '3,500円',
  );
  // Typed, not computed: the field has no input the resident could change.
  expect(await page.locator('input#root_total').count()).toBe(0);
  expect(await page.locator('label[for="root_total"]').textContent()).toBe('手数料の合計（円）'); // neither 必須 nor 任意
  await page.getByText('手数料の合計（円）').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('resident-phone-calc-fee'), fullPage: true });

  await next(page);
  await page.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
  const totalRow = page.locator('.review-list__row', { hasText: '手数料の合計（円）' });
  await totalRow.getByText('3,500円').waitFor();
  expect(await totalRow.getByRole('button', { name: /変更する/ }).count()).toBe(0); // computed, nothing to change
  await page.screenshot({ path: screenshotPath('resident-phone-calc-review'), fullPage: true });
  await page.getByRole('button', { name: 'この内容で申請する' }).click();
  await page.getByRole('heading', { level: 1, name: '申請を受け付けました' }).waitFor();
  const receipt = (await page.locator('#receipt-number').textContent())!.trim();
  const stored = await live().ctx.storage.submissions.findByReceiptNumber(receipt);
  expect(stored?.data.total).toBe(3500);
  await context.close();
});

test('a wrong total sent by a client is replaced by the server’s', async () => {
  const res = await request(live().ctx.app)
    .post(`/api/v1/municipalities/${MITO}/procedures/sodai-gomi/submissions`)
    .send({ data: { items: [{ kind: '自転車', count: 3 }], total: 0 } })
    .expect(201);
  expect((await live().ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber))?.data.total).toBe(1500);
});
