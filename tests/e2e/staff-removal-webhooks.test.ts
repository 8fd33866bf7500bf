/**
 * Nothing deleted in silence (issue #21), as a municipal admin sets it up: the
 * webhook form offers the retention removals (削除 / 内容の消去) as events, and
 * the saved webhook says it will send them. Desktop and 360 px.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildAuthApp, makeUser, MITO, PASSWORD, type AuthApp } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

describe('webhooks for retention removals', () => {
  let ctx: AuthApp;
  let server: Server;
  let url: string;
  let browser: Browser;
  beforeAll(async () => {
    // Saving a webhook checks its address but sends nothing; a loopback URL keeps even that on this machine.
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000', WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_TEST_ALLOW_LOOPBACK: 'true', NODE_ENV: 'test' }, undefined, CLIENT_DIST);
    server = await new Promise((resolve) => {
      const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server.close(r));
    await ctx.close();
  });

  async function signIn(email: string, width: number): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).waitFor({ state: 'attached' });
    return page;
  }

  it.each([
    ['desktop', 1280],
    ['360', 360],
  ])('an admin subscribes a webhook to deletions and strips (%s)', async (name, width) => {
    const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
    const page = await signIn(admin.email, width);
    await page.goto(`${url}/staff/integrations`);
    await page.getByRole('heading', { level: 1, name: '外部連携と保存期間' }).waitFor();
    const target = `http://127.0.0.1:9/removals-${name}`;
    await page.getByLabel('送信先URL（https）').fill(target);
    const events = page.getByRole('group', { name: '通知するイベント' });
    await events.getByLabel('申請の到達').uncheck(); // checked by default
    await events.getByLabel('保存期間経過による削除').check();
    await events.getByLabel('保存期間経過による内容の消去').check();
    await page.getByRole('button', { name: 'Webhookを追加' }).click();
    const saved = page.locator('li', { hasText: target });
    await saved.waitFor();
    expect(await saved.textContent()).toContain('保存期間経過による削除、保存期間経過による内容の消去');
    await page.screenshot({ path: screenshotPath(`staff-removal-webhooks-${name}`), fullPage: true });
    const hooks = await ctx.storage.webhooks.list(MITO);
    expect(hooks.find((h) => h.url === target)?.events).toEqual(['submission.deleted', 'submission.stripped']);
  });
});
