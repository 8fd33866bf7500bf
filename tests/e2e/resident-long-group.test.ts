/**
 * A repeating group of 500 entries (児童扶養手当 現況届, 対象のお子さん, restored from the device's draft):
 * the form shows the first entries and a named button for each of the others, so it renders fast on a phone;
 * a keyboard user still reaches entry 500 with Tab and opens it, a screen reader finds it by name, and the
 * error summary's link to an entry that is not rendered opens that entry and focuses the field.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { startLiveServer, type LiveServer } from '../helpers/liveServer';
import { readPreset } from './resident-helpers';

const CODE = '082015';
const PRESET = 'jido-fuyo-teate-genkyo';
const ROWS = 500;
/** Entry 450 (index 449) lacks its family name: the one error of the step. */
const BROKEN = 449;

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

type Child = { name: { familyName: string; givenName: string } };

function draft() {
  const example = readPreset(PRESET).valid;
  const sample = example.children as Child[];
  const children = Array.from({ length: ROWS }, (_, i) => {
    const row = structuredClone(sample[i % sample.length]!);
    row.name.givenName = `${row.name.givenName}${i + 1}`;
    if (i === BROKEN) row.name.familyName = '';
    return row;
  });
  return {
    municipalityCode: CODE,
    procedureId: PRESET,
    formVersion: 1,
    data: { ...example, children },
    attachments: {},
    uploadToken: 'longgrouplonggrouplonggroup',
    savedAt: new Date().toISOString(),
  };
}

async function openWithDraft(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const key = `madoguchi:draft:${CODE}:${PRESET}`;
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(draft())] as const);
  await page.goto(`${server.url}/m/${CODE}/p/${PRESET}/apply?step=2`);
  await page.locator('#root_children_0_name_familyName').waitFor();
  return page;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('a keyboard user reaches entry 500 with Tab, and it opens into its fields', async () => {
  const page = await openWithDraft(360);
  // Not every entry's fields are rendered, but every entry is there, in order, as a button.
  expect(await page.locator('[id^="root_children_"][id$="_name_familyName"]').count()).toBeLessThan(ROWS);
  // Its name says which entry and whose: 「手当の対象のお子さん 500 <family name> <given name>500 …」.
  const sample = readPreset(PRESET).valid.children as Child[];
  const last = page.getByRole('button', { name: new RegExp(`^手当の対象のお子さん ${ROWS} .*${sample[(ROWS - 1) % sample.length]!.name.givenName}${ROWS}`) });
  await expect(last.count()).resolves.toBe(1);
  await page.screenshot({ path: screenshotPath('long-group-phone'), fullPage: false });

  // From the first closed entry, Tab walks through every entry, in order, up to 500.
  const closedIds = await page.locator('[data-closed-row]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.closedRow!));
  expect(closedIds.at(-1)).toBe(`root_children_${ROWS - 1}`);
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { tabbed: string[] }).tabbed = seen;
    document.addEventListener('focusin', (e) => seen.push((e.target as HTMLElement).closest<HTMLElement>('[data-closed-row]')?.dataset.closedRow ?? `other:${(e.target as HTMLElement).id}`));
  });
  await page.locator('[data-closed-row] button').first().focus();
  for (let i = 1; i < closedIds.length; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (window as unknown as { tabbed: string[] }).tabbed)).toEqual(closedIds);
  expect(await last.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  expect(await focusedId(page)).toBe(`root_children_${ROWS - 1}_name_familyName`);
  await expect(page.locator(`#root_children_${ROWS - 1}_name_givenName`).inputValue()).resolves.toMatch(new RegExp(`${ROWS}$`));
  await page.context().close();
}, 120_000);

test('the error summary links to an entry that is not rendered: following it opens the entry and focuses the field', async () => {
  const page = await openWithDraft(1280);
  const brokenId = `root_children_${BROKEN}_name_familyName`;
  expect(await page.locator(`#${brokenId}`).count()).toBe(0);
  // The closed entry says it has a problem once the step is checked.
  await page.getByRole('button', { name: '次へ進む' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  const link = summary.getByRole('link', { name: new RegExp(`お子さん ${BROKEN + 1}(?![0-9])`) });
  await expect(link.count()).resolves.toBe(1);
  await expect(page.locator(`[data-closed-row="root_children_${BROKEN}"]`).textContent()).resolves.toContain('入力内容に誤りがあります');

  await link.click();
  expect(await focusedId(page)).toBe(brokenId);
  await expect(page.locator(`#${brokenId}`).isVisible()).resolves.toBe(true);
  await page.screenshot({ path: screenshotPath('long-group-error-desktop') });
  await page.context().close();
}, 60_000);
