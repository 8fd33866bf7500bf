/**
 * 窓口の分析 in the staff console, in headless Chromium: visits scripted
 * through storage show as headline numbers, three charts (drawn canvases)
 * and tables holding the same numbers; the chart library arrives only with
 * this page; the page fits a phone's width. Screenshots at 1280 and 360 px.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { japanDayStart, todayInJapan, type CounterStep } from '@madoguchi/shared';
import type { CounterSessionRecord } from '../../server/src/storage/counterTypes';
import { screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO, RISAI } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();
// Yesterday in Japan: inside the page's default period (the last 30 days).
const DAY = todayInJapan(new Date(Date.now() - 86_400_000));
const at = (hhmm: string) => new Date(Date.parse(japanDayStart(DAY)) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000).toISOString();

function visit(opened: string, steps: [CounterStep['kind'], number, string?][], over: Partial<CounterSessionRecord> = {}): CounterSessionRecord {
  const base = Date.parse(opened);
  return {
    sessionId: randomUUID(),
    municipalityCode: MITO,
    ticketNumber: '',
    desk: '',
    servedBy: '',
    status: 'ended',
    procedureIds: [],
    prefilled: false,
    identitySource: null,
    steps: [{ kind: 'opened', at: opened }, ...steps.map(([kind, min, procedureId]) => ({ kind, at: new Date(base + min * 60_000).toISOString(), ...(procedureId ? { procedureId } : {}) }))],
    submissionIds: [],
    day: DAY,
    guideId: null,
    revision: 0,
    work: { shared: {}, answers: {}, sources: {} },
    pairingCodeHash: null,
    pairingExpiresAt: null,
    tabletTokenHash: null,
    createdAt: opened,
    updatedAt: opened,
    ...over,
  };
}

beforeAll(async () => {
  const { counterSessions } = live().ctx.storage;
  // 09:00: waited 4, served 17; 09:20: waited 10, served 20, pre-filled; 10:30: still waiting.
  await counterSessions.create(
    visit(
      at('09:00'),
      [
        ['serviceStarted', 4],
        ['cardRead', 5],
        ['procedureStarted', 6, RISAI],
        ['procedureFinished', 16, RISAI],
        ['confirmationRequested', 17],
        ['confirmed', 19],
        ['ended', 21],
      ],
      {
        desk: '1番窓口',
        procedureIds: [RISAI],
        identitySource: 'card',
      },
    ),
  );
  await counterSessions.create(
    visit(
      at('09:20'),
      [
        ['serviceStarted', 10],
        ['procedureStarted', 11, RISAI],
        ['procedureFinished', 25, RISAI],
        ['confirmationRequested', 26],
        ['confirmed', 29],
        ['ended', 30],
      ],
      {
        desk: '2番窓口',
        procedureIds: [RISAI],
        prefilled: true,
        identitySource: 'typed',
      },
    ),
  );
  await counterSessions.create(visit(at('10:30'), [], { status: 'waiting' }));
});

async function openAnalysis(width: number): Promise<{ page: Page; scripts: string[] }> {
  const { url, ctx } = live();
  const user = await makeUser(ctx.storage, 'staff', MITO);
  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor({ state: 'attached' });
  // The chart library is not part of the console until this page is opened.
  expect(scripts.filter((s) => s.includes('CounterAnalysisPage'))).toEqual([]);
  const toggle = page.getByRole('button', { name: 'メニュー' });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '窓口の分析' }).click();
  await page.getByRole('heading', { level: 1, name: '窓口の分析' }).waitFor();
  await page.getByRole('heading', { level: 2, name: '時間帯別' }).waitFor();
  return { page, scripts };
}

/** The cells of the table with this caption, row by row. */
const tableRows = (page: Page, caption: string) =>
  page
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));

/** Painted pixels of each chart's canvas (0: nothing drawn). */
const paintedPixels = (page: Page) =>
  page.locator('.analysis__chart canvas').evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted;
    }),
  );

test('窓口の分析 shows the headline, three drawn charts and tables with the figures of the scripted visits', async () => {
  const { page, scripts } = await openAnalysis(1280);
  expect(scripts.some((s) => s.includes('CounterAnalysisPage'))).toBe(true);
  const facts = await page.locator('.analysis__fact').evaluateAll((els) => els.map((e) => `${e.querySelector('dt')!.textContent}:${e.querySelector('dd')!.textContent}`));
  expect(facts).toEqual(['来庁数:3うち未終了 1件', '待ち時間（中央値）:4分', '対応時間（中央値）:17分', '1来庁あたりの手続数:1', '事前入力の割合:50%', 'カード読取の割合:50%', '窓口からの申請:0']);

  const canvases = page.locator('.analysis__chart canvas[role="img"]');
  expect(await canvases.count()).toBe(3);
  for (const painted of await paintedPixels(page)) expect(painted).toBeGreaterThan(1000);

  expect(await tableRows(page, '時間帯別')).toEqual([
    ['9時台', '2', '0', '4分', '10分', '17分', '20分'],
    ['10時台', '1', '1', '—', '—', '—', '—'],
  ]);
  expect(await tableRows(page, '窓口別')).toEqual([
    ['1番窓口', '1', '0', '4分', '4分', '17分', '17分', '1', '0%', '100%'],
    ['2番窓口', '1', '0', '10分', '10分', '20分', '20分', '1', '100%', '0%'],
    ['（呼出前）', '1', '1', '—', '—', '—', '—', '—', '—', '—'],
  ]);
  expect(await tableRows(page, '手続別')).toEqual([['罹災証明書の発行申請', '2', '10分', '14分', '2分', '3分', '50%', '0', '—', '—']]);
  await page.screenshot({ path: screenshotPath('staff-counter-analysis-desktop'), fullPage: true });
});

test('at a phone’s width nothing widens the page (the tables scroll in their own box)', async () => {
  const { page } = await openAnalysis(360);
  expect(await page.locator('.analysis__chart canvas').count()).toBe(3);
  for (const painted of await paintedPixels(page)) expect(painted).toBeGreaterThan(500);
  const main = page.locator('.console__main');
  expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await page.screenshot({ path: screenshotPath('staff-counter-analysis-360'), fullPage: true });
  // The page's own catalogue follows the console's language switch.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Counter analysis' }).waitFor();
  expect(await tableRows(page, 'By hour')).toEqual([
    ['9:00–', '2', '0', '4 min', '10 min', '17 min', '20 min'],
    ['10:00–', '1', '1', '—', '—', '—', '—'],
  ]);
  await page.screenshot({ path: screenshotPath('staff-counter-analysis-360-en'), fullPage: true });
});
