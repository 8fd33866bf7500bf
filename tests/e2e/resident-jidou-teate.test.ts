/**
 * A parent claims 児童手当 (jidou-teate-nintei, seven steps) on a 360×740
 * phone: finds 水戸市 by 「みと」 and the procedure by keyword, starts at the
 * form's overview, trips over the 個人番号 check digit and a bad phone number,
 * fixes them, fills every section from examples/valid.json (each returning to
 * the overview 入力済み), attaches the two documents the answers require,
 * adds and removes a child, reviews, submits and opens the status page.
 */
import type { Browser, Page } from 'playwright-core';
import { RECEIPT_PATTERN } from '@madoguchi/shared';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { startLiveServer, type LiveServer } from '../helpers/liveServer';
import { attachFile, fillStep, next, readPreset, TINY_PDF, TINY_PNG, type PageDocument } from './resident-helpers';

const preset = readPreset('jidou-teate-nintei');
const steps = preset.definition.form.uiSchema['ui:options']!.steps!;

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

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

test('児童手当 on a phone: every step, errors fixed, required attachments, review, submit, status', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && problems.push(m.text()));

  await page.goto(server.url);
  await page.screenshot({ path: screenshotPath('resident-phone-1-choose') });
  await page.getByRole('searchbox', { name: '市区町村名またはよみがなで探す' }).fill('みと');
  await page
    .getByRole('link', { name: /水戸市/ })
    .first()
    .click();
  await heading(page, '水戸市のオンライン申請');
  await page.getByLabel('手続をキーワードで探す').fill('児童手当 認定');
  await page.screenshot({ path: screenshotPath('resident-phone-2-catalog'), fullPage: false });
  await page.getByRole('link', { name: preset.definition.procedure.title }).click();
  await heading(page, preset.definition.procedure.title);
  await page.screenshot({ path: screenshotPath('resident-phone-3-procedure'), fullPage: false });
  await page.getByRole('link', { name: 'オンラインで申請する' }).click();
  // A long form starts at its overview; the big button there leads to the next section still to do.
  const overview = page.locator('.task-list');
  await overview.waitFor();
  await page.screenshot({ path: screenshotPath('resident-phone-3b-overview'), fullPage: false });

  for (const [i, step] of steps.entries()) {
    await page.getByRole('button', { name: i === 0 ? '最初の項目から入力する' : 'まだの項目を入力する' }).click();
    await heading(page, step.title);
    await fillStep(page, step.fields, preset.valid);
    if (i === 0) {
      // A wrong check digit is caught as it is typed; a bad phone number when continuing.
      const myNumber = page.locator('#root_claimant_myNumber');
      await myNumber.fill('123456789019');
      await page.getByText('検査用数字（最後の1桁）が一致しません', { exact: false }).first().waitFor();
      await page.locator('#root_claimant_phone').fill('12345');
      await next(page);
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      const text = await summary.textContent();
      expect(text).toContain('個人番号が正しくありません');
      expect(text).toContain('電話番号は0から始まる10桁または11桁の数字で入力してください');
      await page.screenshot({ path: screenshotPath('resident-phone-4-errors'), fullPage: false });
      await summary.getByRole('link', { name: /電話番号/ }).click();
      expect(await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.activeElement?.id)).toBe('root_claimant_phone');
      await page.locator('#root_claimant_phone').fill('029-224-1111');
      await myNumber.fill('123456789018');
      await page.getByText('番号の形式を確認しました', { exact: false }).first().waitFor();
      expect(await myNumber.getAttribute('type')).toBe('password');
      await page.screenshot({ path: screenshotPath('resident-phone-5-step1'), fullPage: false });
    }
    if (step.fields.includes('children')) {
      // Repeated group: add a second child, then remove it again.
      await page.getByRole('button', { name: 'お子さんを追加' }).click();
      await page.locator('#root_children_1').waitFor();
      await page.screenshot({ path: screenshotPath('resident-phone-6-children'), fullPage: false });
      await page.getByRole('button', { name: /削除する.*お子さん.* 2/ }).click();
      expect(await page.locator('#root_children_1').count()).toBe(0);
    }
    await next(page);
    if (await page.locator('.error-summary').count()) throw new Error(`step ${i + 1}: ${await page.locator('.error-summary').textContent()}`);
    await overview.waitFor();
    expect((await page.locator('.task-list__status').allTextContents())[i]).toBe('入力済み');
  }

  // The answers make two attachments required: continuing without them is refused.
  await page.getByRole('button', { name: 'まだの項目を入力する' }).click();
  await heading(page, '添付書類');
  expect(await page.locator('#attachment-bankProof .badge--required').count()).toBe(1);
  expect(await page.locator('#attachment-healthInsurance .badge--required').count()).toBe(1);
  expect(await page.locator('#attachment-separateCare .badge--required').count()).toBe(0);
  await next(page);
  expect(await page.locator('.error-summary').textContent()).toContain('「振込先口座の通帳またはキャッシュカードの写し」を添付してください。');
  await attachFile(page, 'bankProof', '通帳.png', 'image/png', TINY_PNG);
  await attachFile(page, 'healthInsurance', '資格確認書.pdf', 'application/pdf', TINY_PDF);
  await page.locator('#attachment-bankProof').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('resident-phone-7-attachments'), fullPage: false });
  await next(page);
  // Everything complete: the check page opens from the overview.
  await overview.waitFor();
  expect(await page.locator('.task-list__status').allTextContents()).toEqual([...Array(steps.length + 1).fill('入力済み'), '確認に進めます']);
  await page.getByRole('link', { name: '入力内容の確認' }).click();

  await heading(page, '入力内容の確認');
  await page.locator('#review-step-0').scrollIntoViewIfNeeded();
  const review = (await page.locator('main').textContent())!;
  expect(review).toContain('•••• •••• 9018'); // 個人番号, masked
  expect(review).not.toContain('123456789018');
  expect(review).toContain('令和8年（2026年）11月10日');
  expect(review).toContain('通帳.png');
  await page.screenshot({ path: screenshotPath('resident-phone-8-review'), fullPage: false });
  await page.getByRole('button', { name: 'この内容で申請する' }).click();

  await heading(page, '申請を受け付けました');
  const receipt = (await page.locator('#receipt-number').textContent())!.trim();
  expect(receipt).toMatch(RECEIPT_PATTERN);
  await page.screenshot({ path: screenshotPath('resident-phone-9-done'), fullPage: false });
  const stored = await server.ctx.storage.submissions.findByReceiptNumber(receipt);
  expect(Object.keys(stored!.attachments).sort()).toEqual(['bankProof', 'healthInsurance']);
  expect(stored!.data).toEqual(preset.valid);

  await page.getByRole('link', { name: '申請状況を確認する' }).click();
  await page.getByText('到達', { exact: true }).waitFor();
  await page.screenshot({ path: screenshotPath('resident-phone-10-status'), fullPage: true });

  // Nothing on any page is wider than the phone.
  expect(await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(problems).toEqual([]);
  await context.close();
}, 240_000);
