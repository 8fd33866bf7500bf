/**
 * 被災者支援 (issue #20) end to end in a real browser: the municipal admin
 * declares a disaster in the console (1280 px); the resident's home (360 px)
 * shows 「…による被害を受けた方へ」, leading to the 被災 guide and the
 * 罹災証明書, whose form shows the declared disaster read-only; the
 * application is sent with photos and stored with the declared disaster; the
 * admin closes it, and the banner is gone.
 */
import type { Page } from 'playwright-core';
import { formatWareki, RECEIPT_PATTERN } from '@madoguchi/shared';
import { screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { CLIENT_DIST } from '../../server/src/app';
import { attachFile, fillStep, next, readPreset, TINY_PNG, type PageDocument } from './resident-helpers';

const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();
const preset = readPreset('risai-shomeisho');
const steps = preset.definition.form.uiSchema['ui:options']!.steps!;

const NAME = '令和8年12月茨城県北部の地震';
const OCCURRED = '2026-12-01';
const BANNER = `${formatWareki(OCCURRED)}の${NAME}による被害を受けた方へ`;

async function newPage(width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

async function adminConsole(): Promise<Page> {
  const { url, ctx } = live();
  const user = await makeUser(ctx.storage, 'municipal-admin', MITO);
  const { page } = await newPage(1280);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '災害対応' }).click();
  await page.getByRole('heading', { level: 1, name: '災害対応' }).waitFor();
  return page;
}

const bannerOf = (page: Page) => page.getByRole('region', { name: BANNER });

test('declare → banner → 被災 guide → 罹災証明書 with the disaster read-only → stored with it → close → no banner', async () => {
  const { url, ctx } = live();
  const admin = await adminConsole();

  // A declaration without a name: the server's message beside the field and in the summary.
  await admin.getByLabel('発生日').fill(OCCURRED);
  await admin.getByRole('button', { name: '宣言する' }).click();
  const summary = admin.getByRole('alert').filter({ hasText: '件の誤りがあります' });
  await summary.waitFor();
  expect(await summary.textContent()).toContain('名称：');
  expect(await admin.locator('#disaster-name').getAttribute('aria-invalid')).toBe('true');
  await admin.screenshot({ path: screenshotPath('staff-disaster-errors-1280'), fullPage: true });
  await summary.getByRole('link', { name: /名称/ }).click();
  expect(await admin.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.activeElement?.id)).toBe('disaster-name');

  await admin.getByLabel('名称').fill(NAME);
  await admin.getByText(`＝ ${formatWareki(OCCURRED)}`).waitFor();
  await admin.getByLabel('種類').selectOption('地震');
  await admin.getByLabel(/^被害のあった町字/).fill('笠原町\n中央一丁目');
  await admin.getByLabel(/^被害のあった地域の郵便番号/).fill('310-8610');
  await admin.getByLabel('適用あり').check();
  await admin.getByLabel('適用日').fill(OCCURRED);
  await admin.getByRole('button', { name: '宣言する' }).click();
  await admin.getByText(`「${NAME}」を宣言しました。`).waitFor();
  const row = admin.getByRole('row', { name: new RegExp(NAME) });
  await row.getByText('受付中').waitFor();
  const [declared] = await ctx.storage.disasters.list(MITO);
  expect(await row.getByRole('link', { name: '被害の振り分け' }).getAttribute('href')).toBe(`/staff/disasters/${declared!.id}/triage`);
  expect(await row.getByRole('link', { name: '応援職員' }).getAttribute('href')).toBe(`/staff/disasters/${declared!.id}/grants`);
  await admin.screenshot({ path: screenshotPath('staff-disaster-declared-1280'), fullPage: true });
  // An open disaster can be corrected (the area grows).
  await row.getByRole('button', { name: `内容を変更する：${NAME}` }).click();
  await admin.getByRole('heading', { level: 2, name: `「${NAME}」の内容を変更する` }).waitFor();
  expect(await admin.getByLabel(/^被害のあった町字/).inputValue()).toBe('笠原町\n中央一丁目');
  await admin.getByLabel(/^被害のあった町字/).fill('笠原町\n中央一丁目\n千波町');
  await admin.getByRole('button', { name: '変更を保存する' }).click();
  await admin.getByText(`「${NAME}」の内容を変更しました。`).waitFor();
  expect((await ctx.storage.disasters.get(declared!.id))?.area.towns).toEqual(['笠原町', '中央一丁目', '千波町']);

  // The resident's home at a phone's width: the banner, readable and inside the screen.
  const { page: resident, errors } = await newPage(360);
  await resident.goto(`${url}/m/${MITO}`);
  await bannerOf(resident).waitFor();
  expect(await resident.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await resident.screenshot({ path: screenshotPath('resident-disaster-banner-360') });

  // To the 被災 guide, and from its banner to the 罹災証明書.
  await bannerOf(resident).getByRole('link', { name: '被災された方の支援と手続を確認する' }).click();
  await resident.waitForURL(/\/guides\/hisai$/);
  await resident.getByRole('heading', { level: 1, name: '災害で被害を受けたとき' }).waitFor();
  // On the guide itself the banner leads on to the 罹災証明書 only.
  expect(await bannerOf(resident).getByRole('link').count()).toBe(1);
  await resident.screenshot({ path: screenshotPath('resident-disaster-guide-360') });
  await bannerOf(resident).getByRole('link', { name: '罹災証明書を申請する' }).click();
  await resident.getByRole('heading', { level: 1, name: '罹災証明書の発行申請' }).waitFor();
  await resident.getByRole('link', { name: 'オンラインで申請する' }).click();

  // The form shows the declared disaster; there is nothing to type for it.
  await resident.getByRole('heading', { level: 1, name: steps[0]!.title }).waitFor();
  await resident.getByText(`対象となる災害：${formatWareki(OCCURRED)} ${NAME}`).waitFor();
  expect(await resident.locator('#root_disaster_name').count()).toBe(0);
  await resident.screenshot({ path: screenshotPath('resident-disaster-form-360'), fullPage: true });
  const { disaster: _typed, ...answers } = preset.valid;
  for (const step of steps) {
    await resident.getByRole('heading', { level: 1, name: step.title }).waitFor();
    await fillStep(resident, step.fields, answers);
    await next(resident);
  }
  await resident.getByRole('heading', { level: 1, name: '添付書類' }).waitFor();
  await attachFile(resident, 'identityDocument', '本人確認書類.png', 'image/png', TINY_PNG);
  await attachFile(resident, 'damagePhotos', '全景.png', 'image/png', TINY_PNG);
  await attachFile(resident, 'damagePhotos', '浸水の深さ.png', 'image/png', TINY_PNG);
  await next(resident);
  await resident.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
  expect(await resident.locator('main').textContent()).toContain(NAME);
  await resident.getByRole('button', { name: 'この内容で申請する' }).click();
  await resident.getByRole('heading', { level: 1, name: '申請を受け付けました' }).waitFor();
  const receipt = (await resident.locator('#receipt-number').textContent())!.trim();
  expect(receipt).toMatch(RECEIPT_PATTERN);
  const stored = await ctx.storage.submissions.findByReceiptNumber(receipt);
  expect(stored!.data.disaster).toEqual({ id: declared!.id, name: NAME, date: OCCURRED });
  expect(stored!.attachments.damagePhotos).toHaveLength(2);
  expect((await ctx.storage.disasters.getCase(stored!.id))?.photoCount).toBe(2);

  // The admin closes it, after a confirmation.
  await row.getByRole('button', { name: `受付を終了する：${NAME}` }).click();
  const dialog = admin.getByRole('alertdialog', { name: `「${NAME}」の受付を終了しますか` });
  await dialog.waitFor();
  await admin.screenshot({ path: screenshotPath('staff-disaster-close-1280') });
  await dialog.getByRole('button', { name: '受付を終了する' }).click();
  await admin.getByText(`「${NAME}」の受付を終了しました。`).waitFor();
  await row.getByText(/^終了（/).waitFor();
  expect(await row.getByRole('button').count()).toBe(0);
  await admin.setViewportSize({ width: 360, height: 900 });
  await admin.screenshot({ path: screenshotPath('staff-disaster-closed-360'), fullPage: true });

  // A resident arriving now (the list may be cached for 30 s by a browser that saw it): no banner.
  const { page: later } = await newPage(360);
  await later.goto(`${url}/m/${MITO}`);
  await later.getByRole('heading', { level: 1, name: '水戸市のオンライン申請' }).waitFor();
  await later.waitForLoadState('networkidle');
  expect(await later.locator('.disaster-banner').count()).toBe(0);
  await later.screenshot({ path: screenshotPath('resident-disaster-closed-360') });
  expect(errors).toEqual([]);
}, 180_000);

test('staff without disaster.manage see the list read-only', async () => {
  const { url, ctx } = live();
  const user = await makeUser(ctx.storage, 'staff', MITO);
  const { page } = await newPage(1280);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '災害対応' }).click();
  await page.getByText('災害の宣言・変更・終了は、自治体の管理者が行います。').waitFor();
  await page.getByRole('row', { name: new RegExp(NAME) }).waitFor();
  expect(await page.getByRole('button', { name: '宣言する' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /受付を終了する|内容を変更する/ }).count()).toBe(0);
});
