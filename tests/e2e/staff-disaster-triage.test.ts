/**
 * 被害認定調査 in the staff console, in headless Chromium: the disaster's
 * 罹災証明書 applications grouped by 町字; a member of staff records a
 * survey result with the keyboard-usable form and cannot approve it; another
 * approves it. Screenshots at 1280 and 360 px; nothing widens a phone's page.
 */
import type { Browser, Page } from 'playwright-core';
import { todayInJapan } from '@madoguchi/shared';
import { screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO, risaiData, signIn, submit } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();
let receipts: string[] = [];

beforeAll(async () => {
  const { ctx } = live();
  const { client: admin } = await signIn(ctx, 'municipal-admin', MITO);
  const today = todayInJapan();
  const declared = await admin.post(`/municipalities/${MITO}/disasters`, {
    name: '令和8年12月茨城県北部の地震',
    occurredOn: today,
    kind: '地震',
    area: { towns: ['笠原町'], postalCodes: [] },
    reliefAct: { applied: false, appliedOn: null },
  });
  expect(declared.status).toBe(201);
  const first = await submit(ctx, risaiData());
  const second = await submit(
    ctx,
    risaiData((d) => {
      d.householder.address.street = '八幡町3';
      d.damage.flooding = { level: '床下浸水' };
    }),
  );
  receipts = [first.receiptNumber, second.receiptNumber];
});

async function openTriage(browser: Browser, width: number, role: 'staff' | 'municipal-admin'): Promise<Page> {
  const { url, ctx } = live();
  const user = await makeUser(ctx.storage, role, MITO);
  const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor({ state: 'attached' });
  const toggle = page.getByRole('button', { name: 'メニュー' });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '災害（被害認定調査）' }).click();
  await page.getByRole('heading', { level: 1, name: '被害認定調査（罹災証明書）' }).waitFor();
  await page.getByRole('heading', { level: 3, name: /笠原町/ }).waitFor();
  return page;
}

test('groups by 町字, records a result, refuses approval by the recorder and takes it from another member of staff', async () => {
  const page = await openTriage(chrome(), 1280, 'staff');
  const headings = await page.locator('.triage__group h3').allTextContents();
  expect(headings).toEqual(['笠原町 1件 宣言された地域', '八幡町 1件 宣言された地域の外']);

  // Record with the keyboard: open the form, choose, type, submit with Enter.
  await page.getByRole('button', { name: `結果を記録（${receipts[0]}）` }).click();
  const form = page.getByRole('form', { name: `${receipts[0]} の調査結果` });
  await form.getByLabel('被害の程度').selectOption('半壊');
  await form.getByLabel('調査員').fill('水戸 一郎');
  await form.getByLabel('調査員').press('Enter');
  await page
    .getByRole('status')
    .filter({ hasText: `${receipts[0]} の結果を記録しました。` })
    .waitFor();
  const row = page.locator('tr', { hasText: receipts[0]! });
  await row.getByText('承認待ち').waitFor();
  // The recorder is not offered approval (the server refuses it too: disasterTriage.test.ts).
  expect(await page.getByRole('button', { name: `承認する（${receipts[0]}）` }).count()).toBe(0);
  await page.screenshot({ path: screenshotPath('staff-disaster-triage-desktop'), fullPage: true });

  const other = await openTriage(chrome(), 360, 'municipal-admin');
  expect(await other.locator('.console__main').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await other.getByRole('button', { name: `承認する（${receipts[0]}）` }).click();
  await other
    .getByRole('status')
    .filter({ hasText: `${receipts[0]} の結果を承認しました。` })
    .waitFor();
  await other.locator('tr', { hasText: receipts[0]! }).getByText('承認済み').waitFor();
  await other.screenshot({ path: screenshotPath('staff-disaster-triage-360'), fullPage: true });

  const stored = (await live().ctx.storage.disasters.listCases((await live().ctx.storage.disasters.list(MITO))[0]!.id)).find((c) => c.receiptNumber === receipts[0]);
  expect(stored!.survey).toMatchObject({ level: '半壊', surveyor: '水戸 一郎', method: 'survey' });
  expect(stored!.survey!.approvedBy).not.toBeNull();
  expect(stored!.survey!.approvedBy).not.toBe(stored!.survey!.recordedBy);
});

test('forms a survey team and shows a refused CSV’s lines with their reasons', async () => {
  const page = await openTriage(chrome(), 1280, 'staff');
  await page.getByText('調査班を作る').click();
  const form = page.getByRole('form', { name: '調査班を作る' });
  await form.getByLabel('班の名前').fill('第1班');
  await form.getByLabel('調査日').fill(todayInJapan());
  await form.getByRole('checkbox').first().check();
  await form.getByLabel('担当する町字').fill('笠原町、八幡町');
  await form.getByRole('button', { name: '保存する' }).click();
  await page.getByRole('status').filter({ hasText: '調査班「第1班」を保存しました。' }).waitFor();
  await page.getByRole('heading', { level: 3, name: /第1班/ }).waitFor();
  await page.getByRole('group', { name: '調査票一覧（第1班）' }).getByRole('button', { name: 'PDF' }).waitFor();

  const csv = `到達番号,住所,世帯主氏名,電話番号,申告された被害,写真,自己判定,被害の程度,調査日,調査員\r\n${receipts[1]},,,,,,,ぜんかい,${todayInJapan()},水戸 一郎\r\n`;
  await page.getByLabel('第1班 の記入済みCSV').setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: '取り込む' }).click();
  const refused = page.getByRole('list', { name: '取り込めなかった行' });
  await refused.waitFor();
  expect(await refused.locator('li').allTextContents()).toEqual([expect.stringMatching(/^2行目：被害の程度は/)]);
  await page.screenshot({ path: screenshotPath('staff-disaster-triage-teams'), fullPage: true });
});
