/**
 * The form page's HTML carries its API answers (server/src/http/formPageAnswers.ts) and the app takes them
 * instead of asking: under URLs with the resident's language in them — so an answer made before the app ran is
 * never in the browser's language when the resident reads the other one. One the server could not give is
 * asked for, in the resident's language.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
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

// A phone set to English: its Accept-Language asks for English, the resident has not chosen a language (Japanese).
const englishPhone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'en-US' };

/** The API GETs the page made (path and query), in order. */
function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/v1/municipalities/')) seen.push(url.pathname + url.search);
  });
  return seen;
}

const formRequests = (code: string, procedure: string, lang: string) => [
  `/api/v1/municipalities/${code}/procedures/${procedure}?lang=${lang}`,
  `/api/v1/municipalities/${code}?lang=${lang}`,
  `/api/v1/municipalities/${code}/disasters?lang=${lang}`,
];

/** The URLs whose answers the page's HTML carries. */
async function carriedUrls(page: Page): Promise<string[]> {
  const text = await page.locator('#madoguchi-early-answers').textContent();
  return Object.keys(JSON.parse(text ?? '{}') as object);
}

test('the carried answers are used, none asked for again; the resident language, not the browser’s, is in their URLs', async () => {
  const context = await browser.newContext(englishPhone);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const seen = apiRequests(page);
  await page.goto(`${server.url}/m/082015/p/risai-shomeisho/apply`);
  await page.locator('#root_disaster_name').waitFor();
  await page.getByRole('heading', { level: 1, name: '災害と被災した住家' }).waitFor();
  await page.waitForLoadState('networkidle');
  expect((await carriedUrls(page)).sort()).toEqual(formRequests('082015', 'risai-shomeisho', 'ja').sort());
  expect(seen.filter((u) => !u.includes('/capacity'))).toEqual([]);

  // English chosen: the next form page carries and uses the English answers.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  seen.length = 0;
  await page.goto(`${server.url}/m/082015/p/ninshin-todoke/apply`);
  await page.getByRole('button', { name: 'Continue' }).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect((await carriedUrls(page)).sort()).toEqual(formRequests('082015', 'ninshin-todoke', 'en').sort());
  expect(seen.filter((u) => !u.includes('/capacity'))).toEqual([]);

  // A procedure the server does not have: the page asks for it itself, once, in English.
  seen.length = 0;
  await page.goto(`${server.url}/m/082015/p/no-such-procedure/apply`);
  await page.getByRole('alert').waitFor();
  await page.waitForLoadState('networkidle');
  expect(seen).toEqual(['/api/v1/municipalities/082015/procedures/no-such-procedure?lang=en']);
  await context.close();
}, 60_000);

test('a missing procedure is refused in the resident’s language even when the browser asks for English', async () => {
  const context = await browser.newContext(englishPhone);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/m/082015/p/no-such-procedure/apply`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/[ぁ-んァ-ン一-龥]/);
  await context.close();
}, 60_000);
