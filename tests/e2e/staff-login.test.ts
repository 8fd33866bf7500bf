/**
 * In headless Chromium, on the real built console: the first admin signs up
 * with the setup link, creates a municipal admin for 水戸市, who invites a
 * clerk, who signs in through the sign-in page.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildAuthApp, type AuthApp } from '../helpers/staffAuth';
import { announceSetupLink } from '../../server/src/auth/oneTimeTokens';
import { CLIENT_DIST } from '../../server/src/app';

const PASSWORDS = { admin: 'first operator passphrase', mito: 'mito admin passphrase', clerk: 'clerk of mito passphrase' };

describe('staff console in a browser', () => {
  let ctx: AuthApp;
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    ctx = await buildAuthApp({}, undefined, CLIENT_DIST);
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

  const newPage = async (): Promise<Page> => {
    const page = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };

  /** Invites `email` with `role` from the accounts page; returns the link shown (no SMTP here). */
  async function invite(page: Page, email: string, role: string): Promise<string> {
    await page.getByLabel('メールアドレス', { exact: true }).fill(email);
    await page.getByLabel('役割', { exact: true }).selectOption(role);
    await page.getByRole('button', { name: '招待する' }).click();
    const link = await page.locator('#invite-link').inputValue();
    expect(link).toMatch(/\/staff\/invite#[\w-]{43}$/);
    return `${url}/staff/invite#${link.split('#')[1]}`;
  }

  async function accept(link: string, name: string, password: string): Promise<Page> {
    const page = await newPage();
    await page.goto(link);
    await page.getByLabel('氏名', { exact: true }).fill(name);
    await page.getByLabel('パスワード', { exact: true }).fill(password);
    await page.getByLabel('パスワード（確認）').fill(password);
    await page.getByRole('button', { name: 'アカウントを作成' }).click();
    await page.getByRole('heading', { name: `${name}さん、こんにちは` }).waitFor();
    return page;
  }

  it('first admin → 水戸市 admin → clerk, who signs in', async () => {
    const setup = (await announceSetupLink(ctx.storage, url, () => undefined))!;

    // 1. The first platform admin, from the setup link.
    const admin = await newPage();
    await admin.goto(setup);
    await admin.getByRole('heading', { name: '最初の管理者の登録' }).waitFor();
    await admin.getByLabel('メールアドレス').fill('admin@madoguchi.example.jp');
    await admin.getByLabel('氏名').fill('基盤 管理者');
    await admin.getByLabel('パスワード', { exact: true }).fill(PASSWORDS.admin);
    await admin.getByLabel('パスワード（確認）').fill(PASSWORDS.admin);
    await admin.getByRole('button', { name: '登録してログイン' }).click();
    await admin.getByRole('heading', { name: '基盤 管理者さん、こんにちは' }).waitFor();

    // 2. It invites a municipal admin for 水戸市.
    await admin.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '職員' }).click();
    await admin.getByLabel('自治体を検索').fill('みと');
    await admin.waitForSelector('#municipality-code option:has-text("水戸市")', { state: 'attached' });
    await admin.getByLabel('自治体', { exact: true }).selectOption('082015');
    const mitoLink = await invite(admin, 'kanri@city.mito.example', 'municipal-admin');

    // 3. The 水戸市 admin accepts and invites a clerk.
    const mito = await accept(mitoLink, '水戸 管理者', PASSWORDS.mito);
    expect(await mito.locator('.console__where').textContent()).toBe('水戸市');
    await mito.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '職員' }).click();
    const clerkLink = await invite(mito, 'madoguchi@city.mito.example', 'staff');

    // 4. The clerk accepts, signs out, and signs in on the sign-in page.
    const clerk = await accept(clerkLink, '窓口 花子', PASSWORDS.clerk);
    await clerk.getByRole('button', { name: 'ログアウト' }).click();
    await clerk.getByRole('heading', { name: '職員ログイン' }).waitFor();
    await clerk.getByLabel('メールアドレス').fill('madoguchi@city.mito.example');
    await clerk.getByLabel('パスワード').fill('wrong passphrase!');
    await clerk.getByRole('button', { name: 'ログイン' }).click();
    await clerk.getByRole('alert').getByText('メールアドレスまたはパスワードが正しくありません。').waitFor();
    await clerk.screenshot({ path: screenshotPath('staff-login'), fullPage: true });
    await clerk.getByLabel('パスワード').fill(PASSWORDS.clerk);
    await clerk.getByRole('button', { name: 'ログイン' }).click();
    await clerk.getByRole('heading', { name: '窓口 花子さん、こんにちは' }).waitFor();
    const menu = await clerk.getByRole('navigation', { name: 'メニュー' }).innerText();
    expect(menu).toContain('受付一覧');
    expect(menu).not.toContain('職員');
    await clerk.screenshot({ path: screenshotPath('staff-home'), fullPage: true });
  }, 90_000);

  /** Catalogue keys shown instead of their text (a key missing from the catalogue or passed unchanged). */
  const rawKeys = async (page: Page) => {
    // Required at run time: the tests' TypeScript project does not include the client's sources (see tests/client/clientModules.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { STAFF_MESSAGES } = require('../../client/src/staff/messages') as { STAFF_MESSAGES: Record<string, unknown> };
    const text = await page.locator('body').innerText();
    return Object.keys(STAFF_MESSAGES).filter((key) => text.includes(key));
  };

  it('speaks the language chosen (one setting; a choice saved by the old console carries over)', async () => {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${url}/staff/login`);
    await page.getByRole('heading', { name: '職員ログイン' }).waitFor();
    // English chosen before the console used the common setting.
    await page.evaluate(() => localStorage.setItem('madoguchi.staff.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('madoguchi:language'), localStorage.getItem('madoguchi.staff.lang')])).toEqual(['en', '"en"', null]);

    await page.getByLabel('E-mail address').fill('madoguchi@city.mito.example');
    await page.getByLabel('Password').fill(PASSWORDS.clerk);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, 窓口 花子' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Menu' }).innerText()).toContain('Inbox');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('button', { name: 'Search' }).waitFor();
    expect(await rawKeys(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('staff-inbox-en-360'), fullPage: true });

    // Back to Japanese: the page, <html lang> and the next visit follow.
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('button', { name: '検索' }).waitFor();
    await page.screenshot({ path: screenshotPath('staff-inbox-ja-360'), fullPage: true });
    // On a phone the console fits the screen: the menu sits under the header, wide tables scroll inside the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.getByRole('button', { name: '検索' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await rawKeys(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('staff-inbox-ja-1280'), fullPage: true });
  }, 60_000);
});
