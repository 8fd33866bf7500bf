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

test('in English, a parent reads the guide in English: why, by when and where, with the law named', async () => {
  const context = await chrome().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));

  await page.goto(`${live().url}/m/082015`);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('link', { name: 'When a baby is born' }).click();
  await page.getByRole('heading', { level: 1, name: 'When a baby is born' }).waitFor();
  expect(await page.locator('p.lead').textContent()).toMatch(/^Answer a few questions/);
  expect(await page.locator('p.lead').getAttribute('lang')).toBeNull();

  await page
    .getByRole('group', { name: /already receive child allowance/ })
    .getByLabel('No')
    .check();
  await page
    .getByRole('group', { name: /public servant/ })
    .getByLabel('No')
    .check();
  await page
    .getByRole('group', { name: /nursery/ })
    .getByLabel('Yes')
    .check();
  const birth = page.locator('.guide-item', { has: page.getByRole('heading', { level: 3, name: 'Birth registration (出生届)' }) });
  const facts = birth.locator('.guide-item__facts dd');
  expect(await facts.allTextContents()).toEqual([
    'Every birth must be registered.',
    'Within 14 days from the day of birth, counting that day (within 3 months if the baby was born abroad) (Family Register Act 「戸籍法」, Article 49)',
    'The family register (戸籍) desk of the municipality',
  ]);
  expect(await facts.evaluateAll((dds) => dds.map((dd) => dd.closest('[lang="ja"]')))).toEqual([null, null, null]);
  const titles = (await page.locator('.guide-item__title').allTextContents()).map((t) => t.replace('Online', ''));
  expect(titles).toEqual([
    'Birth registration (出生届)',
    'Health insurance for the baby (健康保険への加入)',
    'Child allowance claim (児童手当の認定請求)',
    'Certification of the need for childcare (支給認定の申請)',
    'Application for a nursery place (保育施設等の利用申込)',
  ]);
  expect(await page.locator('.result-count').textContent()).toBe('The list below follows your answers. Things to do: 5.');
  await page.getByText('Claim within 15 days from the day after the birth', { exact: false }).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.locator('.guide-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('guides-3-result-en') });
  expect(problems).toEqual([]);
  await context.close();
});
