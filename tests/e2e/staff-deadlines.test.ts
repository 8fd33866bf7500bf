/**
 * 標準処理期間 in headless Chromium on the built app (issue #21): the admin sets a procedure's period (a bad
 * one refused in Japanese), submissions get due dates, and days later a clerk filters the inbox to 期限超過 —
 * marked by an icon and words, not colour alone — and opens one to read its due date and period.
 * Desktop and 360 px screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildInboxApp, manualClock, submit } from '../helpers/inboxApp';
import { MITO, makeUser, PASSWORD } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

// Tuesday 27 April 2027, 09:30 in Japan.
const clock = manualClock(new Date('2027-04-27T00:30:00Z'));
const live = useLiveApp(() => buildInboxApp({}, clock.now, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();

async function signedIn(browser: Browser, email: string, width: number): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${live().url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
  return page;
}

test('the admin sets 3 開庁日; a week later the clerk filters the overdue ones and reads a due date', async () => {
  const { ctx, url } = live();
  const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
  const clerk = await makeUser(ctx.storage, 'staff', MITO, { displayName: '窓口 花子' });

  const settings = await signedIn(chrome(), admin.email, 1280);
  await settings.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '標準処理期間' }).click();
  await settings
    .getByRole('row', { name: /罹災証明書の発行申請/ })
    .getByText('未設定')
    .waitFor();
  await settings.getByLabel('手続').selectOption({ label: '罹災証明書の発行申請' });
  await settings.getByLabel('日数').fill('0');
  await settings.getByRole('button', { name: '保存' }).click();
  await settings.getByRole('alert').getByText('標準処理期間は1〜365の日数').waitFor();
  await settings.getByLabel('日数').fill('3');
  await settings.getByLabel('数え方').selectOption('business');
  await settings.getByRole('button', { name: '保存' }).click();
  await settings.getByText('標準処理期間を保存しました。').waitFor();
  await settings
    .getByRole('row', { name: /罹災証明書の発行申請/ })
    .getByText('3開庁日')
    .waitFor();
  await settings.screenshot({ path: screenshotPath('staff-deadlines-settings'), fullPage: true });

  // Two received before Golden Week (due 5/6), one on Friday 5/7 (due 5/12).
  const late = [await submit(ctx), await submit(ctx)];
  clock.set(new Date('2027-05-07T00:30:00Z'));
  const fresh = await submit(ctx);

  const page = await signedIn(chrome(), clerk.email, 1280);
  await page.goto(`${url}/staff/inbox`);
  await page.getByLabel('処理期限').selectOption('overdue');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await page.waitForURL(/due=overdue/);
  for (const s of late)
    await page
      .getByRole('row', { name: new RegExp(s.receiptNumber) })
      .locator('td .deadline__standing', { hasText: '1日超過' })
      .waitFor();
  expect(await page.locator('.inbox-table tbody tr').count()).toBe(2);
  expect(await page.getByText(fresh.receiptNumber).count()).toBe(0);
  // Overdue is said in words with an icon, not by colour alone.
  expect(await page.locator('td .deadline--overdue .deadline__icon').count()).toBe(2);
  await page.screenshot({ path: screenshotPath('staff-deadlines-overdue'), fullPage: true });

  await page.getByRole('link', { name: late[0]!.receiptNumber }).click();
  await page.getByText('標準処理期間 3開庁日（受付時の設定）').waitFor();
  await page.getByText('（2027-05-06）').waitFor();
  await page.screenshot({ path: screenshotPath('staff-deadlines-submission') });

  const phone = await signedIn(chrome(), clerk.email, 360);
  await phone.goto(`${url}/staff/inbox?due=overdue`);
  await phone
    .getByRole('row', { name: new RegExp(late[1]!.receiptNumber) })
    .locator('.inbox-table__due-inline .deadline__standing', { hasText: '1日超過' })
    .waitFor();
  await phone.screenshot({ path: screenshotPath('staff-deadlines-overdue-360'), fullPage: true });
});
