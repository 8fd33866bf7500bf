/**
 * Nothing typed is lost: a draft survives a reload and the Back button on
 * the same phone, and a resume link (drafts API, secret in the URL fragment)
 * carries it to another device. The language choice is remembered too.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { startLiveServer, type LiveServer } from '../helpers/liveServer';
import type { PageDocument } from './resident-helpers';

let server: LiveServer;
let browser: Browser;

beforeAll(async () => {
  server = await startLiveServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'ja-JP' };
const APPLY = '/m/082015/p/risai-shomeisho/apply';

test('a draft survives a reload and Back, and moves to another device with a resume link', async () => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${server.url}${APPLY}`);
  await page.locator('#root_disaster_name').fill('1月1日の地震');
  await page.locator('#root_disaster_date').fill('8');
  await page.locator('#root_disaster_date-month').selectOption('1');
  await page.locator('#root_disaster_date-day').selectOption('1');
  await page.locator('#root_damagedProperty_sameAsHouseholderAddress-0').check();
  await page.getByText('住家（持ち家）', { exact: true }).click();
  await page.getByRole('button', { name: '次へ進む' }).click();
  await page.getByRole('heading', { level: 1, name: '被害の状況' }).waitFor();
  await page.locator('#root_damage_statement').fill('屋根の瓦が落ちた。');

  // Reload: same step, same answers.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '被害の状況' }).waitFor();
  expect(await page.locator('#root_damage_statement').inputValue()).toBe('屋根の瓦が落ちた。');

  // Back: the previous step, with its answers (the date in 和暦).
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: '災害と被災した住家' }).waitFor();
  expect(await page.locator('#root_disaster_name').inputValue()).toBe('1月1日の地震');
  expect(await page.locator('#root_disaster_date-calendar').inputValue()).toBe('令和');
  expect(await page.locator('#root_disaster_date').inputValue()).toBe('8');
  await page.getByText('＝ 西暦2026年1月1日').waitFor();

  // The procedure page offers to continue.
  await page.goto(`${server.url}/m/082015/p/risai-shomeisho`);
  await page.getByRole('link', { name: '続きから入力する' }).waitFor();

  // A resume link for another device.
  await page.goto(`${server.url}${APPLY}?step=2`);
  await page.getByText('別の端末で続きを入力する').click();
  await page.getByRole('button', { name: '再開用のリンクを作る' }).click();
  const link = await page.locator('#resume-link').inputValue();
  expect(link).toMatch(/\/resume\/[0-9a-f-]{36}#[A-Za-z0-9_-]{20,}$/);
  // The same link as a QR code, to show at the counter (事前入力).
  const qr = page.getByRole('img', { name: '再開用リンクのQRコード' });
  await qr.waitFor();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await page.screenshot({ path: screenshotPath('resident-phone-resume-link'), fullPage: true });
  // Later answers reach the link too (it is updated as the resident moves on).
  await page.locator('#root_damage_statement').fill('屋根の瓦が落ちた。雨漏りがある。');
  await page.getByRole('button', { name: 'リンク先の内容を今の入力で更新する' }).click();
  await page.getByText('リンク先の内容を更新しました', { exact: false }).waitFor();

  const otherDevice = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const other = await otherDevice.newPage();
  other.setDefaultTimeout(10_000);
  await other.goto(link);
  // The link opens where the resident stopped (the first step not yet complete), not at step 1.
  await other.getByRole('heading', { level: 1, name: '被害の状況' }).waitFor();
  expect(await other.locator('#root_damage_statement').inputValue()).toBe('屋根の瓦が落ちた。雨漏りがある。');
  await other.getByRole('button', { name: '前へ戻る' }).click();
  await other.getByRole('heading', { level: 1, name: '災害と被災した住家' }).waitFor();
  expect(await other.locator('#root_disaster_name').inputValue()).toBe('1月1日の地震');

  // A link without its secret is refused with an explanation.
  await other.goto(link.split('#')[0]!);
  await other.getByText('リンクの一部（#の後ろ）が欠けています', { exact: false }).waitFor();
  await otherDevice.close();
  await context.close();
}, 120_000);

test('English is one tap away and is remembered; messages follow the language', async () => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Choose your municipality' }).waitFor();
  expect(await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.lang)).toBe('en');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Choose your municipality' }).waitFor();
  // Romaji works for visitors without a Japanese keyboard.
  await page.getByRole('searchbox').fill('mito');
  await page
    .getByRole('link', { name: /水戸市/ })
    .first()
    .waitFor();
  await page.screenshot({ path: screenshotPath('resident-phone-english'), fullPage: true });

  await page.goto(`${server.url}${APPLY}`);
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  expect(await summary.textContent()).toContain('Enter "災害の名称".');
  expect(await page.locator('label[for="root_damagedProperty_sameAsHouseholderAddress-0"]').textContent()).toBe('Yes');
  await page.getByRole('button', { name: '日本語に切り替える' }).click();
  await page.getByRole('heading', { level: 1, name: '災害と被災した住家' }).waitFor();
  await context.close();
}, 60_000);
