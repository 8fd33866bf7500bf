/**
 * A municipal admin registers the town's desks once in the settings, picks one
 * as the contact of 罹災証明書, and the resident's procedure page shows that
 * desk (name, phone, address, hours) instead of the preset's placeholder.
 */
import { screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO, RISAI } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();

test('desks kept in the settings become the contact residents see', async () => {
  const { url, ctx } = live();
  const browser = chrome();
  const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
  const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(admin.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '設定' }).click();

  // A wrong phone number is named at the field; nothing is saved until it is right.
  await page.getByRole('button', { name: '窓口を追加' }).click();
  await page.locator('#desk-0-name').fill('税務課 資産税係');
  await page.locator('#desk-0-phone').fill('12345');
  await page.getByRole('button', { name: '窓口を保存' }).click();
  await page.locator('#desk-0-phone-error').waitFor();
  await page.locator('#desk-0-phone').fill('029-232-9146');
  await page.locator('#desk-0-address').fill('水戸市中央1丁目4番1号 本庁舎2階');
  await page.locator('#desk-0-hours').fill('平日 8:30〜17:15');
  await page.getByRole('button', { name: '窓口を保存' }).click();
  await page.getByText('窓口を保存しました。').waitFor();
  await page.screenshot({ path: screenshotPath('settings-desks'), fullPage: true });

  // The builder offers the desk for 罹災証明書's contact.
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '手続' }).click();
  await page.getByRole('button', { name: '「罹災証明書の発行申請」を採用して編集' }).click();
  await page.getByRole('tab', { name: /手続の情報/ }).click();
  await page.getByText('いまは仮の記載（ひな形の一般的な名称）です。').waitFor();
  await page.getByLabel('自治体の窓口から選ぶ').selectOption({ label: '税務課 資産税係' });
  await page.getByRole('button', { name: '手続の情報を反映' }).click();
  await page.getByRole('status').filter({ hasText: '保存済み' }).waitFor();
  await page.getByRole('tab', { name: /確認と公開/ }).click();
  await page.getByRole('button', { name: '公開する' }).click();
  await page.getByText('第1版として公開しました。').waitFor();

  // The resident's procedure page shows the desk.
  const resident = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 } })).newPage();
  await resident.goto(`${url}/m/${MITO}/p/${RISAI}`);
  const contact = resident.locator('address.contact');
  await contact.waitFor();
  const text = await contact.textContent();
  expect(text).toContain('税務課 資産税係');
  expect(text).toContain('029-232-9146');
  expect(text).toContain('本庁舎2階');
  expect(text).not.toContain('罹災証明担当課');
  await resident.screenshot({ path: screenshotPath('resident-procedure-desk-360'), fullPage: true });
});
