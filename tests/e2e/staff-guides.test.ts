/**
 * A clerk adopts the national 「子どもが生まれたとき」 guide in the staff
 * console, changes a question and adds an item with a condition, sees it in
 * the preview exactly as residents will, and saves it; the municipality's
 * admin publishes it, and the resident guide page shows the change.
 */
import type { Page } from 'playwright-core';
import { screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();
const NEW_QUESTION = '保育園や認定こども園の利用を考えていますか';
const NEW_ITEM = '水戸市の子育て応援窓口での面談';

async function signInAt(width: number, role: 'staff' | 'municipal-admin'): Promise<Page> {
  const { url, ctx } = live();
  const user = await makeUser(ctx.storage, role, MITO);
  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  return page;
}

async function openGuide(page: Page): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'メニュー' });
  // At a phone's width the menu sits behind a button.
  const toggle = page.getByRole('button', { name: 'メニュー' });
  if (await toggle.isVisible()) await toggle.click();
  await menu.getByRole('link', { name: 'ライフイベントガイド' }).click();
  await page.getByRole('heading', { level: 1, name: 'ライフイベントガイド' }).waitFor();
  await page.screenshot({ path: screenshotPath(`staff-guides-list-${page.viewportSize()!.width}`) });
  await page.getByRole('link', { name: '「子どもが生まれたとき」を編集' }).click();
  await page.locator('#guide-questions-2-text').waitFor();
}

test('a clerk edits a guide and previews it, an admin publishes it, residents see the change', async () => {
  const clerk = await signInAt(1280, 'staff');
  await openGuide(clerk);

  await clerk.locator('#guide-questions-2-text').fill(NEW_QUESTION);
  const items = await clerk.locator('textarea[id$="-reason"]').count();
  await clerk.getByRole('button', { name: '手続を追加する' }).click();
  await clerk.locator(`#guide-items-${items}-title`).fill(NEW_ITEM);
  await clerk.locator(`#guide-items-${items}-reason`).fill('保育園の利用を考えている方に、保健師が相談にのります。');
  await clerk.locator(`#guide-items-${items}-deadline`).fill('出生後1か月以内');
  await clerk.locator(`#guide-items-${items}-where`).fill('水戸市子育て支援課');
  await clerk.getByRole('button', { name: '条件を追加する' }).nth(items).click();
  await clerk.locator(`#guide-items-${items}-when-0-field`).selectOption('nursery');
  await clerk.locator(`#guide-items-${items}-when-0-value`).selectOption('はい');

  // The preview is the resident page: answering the changed question lists the new item.
  const preview = clerk.frameLocator('iframe[title="プレビュー（住民が見る画面）"]');
  await preview.getByRole('group', { name: NEW_QUESTION }).getByLabel('はい').check();
  await preview.getByRole('heading', { level: 3, name: NEW_ITEM }).waitFor();
  await clerk.locator(`#guide-items-${items}-when-0-value`).scrollIntoViewIfNeeded();
  await clerk.screenshot({ path: screenshotPath('staff-guide-editor-desktop') });
  await clerk.locator('h1').scrollIntoViewIfNeeded();
  await clerk.screenshot({ path: screenshotPath('staff-guide-preview-desktop') });
  await clerk.getByRole('button', { name: '下書きを保存する' }).click();
  await clerk.getByText('下書きを保存しました（第1版）。').waitFor();
  // A clerk saves drafts; publishing is the admin's (catalog.publish), as for procedures.
  expect(await clerk.getByRole('button', { name: '公開する' }).count()).toBe(0);

  const admin = await signInAt(360, 'municipal-admin');
  await openGuide(admin);
  expect(await admin.locator('#guide-questions-2-text').inputValue()).toBe(NEW_QUESTION);
  // Nothing widens the editor past a phone's width (long procedure titles in the selects).
  const main = admin.locator('.console__main');
  expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await admin.getByRole('button', { name: '公開する' }).click();
  await admin.getByText('公開しました。住民のガイドに表示されています（第1版）。').waitFor();
  await admin.screenshot({ path: screenshotPath('staff-guide-published-360') });
  await admin.locator('h1').scrollIntoViewIfNeeded();
  await admin.screenshot({ path: screenshotPath('staff-guide-editor-360') });
  await admin.locator(`#guide-items-${items}-when-0-value`).scrollIntoViewIfNeeded();
  await admin.screenshot({ path: screenshotPath('staff-guide-item-360') });

  const resident = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 } })).newPage();
  resident.setDefaultTimeout(10_000);
  await resident.goto(`${live().url}/m/${MITO}/guides/shussei`);
  await resident.getByRole('group', { name: NEW_QUESTION }).getByLabel('はい').check();
  const item = resident.getByRole('listitem').filter({ has: resident.getByRole('heading', { level: 3, name: NEW_ITEM }) });
  await item.waitFor();
  expect(await item.textContent()).toContain('水戸市子育て支援課');
  await item.scrollIntoViewIfNeeded();
  await resident.screenshot({ path: screenshotPath('resident-guide-edited-360') });
});
