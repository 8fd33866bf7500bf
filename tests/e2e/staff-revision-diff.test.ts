/**
 * What changed (issue #21), in headless Chromium on the real built app: after a
 * 補正 round trip the clerk opens the submission and sees revision 2 against
 * revision 1 at once — the changed answers with old and new values, the file
 * added — and the version said plainly; on a 360 px phone and on a desktop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO, risaiData, setHouseholder, signIn, submit, upload, uploadToken, type InboxApp } from '../helpers/inboxApp';
import { PASSWORD } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

describe('staff revision diff in a browser', () => {
  let ctx: InboxApp;
  let server: Server;
  let url: string;
  let browser: Browser;
  let submissionId: string;
  let email: string;

  beforeAll(async () => {
    ctx = await buildInboxApp({}, undefined, { clientDist: CLIENT_DIST });
    server = await new Promise((resolve) => {
      const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    const clerk = await signIn(ctx, 'staff', MITO, { displayName: '窓口 花子' });
    email = clerk.user.email;
    const s = await submit(
      ctx,
      risaiData((d) => setHouseholder(d, '髙橋', '太郎', 'タカハシ', 'タロウ')),
    );
    submissionId = s.id;
    const path = `/municipalities/${MITO}/submissions/${s.id}`;
    await clerk.client.post(`${path}/status`, { to: 'in-review' }).expect(200);
    await clerk.client
      .post(`${path}/correction-request`, { message: '電話番号と名をご確認ください。', fields: ['/householder/name/givenName', '/currentContact/phone'], expected: 'in-review' })
      .expect(200);
    const token = uploadToken();
    const fileId = await upload(ctx.app, token, readFileSync(join(__dirname, '..', 'fixtures', 'photo.png')), '追加の写真.png');
    await request(ctx.app)
      .post(`/api/v1/submissions/${s.receiptNumber}/correction`)
      .set('X-Receipt-Secret', s.secret)
      .send({ revision: 1, changes: { '/householder/name/givenName': '太朗', '/currentContact/phone': '029-224-2222' }, attachments: { damagePhotos: [fileId] }, uploadToken: token })
      .expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((r) => server.close(r));
    await ctx.close();
  });

  const open = async (width: number, height: number): Promise<Page> => {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width, height } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
    await page.goto(`${url}/staff/inbox/${submissionId}`);
    await page.getByRole('heading', { name: '罹災証明書の発行申請' }).waitFor();
    return page;
  };

  for (const [name, width, height] of [
    ['desktop', 1280, 900],
    ['phone', 360, 780],
  ] as const) {
    it(`shows revision 2 against revision 1 on ${name} (${width} px)`, async () => {
      const page = await open(width, height);
      const diff = page.getByRole('group', { name: '第2版の変更点（第1版との比較）' });
      await diff.waitFor();
      const phone = diff.getByRole('listitem').filter({ hasText: '日中に連絡がつく電話番号' });
      await expect(phone.locator('del').textContent()).resolves.toBe('029-224-1111');
      await expect(phone.locator('ins').textContent()).resolves.toBe('029-224-2222');
      await expect(phone.textContent()).resolves.toContain('変更');
      const givenName = diff.getByRole('listitem').filter({ hasText: '太朗' });
      await expect(givenName.locator('del').textContent()).resolves.toBe('太郎');
      await expect(diff.getByRole('listitem').filter({ hasText: '被害状況の写真' }).locator('ins').textContent()).resolves.toBe('追加の写真.png');
      // The version, said plainly.
      await page.getByText('国の様式 第1版（申請時の様式で表示）').waitFor();
      // Hide and show again.
      await page.getByRole('button', { name: '変更点を閉じる' }).click();
      await diff.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: '変更点（第1版→第2版）' }).click();
      await diff.waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator('#revisions-title').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`staff-revision-diff-${name}`), fullPage: false });
      await page.context().close();
    });
  }
});
