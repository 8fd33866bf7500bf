/**
 * Structure a screen reader relies on, on the resident pages people use most:
 * every id an aria attribute points at exists, ids are unique, headings do not
 * skip a level, no heading is a live region, and the error summary is an alert.
 * (axe found no serious violations earlier; these are what it does not check.)
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { startLiveServer, type LiveServer } from '../helpers/liveServer';

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

interface Findings {
  missingTargets: string[];
  duplicateIds: string[];
  skippedHeadings: string[];
  liveHeadings: string[];
}

/** Runs in the page: the structural problems of the current document. */
function structure(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: Document }).document;
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    const duplicateIds = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    const missingTargets: string[] = [];
    for (const el of doc.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls]')) {
      for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) if (!doc.getElementById(id)) missingTargets.push(`${attr}=${id}`);
      }
    }
    const headings = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => (h as HTMLElement).offsetParent !== null || h.tagName === 'H1');
    const skippedHeadings: string[] = [];
    let level = 0;
    for (const h of headings) {
      const l = Number(h.tagName[1]);
      if (l > level + 1) skippedHeadings.push(`${h.tagName} after h${level}: ${h.textContent?.trim().slice(0, 30)}`);
      level = l;
    }
    const liveHeadings = headings.filter((h) => ['status', 'alert'].includes(h.getAttribute('role') ?? '')).map((h) => h.textContent?.trim() ?? '');
    return { missingTargets, duplicateIds, skippedHeadings, liveHeadings };
  });
}

const clean: Findings = { missingTargets: [], duplicateIds: [], skippedHeadings: [], liveHeadings: [] };

test('catalog, life-event guide, one-stop bundle, procedure page, form steps, attachments and check page have sound structure', async () => {
  const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 } })).newPage();
  page.setDefaultTimeout(10_000);
  const check = async (where: string) => expect([where, await structure(page)]).toEqual([where, clean]);

  await page.goto(`${server.url}/m/082015`);
  await page.getByRole('heading', { level: 1, name: '水戸市のオンライン申請' }).waitFor();
  await check('catalog');

  // The life-event guide, answered, and a procedure page that links back to its guides.
  await page.goto(`${server.url}/m/082015/guides/shussei`);
  await page.getByRole('heading', { level: 1, name: '子どもが生まれたとき' }).waitFor();
  for (const group of [/ほかのお子さんの児童手当/, /公務員ですか/, /保育所/]) await page.getByRole('group', { name: group }).getByRole('radio').first().check();
  await page.locator('.guide-item').nth(2).waitFor();
  await check('出生 guide answered');
  // The one-stop bundle the answers lead to: its task list, its shared part, one of its forms.
  await page.getByRole('link', { name: /件をまとめて申請する/ }).click();
  await page.locator('.task-list').waitFor();
  await check('bundle task list');
  await page.getByRole('link', { name: '共通の項目' }).click();
  await page.getByRole('heading', { level: 1, name: '共通の項目' }).waitFor();
  await check('bundle shared part');
  await page.goto(`${server.url}/m/082015/bundle/p/hoiku-shikyu-nintei?step=1`);
  await page.getByText('まとめて申請する手続の1つです', { exact: false }).waitFor();
  await check('a form of the bundle');
  await page.goto(`${server.url}/m/082015/p/jidou-teate-nintei`);
  await page.getByRole('heading', { level: 2, name: 'この手続が必要になるとき' }).waitFor();
  await check('児童手当 procedure page');

  // A long form starts at its overview (a task list); its check page stays closed until every section is done.
  await page.goto(`${server.url}/m/082015/p/jidou-teate-nintei/apply`);
  await page.locator('.task-list').waitFor();
  await check('児童手当 overview');
  await page.goto(`${server.url}/m/082015/p/jidou-teate-nintei/apply?step=review`);
  await page.getByText('入力内容の確認に進む前に').waitFor();
  await check('児童手当 check page not open yet');

  await page.goto(`${server.url}/m/082015/p/jidou-teate-nintei/apply?step=1`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await check('児童手当 step 1');
  // Try to go on with nothing filled in: the error summary appears and is an alert.
  await page.getByRole('button', { name: /^(次へ進む|添付書類へ進む|入力内容を確認する|保存して一覧に戻る)$/ }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  expect(await summary.getAttribute('role')).toBe('alert');
  await check('児童手当 step 1 with errors');
  await page.screenshot({ path: screenshotPath('a11y-errors-360'), fullPage: true });

  await page.goto(`${server.url}/m/082015/p/risai-shomeisho/apply?step=files`);
  await page.getByRole('heading', { level: 1, name: '添付書類' }).waitFor();
  await check('罹災証明書 attachments');

  await page.goto(`${server.url}/m/082015/p/risai-shomeisho/apply?step=review`);
  await page.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
  await check('罹災証明書 check page');
});

test('in English, the presets’ English descriptions are served and Japanese-only text is marked lang="ja"', async () => {
  const page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.goto(`${server.url}/m/082015`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const card = page.locator('.procedure-card', { hasText: 'Annual status report for families using childcare facilities' });
  expect(await card.locator('.procedure-card__description').textContent()).toMatch(/^Once a year, families whose children use a nursery/);
  expect(await card.locator('.procedure-card__description').getAttribute('lang')).toBeNull();

  await page.goto(`${server.url}/m/082015/p/risai-shomeisho/apply`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The questions exist in Japanese only: their labels say so, for the screen reader's voice.
  const label = page.locator('label[for="root_disaster_name"]');
  expect(await label.getAttribute('lang')).toBe('ja');
  await page.screenshot({ path: screenshotPath('english-form-1280') });
});
