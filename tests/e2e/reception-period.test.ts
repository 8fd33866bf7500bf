/**
 * 受付期間 in headless Chromium on the built client (issue #22), with the server's clock held:
 * a clerk sets the period and weekday hours in the builder by keyboard, reads them back in words,
 * publishes, and sees them in the catalog list; a resident at 360 px sees, before the period, when it
 * opens instead of the apply button, and an old link to the apply page is refused politely; once the
 * period opens the button is there.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildAuthApp, makeUser, MITO, PASSWORD, type AuthApp } from '../helpers/staffAuth';
import { manualClock, risaiData } from '../helpers/inboxApp';
import { allPresets } from '../helpers/testApp';
import { CLIENT_DIST } from '../../server/src/app';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';

const RISAI = 'risai-shomeisho';
const SUMMARY = '令和9年1月5日 8:30 から 1月29日 17:15 まで／平日 8:30〜17:15（祝日・年末年始を除く）';

describe('受付期間 in the builder and on the procedure page', () => {
  // Monday 4 January 2027, 10:00 in Japan: before the period the clerk sets.
  const clock = manualClock(new Date('2027-01-04T01:00:00Z'));
  let ctx: AuthApp;
  let server: Server;
  let url: string;
  let browser: Browser;
  let email: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, clock.now, process.env.MADOGUCHI_CLIENT_DIST ?? CLIENT_DIST);
    await syncPresets(ctx.storage, allPresets());
    email = (await makeUser(ctx.storage, 'municipal-admin', MITO, { displayName: '窓口 花子' })).email;
    server = await new Promise((resolve) => {
      const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await ctx?.close();
  });

  async function newPage(width: number): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && !m.text().includes('409') && errors.push(m.text()));
    return page;
  }

  it('a clerk sets the period by keyboard, reads it back in words and publishes it', async () => {
    const page = await newPage(1440);
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '手続' }).click();
    await page.getByRole('button', { name: '「罹災証明書の発行申請」を採用して編集' }).click();
    await page.getByRole('tab', { name: /手続の情報/ }).click();

    await page.getByLabel('受付開始日').fill('2027-01-05');
    await page.getByLabel('受付開始時刻').fill('08:30');
    await page.getByLabel('受付終了日').fill('2027-01-29');
    await page.getByLabel('受付終了時刻').fill('17:15');
    // Weekdays and the holiday rule by keyboard: focus the box, press Space.
    for (const day of ['月', '火', '水', '木', '金']) {
      await page.getByRole('checkbox', { name: day, exact: true }).focus();
      await page.keyboard.press('Space');
    }
    await page.getByLabel('祝日・年末年始（12月29日〜1月3日）は受け付けない').focus();
    await page.keyboard.press('Space');
    await page.locator('#proc-recSummary').getByText(SUMMARY, { exact: true }).waitFor();
    await page.locator('#proc-recSummary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('reception-builder-desktop') });

    await page.getByRole('button', { name: '手続の情報を反映' }).click();
    await page.getByText('手続の情報を反映しました。').waitFor();
    await page.getByRole('status').filter({ hasText: '保存済み' }).waitFor();
    const layer = await ctx.storage.editLayers.get(MITO, RISAI);
    expect(layer!.ops.filter((o) => o.type === 'setReception')).toEqual([
      expect.objectContaining({ reception: { opensAt: '2027-01-05T08:30', closesAt: '2027-01-29T17:15', weekly: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:15' }], closedOnHolidays: true } }),
    ]);

    await page.getByRole('tab', { name: /確認と公開/ }).click();
    await page.getByRole('button', { name: '公開する' }).click();
    await page.getByText('第1版として公開しました。住民の画面に反映されています。').waitFor();
    await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '手続' }).click();
    await page
      .getByRole('row', { name: /罹災証明書の発行申請/ })
      .getByText(`受付期間: ${SUMMARY}`)
      .waitFor();
  });

  it('before the period a resident at 360 px sees when it opens, not the apply button; an old apply link is refused', async () => {
    const page = await newPage(360);
    await page.goto(`${url}/m/${MITO}/p/${RISAI}`);
    const notice = page.locator('.reception-notice');
    await notice.getByText('この手続は現在受け付けていません。受付開始は令和9年1月5日（火）8:30です。').waitFor();
    expect(await page.getByRole('link', { name: 'オンラインで申請する' }).count()).toBe(0);
    await page.getByText('令和9年1月5日 8:30 から 1月29日 17:15 まで').waitFor();
    await page.getByText('平日 8:30〜17:15（祝日・年末年始を除く）').waitFor();
    await page.screenshot({ path: screenshotPath('reception-closed-360') });
    const facts = page.getByText('令和9年1月5日 8:30 から 1月29日 17:15 まで').locator('xpath=ancestor::dd');
    await facts.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('reception-facts-360') });

    await page.goto(`${url}/m/${MITO}/p/${RISAI}/apply`);
    await page.locator('.reception-notice').getByText('受付開始は令和9年1月5日（火）8:30です。', { exact: false }).waitFor();
    await page.getByRole('link', { name: '手続の説明へ戻る' }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('reception-apply-refused-360') });

    // The catalog list says so too, on the procedure's row, with the opening date.
    await page.goto(`${url}/m/${MITO}`);
    const card = page.locator('.procedure-card').filter({ hasText: '罹災証明書の発行申請' });
    await card.locator('.tag--reception').getByText('受付開始前').waitFor();
    await card.getByText('令和9年1月5日（火）8:30から受付').waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('reception-catalog-badge-360') });
    expect(await page.locator('.tag--reception').count()).toBe(1);

    clock.set(new Date('2027-01-04T23:30:00Z')); // 5 January 08:30 JST: open
    await page.goto(`${url}/m/${MITO}/p/${RISAI}`);
    await page.getByRole('link', { name: 'オンラインで申請する' }).waitFor();
    expect(await page.locator('.reception-notice').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a resident whose form is open when the period closes reads when it opens next, and keeps the answers', async () => {
    clock.set(new Date('2027-01-08T07:00:00Z')); // Friday 8 January 16:00 JST: open
    const page = await newPage(360);
    const version = (await (await fetch(`${url}/api/v1/municipalities/${MITO}/procedures/${RISAI}`)).json()).version.version;
    const key = `madoguchi:draft:${MITO}:${RISAI}`;
    const draft = {
      municipalityCode: MITO,
      procedureId: RISAI,
      formVersion: version,
      data: risaiData(),
      attachments: {},
      uploadToken: 'e2e-reception-upload-token-0123',
      savedAt: new Date().toISOString(),
    };
    await page.goto(`${url}/m/${MITO}`);
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, JSON.stringify(draft)]);
    await page.goto(`${url}/m/${MITO}/p/${RISAI}/apply?step=review`);
    const send = page.getByRole('button', { name: 'この内容で申請する' });
    await send.waitFor();

    clock.set(new Date('2027-01-08T08:30:00Z')); // 17:30 JST: the day's hours are over while the resident reads
    await send.click();
    const notice = page.locator('.reception-closed-notice');
    await notice.getByText('受付期間外のため、送信できませんでした').waitFor();
    await notice.getByText('受付開始は令和9年1月12日（火）8:30です。', { exact: false }).waitFor();
    await notice.getByText('入力した内容はこの端末に保存されています。', { exact: false }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.classList.contains('reception-closed-notice'))).resolves.toBe(true);
    expect(await page.locator('.notice--error').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('reception-closed-on-send-360'), fullPage: false });
    const kept = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!) as { data: unknown };
    expect(kept.data).toEqual(draft.data);
    expect(await ctx.storage.submissions.count(MITO)).toBe(0);
    expect(errors).toEqual([]);
  });
});
