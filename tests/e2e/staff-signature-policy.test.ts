/**
 * The signature policy in the builder, in headless Chromium on the built console:
 * a clerk adopts 罹災証明書, sees what each policy means (no signature → an
 * identity document becomes required), chooses 「電子署名なし」 and publishes;
 * the published procedure carries the choice.
 * Screenshots at desktop width and at 360 px.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildAuthApp, makeUser, MITO, PASSWORD, type AuthApp } from '../helpers/staffAuth';
import { allPresets } from '../helpers/testApp';
import { CLIENT_DIST } from '../../server/src/app';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';

const RISAI = 'risai-shomeisho';

describe('signature policy in the builder', () => {
  let ctx: AuthApp;
  let server: Server;
  let url: string;
  let browser: Browser;
  let email: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, undefined, process.env.MADOGUCHI_CLIENT_DIST ?? CLIENT_DIST);
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

  async function signIn(width: number): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && errors.push(m.text()));
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
    return page;
  }

  it('shows what each policy means, stores the choice with the adoption and publishes it', async () => {
    const page = await signIn(1440);
    await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '手続' }).click();
    await page.getByRole('button', { name: '「罹災証明書の発行申請」を採用して編集' }).click();
    await page.getByRole('heading', { level: 1, name: '「罹災証明書の発行申請」の編集' }).waitFor();
    await page.getByRole('tab', { name: /手続の情報/ }).click();
    const select = page.getByLabel('マイナンバーカードによる電子署名');
    expect(await select.locator('option').allTextContents()).toEqual(['電子署名が必要', '電子署名は任意', '電子署名なし', '市区町村が選ぶ（未選択）']);
    const effect = page.getByTestId('signature-effect');
    await select.selectOption({ label: '電子署名なし' });
    await effect.getByText('電子署名を求めません。本人確認のため「本人確認書類」の添付が必須になります。').waitFor();
    await effect.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('signature-policy-desktop'), fullPage: false });
    await select.selectOption({ label: '電子署名が必要' });
    await effect.getByText('署名が本人確認になります', { exact: false }).waitFor();
    await select.selectOption({ label: '電子署名なし' });
    await page.getByRole('button', { name: '手続の情報を反映' }).click();
    await page.getByText('手続の情報を反映しました。').waitFor();
    await page.getByRole('status').filter({ hasText: '保存済み' }).waitFor();

    const layer = await ctx.storage.editLayers.get(MITO, RISAI);
    expect(layer!.ops.filter((o) => o.type === 'setSignaturePolicy')).toEqual([expect.objectContaining({ policy: 'none' })]);

    await page.getByRole('tab', { name: /確認と公開/ }).click();
    await page.getByRole('button', { name: '公開する' }).click();
    await page.getByText('第1版として公開しました。住民の画面に反映されています。').waitFor();
    const detail = (await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/${RISAI}`).expect(200)).body;
    expect(detail.procedure.signaturePolicy).toBe('none');

    const narrow = await signIn(360);
    await narrow.goto(page.url());
    await narrow.getByRole('tab', { name: /手続の情報/ }).click();
    await narrow.getByTestId('signature-effect').scrollIntoViewIfNeeded();
    await narrow.screenshot({ path: screenshotPath('signature-policy-360') });
    expect(errors).toEqual([]);
  });
});
