/**
 * The builder's calculated values (issue #22): a clerk sets the fee table of
 * 粗大ごみ from the keyboard (rows added and removed with buttons, focus on the
 * new row), and writes the fee's expression, seeing problems in Japanese as
 * they type and the names they may use; both are saved as edits of the draft.
 */
import type { Page } from 'playwright-core';
import type { FormDocument } from '@madoguchi/shared';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildAuthApp, makeUser, MITO, PASSWORD, StaffClient } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, undefined, process.env.MADOGUCHI_CLIENT_DIST ?? CLIENT_DIST));
const chrome = useBrowser();
const cat = `/municipalities/${MITO}/catalog`;
let clerkEmail = '';
let api: StaffClient;

const schema = {
  type: 'object',
  title: '粗大ごみ収集の申込',
  'x-lookup-tables': { fees: { title: '品目と手数料', keyTitle: '品目', valueTitle: '手数料（円）', rows: [{ key: 'たんす', value: 1000 }] } },
  properties: {
    items: {
      type: 'array',
      title: '出すもの',
      minItems: 1,
      items: { type: 'object', title: '品目', properties: { kind: { type: 'string', title: '品目', enum: ['たんす', '自転車'] }, count: { type: 'integer', title: '個数', minimum: 1 } } },
    },
    total: { type: 'integer', title: '手数料の合計（円）', readOnly: true, 'x-calc': 'count(items)' },
  },
};

beforeAll(async () => {
  const { app, storage } = live().ctx;
  clerkEmail = (await makeUser(storage, 'municipal-admin', MITO)).email;
  api = new StaffClient(app);
  expect((await api.login(clerkEmail)).status).toBe(200);
  const created = (await api.post(`${cat}/procedures`, { id: 'sodai-gomi', title: '粗大ごみ収集の申込' }).expect(201)).body;
  await api.send('put', `${cat}/procedures/sodai-gomi/draft`, { document: { ...created.document, schema, uiSchema: {} } as FormDocument, baseHash: created.latest.contentHash }).expect(200);
});

const focusedId = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? '');

test('a clerk sets the fee table by keyboard and writes the fee expression with Japanese feedback', async () => {
  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${live().url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(clerkEmail);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
  await page.goto(`${live().url}/staff/procedures/own/sodai-gomi`);
  await page.getByRole('heading', { level: 1, name: '「粗大ごみ収集の申込」の編集' }).waitFor();

  // The fee table: 行を追加 with Enter puts focus in the new row; typing and Enter saves.
  await page.getByRole('tab', { name: '計算用の表' }).click();
  await page.getByRole('button', { name: '行を追加' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id === 'table-fees-row-1');
  await page.keyboard.type('自転車');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('500');
  // A third row, added then removed from the keyboard: focus returns to the row before it.
  await page.getByRole('button', { name: '行を追加' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('ソファ');
  await page.getByRole('button', { name: '3行目（ソファ）を削除' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id === 'table-fees-row-1');
  expect(await focusedId(page)).toBe('table-fees-row-1');
  await page.keyboard.press('Enter'); // submits the table
  await page.getByText('表「品目と手数料」を保存しました。').waitFor();
  await page.screenshot({ path: screenshotPath('builder-calc-table'), fullPage: true });

  // The expression: problems in Japanese while typing, the names it may use, then saved.
  await page.getByRole('tab', { name: '項目' }).click();
  await page.locator('button[data-path="total"][data-control="select"]').click();
  const editor = page.locator('#edit-calc');
  await editor.waitFor();
  expect(await page.locator('#edit-required').count()).toBe(0); // never typed: neither required nor optional
  await editor.fill("sum(items, lookup('fees', kind) * qty");
  await page.locator('#edit-calc-status').filter({ hasText: '文字目あたりが読み取れません' }).waitFor();
  await editor.fill("sum(items, lookup('fees', kind) * qty)");
  await page.locator('#edit-calc-status').filter({ hasText: '計算式の「qty」という項目がありません。' }).waitFor();
  await page.getByText('使える名前と関数').click();
  await page.locator('.calc-names').getByText('count', { exact: true }).waitFor();
  await editor.fill("sum(items, lookup('fees', kind) * count)");
  await page.locator('#edit-calc-status').filter({ hasText: '計算式に問題はありません。' }).waitFor();
  await page.screenshot({ path: screenshotPath('builder-calc-expression'), fullPage: true });
  await editor.press('Enter');
  await page.getByText('「手数料の合計（円）」の計算式を反映しました。').waitFor();
  await page.getByRole('status').filter({ hasText: '保存済み' }).waitFor();

  const draft = (await api.get(`${cat}/procedures/sodai-gomi`).expect(200)).body;
  expect(draft.document.schema.properties.total['x-calc']).toBe("sum(items, lookup('fees', kind) * count)");
  expect(draft.document.schema['x-lookup-tables'].fees.rows).toEqual([
    { key: 'たんす', value: 1000 },
    { key: '自転車', value: 500 },
  ]);
  expect(draft.problems).toEqual([]);
});
