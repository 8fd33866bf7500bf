/**
 * 「ライフイベントから探す」 on a 360 px phone: the catalog's front door leads
 * to 「子どもが生まれたとき」; three answers give the procedures a birth brings,
 * with why and by when, online ones linked to their procedure page.
 */
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildApp } from '../helpers/buildApp';
import { CLIENT_DIST } from '../../server/src/app';
import { answerBirthGuide } from './resident-helpers';

const live = useLiveApp(() => buildApp({ clientDist: CLIENT_DIST }));
const chrome = useBrowser();

test('a parent finds everything a birth brings, with deadlines, on a phone', async () => {
  const context = await chrome().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));

  await page.goto(`${live().url}/m/082015`);
  await page.getByRole('heading', { level: 2, name: 'ライフイベントから探す' }).waitFor();
  await page.screenshot({ path: screenshotPath('guides-1-catalog') });
  await page.getByRole('link', { name: '子どもが生まれたとき' }).click();
  await page.getByRole('heading', { level: 1, name: '子どもが生まれたとき' }).waitFor();
  // Before any answer only what every birth needs is listed (出生届, 健康保険).
  await page.getByRole('heading', { level: 3, name: '出生届' }).waitFor();
  expect(await page.locator('.guide-item').count()).toBe(2);

  await answerBirthGuide(page);
  const titles = (await page.locator('.guide-item__title').allTextContents()).map((t) => t.replace('オンライン申請できます', ''));
  expect(titles).toEqual(['出生届', '健康保険への加入', '児童手当等の受給資格及び児童手当の額についての認定請求', '支給認定の申請', '保育施設等の利用申込']);
  expect(await page.getByRole('link', { name: 'オンラインで申請する' }).count()).toBe(3);
  await page.getByText('出生日の翌日から15日以内に請求すると', { exact: false }).first().waitFor();
  expect(await page.evaluate(() => window.innerWidth)).toBe(360);
  await page.locator('.guide-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('guides-2-result') });

  await page.getByRole('link', { name: 'オンラインで申請する' }).first().click();
  await page.getByRole('link', { name: 'オンラインで申請する' }).waitFor();
  expect(page.url()).toContain('/m/082015/p/jidou-teate-nintei');
  // The procedure page leads back to the guides it belongs to.
  await page.getByRole('heading', { level: 2, name: 'この手続が必要になるとき' }).waitFor();
  expect(await page.getByRole('link', { name: '子どもが生まれたとき' }).count()).toBe(1);
  expect(problems).toEqual([]);
  await context.close();
});
