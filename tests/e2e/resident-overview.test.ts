/**
 * A long form starts at its overview (GOV.UK's task-list pattern), on a
 * 360 px phone: 児童手当の認定請求 shows its seven sections 未入力, the
 * attachments and the check page not open yet; a section opens from its
 * name and returns to the overview 入力済み; Back and Forward follow the
 * address; a later section opens directly and, left half done, shows 入力中;
 * the check page, asked for directly, lists what is still to do. Screenshots
 * at phone and desktop width.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { startLiveServer, type LiveServer } from '../helpers/liveServer';
import { fillStep, fillValue, readPreset, type PageDocument } from './resident-helpers';

const preset = readPreset('jidou-teate-nintei');
const steps = preset.definition.form.uiSchema['ui:options']!.steps!;
const TITLE = preset.definition.procedure.title;
const APPLY = '/m/082015/p/jidou-teate-nintei/apply';

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

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const overview = async (page: Page) => {
  await page.locator('.task-list').waitFor();
  await heading(page, TITLE);
};
const statuses = (page: Page) => page.locator('.task-list__status').allTextContents();

test('児童手当 on a phone: the overview, a section done, Back, a later section directly, the check page not open yet', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && problems.push(m.text()));

  await page.goto(`${server.url}${APPLY}`);
  await overview(page);
  const names = await page.locator('.task-list__name > :first-child').allTextContents();
  expect(names).toEqual([...steps.map((s) => s.title), '添付書類', '入力内容の確認']);
  expect(await statuses(page)).toEqual([...Array(7).fill('未入力'), 'まだ進めません', 'まだ進めません']);
  expect(await page.locator('.task-progress').textContent()).toBe('8項目のうち0項目が入力済みです。');
  // Sections are links described by their state; the attachments and the check page are not links yet.
  const first = page.getByRole('link', { name: '請求する方' });
  expect(await first.getAttribute('aria-describedby')).toBe('task-step-1-status');
  expect(await page.locator('.task-list__item').nth(8).locator('a').count()).toBe(0);
  expect(await page.getByRole('link', { name: '入力内容の確認' }).count()).toBe(0);
  await page.screenshot({ path: screenshotPath('overview-1-fresh-360'), fullPage: true });
  // The whole row is the tap target, at least 44 px high.
  const row = await page.locator('.task-list__item').first().boundingBox();
  expect(row!.height).toBeGreaterThanOrEqual(44);
  expect(row!.width).toBeGreaterThan(300);

  // A section from its name; done, it returns to the overview.
  await first.click();
  await heading(page, '請求する方');
  expect(new URL(page.url()).searchParams.get('step')).toBe('1');
  await page.getByRole('link', { name: '入力の一覧に戻る' }).waitFor();
  await page.screenshot({ path: screenshotPath('overview-section-top-360') });
  await fillStep(page, steps[0]!.fields, preset.valid);
  const done = page.getByRole('button', { name: '保存して一覧に戻る' });
  await done.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('overview-section-end-360') });
  await done.click();
  await overview(page);
  expect((await statuses(page))[0]).toBe('入力済み');
  expect(await page.locator('.task-progress').textContent()).toBe('8項目のうち1項目が入力済みです。');

  // Browser Back goes to the section again, Forward to the overview.
  await page.goBack();
  await heading(page, '請求する方');
  await page.goForward();
  await overview(page);

  // A later section directly, left half done through the link back.
  await page.getByRole('link', { name: '振込先口座' }).click();
  await heading(page, '振込先口座');
  // The bank's fields appear once the kind of institution is chosen.
  expect(await page.locator('#root_account_bankName').count()).toBe(0);
  await fillValue(page, 'root_account_institutionType', '銀行等');
  await page.locator('#root_account_bankName').fill('常陽銀行');
  await page.getByRole('link', { name: '入力の一覧に戻る' }).click();
  await overview(page);
  expect(await statuses(page)).toEqual(['入力済み', '未入力', '未入力', '未入力', '未入力', '入力中', '未入力', 'まだ進めません', 'まだ進めません']);
  await page.getByRole('button', { name: 'まだの項目を入力する' }).waitFor();
  await page.screenshot({ path: screenshotPath('overview-2-progress-360'), fullPage: true });

  // A resume link (?step=continue) opens a long form at its overview.
  await page.goto(`${server.url}${APPLY}?step=continue`);
  await overview(page);
  expect(new URL(page.url()).searchParams.get('step')).toBe('overview');

  // The check page, asked for by its address, lists what is left instead.
  await page.goto(`${server.url}${APPLY}?step=review`);
  await heading(page, '入力内容の確認');
  await page.getByText('入力内容の確認に進む前に、次の項目を入力してください。').waitFor();
  const left = await page.locator('.task-list__name > :first-child').allTextContents();
  expect(left).toEqual([...steps.slice(1).map((s) => s.title), '添付書類']);
  expect(await page.getByRole('button', { name: 'この内容で申請する' }).count()).toBe(0);
  await page.screenshot({ path: screenshotPath('overview-3-review-closed-360'), fullPage: true });
  await page.getByRole('link', { name: '配偶者' }).click();
  await heading(page, '配偶者');

  expect(await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('link', { name: '入力の一覧に戻る' }).click();
  await overview(page);
  await page.screenshot({ path: screenshotPath('overview-4-desktop'), fullPage: true });
  // In English the states come from the task list's catalogue; section titles from the preset.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('link', { name: 'Claimant' }).waitFor();
  expect((await statuses(page)).slice(0, 3)).toEqual(['Completed', 'Not started', 'Not started']);
  expect(await page.locator('.task-progress').textContent()).toBe('You have completed 1 of 8 sections.');
  await page.screenshot({ path: screenshotPath('overview-5-desktop-en'), fullPage: false });
  expect(problems).toEqual([]);
  await context.close();
}, 120_000);
