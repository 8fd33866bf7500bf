/**
 * Decision notices in a real browser (issue #21): a clerk rejects a
 * submission with a reason on its page and sees the numbered 却下通知書 there;
 * the resident reads it on the status page at 360 px and downloads the PDF
 * (rendered to PNG with pdftoppm, to look at); the template editor opens with
 * the default 教示文. Screenshots at 360 px and desktop width.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildInboxApp, MITO, risaiData, setHouseholder, submit } from '../helpers/inboxApp';
import { CLIENT_DIST } from '../../server/src/app';
import { makeUser, PASSWORD } from '../helpers/staffAuth';

const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();

async function pageAt(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await (await chrome().newContext({ viewport: { width, height }, locale: 'ja-JP', acceptDownloads: true })).newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

async function signInAs(page: Page, email: string) {
  await page.goto(`${live().url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
}

test('a clerk rejects with a reason; the resident reads and downloads the 却下通知書', async () => {
  const { storage } = live().ctx;
  await makeUser(storage, 'staff', MITO, { email: 'hanako@city.mito.example', displayName: '窓口 花子' });
  const applied = await submit(
    live().ctx,
    risaiData((d) => setHouseholder(d, '常陸', '太郎', 'ヒタチ', 'タロウ')),
  );

  // The clerk opens the submission and chooses 却下: the form asks for the reason that goes on the notice.
  const { page: clerk, errors: clerkErrors } = await pageAt(1280, 900);
  await signInAs(clerk, 'hanako@city.mito.example');
  await clerk.goto(`${live().url}/staff/inbox/${applied.id}`);
  await clerk.getByRole('heading', { name: '罹災証明書の発行申請' }).waitFor();
  await clerk.getByRole('radio', { name: '却下' }).check();
  await clerk.getByText('却下通知書）が番号付きで作成され', { exact: false }).waitFor();
  await clerk.getByLabel('却下の理由（必須・却下通知書に記載）').fill('被害を受けた住家が水戸市外にあるため。');
  await clerk.getByRole('button', { name: '状況を変更する' }).click();
  await clerk.getByText('状況を「却下」に変更しました。').waitFor();
  const panel = clerk.getByRole('region', { name: '決定通知' });
  await panel.getByText('却下通知書 水戸市指令 第000001号', { exact: false }).waitFor();
  expect(await panel.getByRole('link', { name: '通知書をダウンロード（PDF）' }).getAttribute('href')).toBe(`/api/v1/staff/municipalities/${MITO}/submissions/${applied.id}/notice/pdf`);
  await clerk.screenshot({ path: screenshotPath('decision-notice-1-staff-desktop'), fullPage: true });

  // The template editor, with the default 教示文.
  await clerk.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '通知書のひな形' }).click();
  await clerk.getByRole('heading', { level: 1, name: '決定通知書・却下通知書のひな形' }).waitFor();
  await clerk.getByText('標準の文面を使用中').waitFor();
  expect(await clerk.getByLabel('教示文（却下通知書に記載）').inputValue()).toContain('3か月以内');
  await clerk.getByLabel('却下通知書の本文（{理由} を含める）').fill('却下します。');
  await clerk.getByRole('button', { name: '保存する' }).click();
  await clerk.getByText('ひな形に1件の誤りがあります').waitFor();
  await clerk.screenshot({ path: screenshotPath('decision-notice-2-template-error-desktop'), fullPage: true });
  expect(clerkErrors).toEqual([]);

  // The resident, on a phone: the status page shows the notice and downloads the PDF.
  const { page: phone, errors } = await pageAt(360, 780);
  await phone.goto(`${live().url}/status/${applied.receiptNumber}#${encodeURIComponent(applied.secret)}`);
  await phone.getByText('申請は却下されました。', { exact: false }).waitFor();
  await phone.getByText('却下通知書 水戸市指令 第000001号', { exact: false }).waitFor();
  await phone.screenshot({ path: screenshotPath('decision-notice-3-resident-360'), fullPage: true });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const [download] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: '却下通知書をダウンロード（PDF）' }).click()]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const file = screenshotPath('decision-notice-pdf').replace(/\.png$/u, '.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', file, file.replace(/\.pdf$/u, '')]);
  const text = execFileSync('pdftotext', [file, '-']).toString('utf8');
  expect(text).toContain('被害を受けた住家が水戸市外にあるため。');
  expect(text).toContain('3か月以内');
  expect(errors).toEqual([]);

  // The same at desktop width, and the clerk's page at 360 px.
  const { page: desk } = await pageAt(1280, 900);
  await desk.goto(`${live().url}/status/${applied.receiptNumber}#${encodeURIComponent(applied.secret)}`);
  await desk.getByText('却下通知書 水戸市指令 第000001号', { exact: false }).waitFor();
  await desk.screenshot({ path: screenshotPath('decision-notice-4-resident-desktop'), fullPage: true });
  const { page: clerkPhone } = await pageAt(360, 780);
  await signInAs(clerkPhone, 'hanako@city.mito.example');
  await clerkPhone.goto(`${live().url}/staff/inbox/${applied.id}`);
  await clerkPhone.getByRole('region', { name: '決定通知' }).waitFor();
  await clerkPhone.screenshot({ path: screenshotPath('decision-notice-5-staff-360'), fullPage: true });
});
