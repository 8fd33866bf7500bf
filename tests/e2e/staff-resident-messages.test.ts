/**
 * The message thread in a real browser (issue #21): a clerk writes to the
 * resident from the submission page; the resident sees it marked unread on
 * the status page (at 360 px) and replies with a photo; the clerk finds the
 * submission with the 「未読メッセージあり」 filter, its badge, and the reply
 * marked unread in the thread. Screenshots at 360 px and desktop width.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildInboxApp, MITO, risaiData, setHouseholder, submit } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

const PHOTO = join(__dirname, '..', 'fixtures', 'photo.png');
const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();

async function pageAt(width: number): Promise<{ page: Page; errors: string[] }> {
  const context = await chrome().newContext({ viewport: { width, height: width < 500 ? 780 : 900 }, locale: 'ja-JP', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

test('clerk writes, resident sees the unread mark and replies, clerk sees the reply', async () => {
  await makeUser(live().ctx.storage, 'staff', MITO, { email: 'hanako@city.mito.example', displayName: '窓口 花子' });
  const s = await submit(
    live().ctx,
    risaiData((d) => setHouseholder(d, '常陸', '太郎', 'ヒタチ', 'タロウ')),
  );

  // The clerk opens the submission and writes (desktop).
  const { page: clerk, errors: clerkErrors } = await pageAt(1280);
  await clerk.goto(`${live().url}/staff/login`);
  await clerk.getByLabel('メールアドレス').fill('hanako@city.mito.example');
  await clerk.getByLabel('パスワード').fill(PASSWORD);
  await clerk.getByRole('button', { name: 'ログイン' }).click();
  await clerk.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '受付一覧' }).click();
  await clerk.getByRole('link', { name: s.receiptNumber }).click();
  await clerk.getByText('メッセージはまだありません。').waitFor();
  await clerk.getByRole('button', { name: 'メッセージを送る' }).click();
  await clerk.getByRole('alert').getByText('メッセージを入力してください（2000文字以内）。').waitFor(); // empty: refused, nothing stored
  await clerk.getByLabel('申請者へのメッセージ').fill('罹災証明書の受け取り方法についてご確認ください。窓口での受け取りをご希望ですか。');
  await clerk.getByRole('button', { name: 'メッセージを送る' }).click();
  await clerk.getByText('メッセージを送りました。').waitFor();
  await clerk.getByText('罹災証明書の受け取り方法についてご確認ください。', { exact: false }).waitFor();

  // The resident opens the status page on a phone: the message is marked unread.
  const { page: resident, errors: residentErrors } = await pageAt(360);
  await resident.goto(`${live().url}/status/${s.receiptNumber}#${encodeURIComponent(s.secret)}`);
  await resident.getByRole('heading', { name: '窓口とのメッセージ' }).waitFor();
  await resident.getByText('未読のメッセージが1件あります。').waitFor();
  const clerkMessage = resident.locator('.thread__item--unread');
  expect(await clerkMessage.innerText()).toContain('窓口での受け取りをご希望ですか。');
  expect(await clerkMessage.innerText()).toContain('窓口');
  expect(await clerkMessage.innerText()).not.toContain('花子'); // the clerk's name stays inside
  await resident.getByRole('heading', { name: '窓口とのメッセージ' }).scrollIntoViewIfNeeded();
  await resident.screenshot({ path: screenshotPath('messages-360-1-unread'), fullPage: true });
  expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await resident.getByLabel('窓口へのメッセージ（質問など）').fill('窓口で受け取ります。被害の写真も追加でお送りします。');
  await resident.getByLabel('ファイルを添付（任意）').setInputFiles(PHOTO);
  await resident.getByRole('button', { name: 'メッセージを送る' }).click();
  await resident.getByText('メッセージを送りました。').waitFor();
  await resident.getByRole('button', { name: 'photo.png' }).waitFor();
  expect(await resident.locator('.thread__item--unread').count()).toBe(0); // read now
  await resident.screenshot({ path: screenshotPath('messages-360-2-replied'), fullPage: true });

  // The clerk filters the inbox by unread messages and sees the badge, then the reply marked unread.
  await clerk.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '受付一覧' }).click();
  await clerk.getByLabel('未読メッセージあり').check();
  await clerk.getByRole('button', { name: '検索' }).click();
  const rows = clerk.getByRole('table').getByRole('row');
  await rows.nth(1).getByText('未読メッセージ').waitFor();
  expect(await rows.count()).toBe(2);
  await clerk.screenshot({ path: screenshotPath('messages-desktop-1-inbox-filter'), fullPage: true });
  await rows.nth(1).getByRole('link', { name: s.receiptNumber }).click();
  await clerk.getByText('未読のメッセージが1件あります。').waitFor();
  expect(await clerk.locator('.thread__item--unread').innerText()).toContain('窓口で受け取ります。');
  await clerk.getByRole('button', { name: 'photo.png' }).waitFor();
  await clerk
    .getByRole('heading', { name: /メッセージ|やり取り/ })
    .first()
    .scrollIntoViewIfNeeded();
  await clerk.screenshot({ path: screenshotPath('messages-desktop-2-thread'), fullPage: true });
  await clerk.setViewportSize({ width: 360, height: 780 }); // a clerk on a phone: the thread stacks below the answers
  await clerk.locator('.thread').scrollIntoViewIfNeeded();
  await clerk.screenshot({ path: screenshotPath('messages-360-3-staff-thread') });
  await clerk.setViewportSize({ width: 1280, height: 900 });

  // Opened: the filter no longer finds it.
  await clerk.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '受付一覧' }).click();
  await clerk.getByLabel('未読メッセージあり').check();
  await clerk.getByRole('button', { name: '検索' }).click();
  await clerk.getByText('該当する申請はありません。').waitFor();
  expect(clerkErrors).toEqual([]);
  expect(residentErrors).toEqual([]);
});
