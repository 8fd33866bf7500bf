/**
 * A clerk's morning in the inbox, in headless Chromium on the built app (issue #21), one journey across the
 * pieces the other browser tests check one by one: the 期限超過 filter after Golden Week, a bulk assignment
 * of what it finds, a message to one resident, a 却下 with its reason and notice on another, and the
 * residents reading the message and the 却下通知書 on their status pages at 360 px.
 * Screenshots at desktop width and 360 px (test-results/screenshots/staff-morning-*.png).
 */
import type { Browser, Page } from 'playwright-core';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildInboxApp, manualClock, MITO, RISAI, risaiData, setHouseholder, submit } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

// Tuesday 27 April 2027, 09:30 in Japan: two applications arrive before Golden Week.
const clock = manualClock(new Date('2027-04-27T00:30:00Z'));
const live = useLiveApp(() => buildInboxApp({}, clock.now, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();

async function pageAt(browser: Browser, width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width, height: width < 500 ? 780 : 900 }, acceptDownloads: true })).newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

test('a clerk finds the overdue, takes them, writes to one resident and rejects another; the residents read both', async () => {
  const { ctx, url } = live();
  const clerk = await makeUser(ctx.storage, 'staff', MITO, { displayName: '窓口 花子' });
  await ctx.storage.deadlines.setPeriod({ municipalityCode: MITO, procedureId: RISAI, days: 3, unit: 'business', updatedAt: clock.now().toISOString(), updatedBy: 'setup' });
  const asking = await submit(
    ctx,
    risaiData((d) => setHouseholder(d, '常陸', '太郎', 'ヒタチ', 'タロウ')),
  );
  const outside = await submit(
    ctx,
    risaiData((d) => setHouseholder(d, '笠間', '次郎', 'カサマ', 'ジロウ')),
  );
  // Friday 7 May: due on 5/6 (3 開庁日 after Golden Week's holidays), so both are a day late; one more arrives today.
  clock.set(new Date('2027-05-07T00:30:00Z'));
  const fresh = await submit(ctx);

  const { page, errors } = await pageAt(chrome(), 1280);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(clerk.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '受付一覧' }).click();

  // 1. The overdue filter: the two late ones, each marked 「1日超過」 in words.
  await page.getByLabel('処理期限').selectOption('overdue');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await page.waitForURL(/due=overdue/);
  for (const s of [asking, outside])
    await page
      .getByRole('row', { name: new RegExp(s.receiptNumber) })
      .locator('td[data-col="due"] .deadline__standing', { hasText: '1日超過' })
      .waitFor();
  expect(await page.locator('.inbox-table tbody tr').count()).toBe(2);
  expect(await page.getByText(fresh.receiptNumber).count()).toBe(0);
  await page.screenshot({ path: screenshotPath('staff-morning-1-overdue'), fullPage: true });

  // 2. A bulk assignment: the clerk takes both at once.
  await page.getByRole('checkbox', { name: 'このページの申請をすべて選択' }).check();
  await page.getByText('2件を選択中').waitFor();
  const bar = page.getByRole('region', { name: '選択した申請の一括操作' });
  await bar.getByLabel('担当者', { exact: true }).selectOption({ label: '窓口 花子' });
  await bar.getByRole('button', { name: '担当者を設定' }).click();
  await bar.getByText('変更した申請（2件）').waitFor();
  for (const s of [asking, outside]) expect((await ctx.storage.submissions.findById(s.id))!.assigneeId).toBe(clerk.id);
  expect((await ctx.storage.submissions.findById(fresh.id))!.assigneeId ?? null).toBeNull();
  await page.screenshot({ path: screenshotPath('staff-morning-2-assigned'), fullPage: true });

  // 3. A message to the first resident, outside any correction.
  await page.getByRole('link', { name: asking.receiptNumber }).click();
  await page.getByText('標準処理期間 3開庁日（受付時の設定）').waitFor();
  await page.getByLabel('申請者へのメッセージ').fill('被害の写真をもう1枚お送りいただけますか。');
  await page.getByRole('button', { name: 'メッセージを送る' }).click();
  await page.getByText('メッセージを送りました。').waitFor();
  await page.screenshot({ path: screenshotPath('staff-morning-3-message'), fullPage: true });

  // 4. The second is outside the city: 却下 asks for the reason, and the numbered notice follows.
  await page.goto(`${url}/staff/inbox/${outside.id}`);
  await page.getByRole('radio', { name: '却下' }).check();
  await page.getByRole('button', { name: '状況を変更する' }).click();
  // No reason yet: the form does not go (the field is required) and nothing changes.
  const reason = page.getByLabel('却下の理由（必須・却下通知書に記載）');
  expect(await reason.evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
  expect((await ctx.storage.submissions.findById(outside.id))!.status).toBe('received');
  await reason.fill('被害を受けた住家が水戸市外にあるため。');
  await page.getByRole('button', { name: '状況を変更する' }).click();
  await page.getByText('状況を「却下」に変更しました。').waitFor();
  await page.getByRole('region', { name: '決定通知' }).getByText('却下通知書 水戸市指令 第000001号', { exact: false }).waitFor();
  await page.screenshot({ path: screenshotPath('staff-morning-4-rejected'), fullPage: true });
  expect(errors).toEqual([]);

  // 5. The residents, on their phones: one reads the unread message, the other the 却下通知書.
  const { page: phone, errors: phoneErrors } = await pageAt(chrome(), 360);
  await phone.goto(`${url}/status/${asking.receiptNumber}#${encodeURIComponent(asking.secret)}`);
  await phone.getByText('未読のメッセージが1件あります。').waitFor();
  await phone.getByText('令和9年5月6日ごろ（標準処理期間 3開庁日）').waitFor();
  expect(await phone.locator('.thread__item--unread').innerText()).toContain('被害の写真をもう1枚');
  await phone.screenshot({ path: screenshotPath('staff-morning-5-resident-message-360'), fullPage: true });
  await phone.goto(`${url}/status/${outside.receiptNumber}#${encodeURIComponent(outside.secret)}`);
  await phone.getByText('申請は却下されました。', { exact: false }).waitFor();
  await phone.getByText('却下通知書 水戸市指令 第000001号', { exact: false }).waitFor();
  const [download] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: '却下通知書をダウンロード（PDF）' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/u);
  await phone.screenshot({ path: screenshotPath('staff-morning-6-resident-notice-360'), fullPage: true });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(phoneErrors).toEqual([]);
});
