/**
 * The console shows each role what it may use: a clerk's menu has no accounts
 * or settings, and those pages opened by address say so instead of showing a
 * form; an action the server refuses (here: the role taken away while the page
 * was open) appears as a message rather than failing silently.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildAuthApp, makeUser, MITO, PASSWORD, type AuthApp } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

describe('the staff console by role', () => {
  let ctx: AuthApp;
  let server: Server;
  let url: string;
  let browser: Browser;
  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, undefined, CLIENT_DIST);
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

  async function signIn(email: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
    return page;
  }
  const menu = (page: Page) => page.getByRole('navigation', { name: 'メニュー' });

  it('a clerk sees no accounts or settings, and their addresses explain instead of showing forms', async () => {
    const clerk = await makeUser(ctx.storage, 'staff', MITO);
    const page = await signIn(clerk.email);
    expect(await menu(page).getByRole('link', { name: '職員' }).count()).toBe(0);
    expect(await menu(page).getByRole('link', { name: '設定' }).count()).toBe(0);
    for (const path of ['users', 'settings', 'integrations']) {
      await page.goto(`${url}/staff/${path}`);
      await page.getByRole('heading', { level: 1, name: 'この画面を使う権限がありません' }).waitFor();
      expect(await page.locator('form').count()).toBe(0);
    }
    await page.screenshot({ path: screenshotPath('staff-roles-not-allowed') });
  });

  it('an admin sees them, and a refused save is shown, not swallowed', async () => {
    const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
    const page = await signIn(admin.email);
    await menu(page).getByRole('link', { name: '職員' }).waitFor();
    await menu(page).getByRole('link', { name: '設定' }).click();
    await page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
    await page.getByLabel('すべての職員に2段階認証を必須にする').check();
    // The role is taken away while the page is open: the server refuses the save.
    await ctx.storage.users.update(admin.id, { role: 'staff' }, new Date());
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('この操作を行う権限がありません');
    await page.screenshot({ path: screenshotPath('staff-roles-refused') });
    expect((await ctx.storage.authPolicies.get(MITO))?.requireTotp ?? false).toBe(false);
  });
});
