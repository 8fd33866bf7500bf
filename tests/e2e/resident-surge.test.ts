/**
 * A surge at a phone (360 px): the server refuses the 罹災証明書 with 503 +
 * Retry-After because every admission slot is taken (a tiny limit, held by a
 * real slow request). The check page says calmly that nothing was sent and
 * nothing is lost, the answers and the attached photo survive a reload, and
 * the automatic retry goes through once the slot is free: stored exactly once.
 */
import { request as httpRequest } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { startLiveServer, type LiveServer } from '../helpers/liveServer';
import { attachFile, fillStep, next, readPreset, TINY_PNG, type PageDocument } from './resident-helpers';

const preset = readPreset('risai-shomeisho');
const steps = preset.definition.form.uiSchema['ui:options']!.steps!;
const MITO = '082015';
const submitPath = `/api/v1/municipalities/${MITO}/procedures/risai-shomeisho/submissions`;

let server: LiveServer;
let browser: Browser;

beforeAll(async () => {
  server = await startLiveServer({ ADMISSION_SUBMISSIONS_IN_FLIGHT: '1', ADMISSION_QUEUE: '0', ADMISSION_RETRY_AFTER_SECONDS: '2' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Another resident's submission whose body is still arriving: it holds the only slot until `finish`. */
function holdTheSlot(url: string) {
  const body = Buffer.from(JSON.stringify({ data: preset.valid }));
  const { port } = new URL(url);
  const req = httpRequest({ host: '127.0.0.1', port, path: submitPath, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) } });
  const answered = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
  answered.catch(() => undefined); // a test that fails before `finish` must not crash on the closed connection
  req.write(body.subarray(0, 10));
  return { finish: () => (req.end(body.subarray(10)), answered) };
}

test('罹災証明書 at 360 px during a surge: 503 → calm message, answers kept over a reload, automatic retry stored once', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/m/${MITO}/p/risai-shomeisho/apply`);
  for (const step of steps) {
    await page.getByRole('heading', { level: 1, name: step.title }).waitFor();
    await fillStep(page, step.fields, preset.valid);
    await next(page);
  }
  await page.getByRole('heading', { level: 1, name: '添付書類' }).waitFor();
  await attachFile(page, 'identityDocument', '被害の写真.png', 'image/png', TINY_PNG);
  await next(page);
  await page.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();

  // Every slot is taken by another resident's slow submission.
  const gate = server.ctx.services.admission.submissions;
  const other = holdTheSlot(server.url);
  while (gate.stats().inFlight < 1) await new Promise((r) => setTimeout(r, 10));

  await page.getByRole('button', { name: 'この内容で申請する' }).click();
  const panel = page.locator('.busy-panel');
  await panel.getByRole('heading', { name: 'ただいま申請が集中しています' }).waitFor();
  expect(await panel.textContent()).toContain('入力した内容と添付したファイルは、この端末に保存されています');
  await panel.getByText(/秒後に、自動でもう一度送信します。/).waitFor();
  expect(gate.stats().refused).toBe(1);
  expect(await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: screenshotPath('resident-phone-surge-busy'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: screenshotPath('resident-desktop-surge-busy') });
  await page.setViewportSize({ width: 360, height: 740 });

  // A reload (the phone's browser was closed meanwhile): the answers and the photo are still there.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
  const review = await page.locator('main').textContent();
  expect(review).toContain('被害の写真.png');
  expect(review).toContain(String((preset.valid as { disaster: { name: string } }).disaster.name));
  expect(await server.ctx.storage.submissions.count(MITO)).toBe(0);

  // Still busy: refused again, counting down; then the slot frees and the automatic retry goes through.
  await page.getByRole('button', { name: 'この内容で申請する' }).click();
  await panel.getByText(/秒後に、自動でもう一度送信します。/).waitFor();
  expect(await other.finish()).toBe(201);
  await page.getByRole('heading', { level: 1, name: '申請を受け付けました' }).waitFor();
  await page.screenshot({ path: screenshotPath('resident-phone-surge-sent'), fullPage: true });
  const receipt = (await page.locator('#receipt-number').textContent())!.trim();
  const stored = await server.ctx.storage.submissions.findByReceiptNumber(receipt);
  expect(stored?.attachments.identityDocument).toHaveLength(1);
  // The other resident's and this one, each once: the retries reused one Idempotency-Key.
  expect(await server.ctx.storage.submissions.count(MITO)).toBe(2);
  expect(gate.stats().refused).toBe(2);
  await context.close();
}, 180_000);
