/**
 * 基幹システムへの送信 (issue #21): a municipal admin adds a push target for
 * 罹災証明書 in 外部連携, maps fields chosen by their Japanese labels, sees a
 * refused row marked where it is, saves, reads the secret once; a resident's
 * application is then pushed to a loopback receiver and the log says 送信済み.
 * Screenshots at desktop width and 360 px.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO, submit } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildInboxApp({ NODE_ENV: 'test', WEBHOOK_TEST_ALLOW_LOOPBACK: 'true' }, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();
const received: string[] = [];
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => (received.push(Buffer.concat(chunks).toString('utf8')), res.end('{}')));
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/intake`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});

test('an admin maps fields by their labels, a refused row is marked, and the push shows in the log', async () => {
  const { url, ctx } = live();
  const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
  const context = await chrome().newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(admin.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '外部連携' }).click();

  const panel = page.locator('section.push');
  await panel.getByRole('heading', { name: '基幹システムへの送信（プッシュ）' }).waitFor();
  await panel.getByLabel('送信先の名前').fill('被災者台帳システム');
  await panel.getByLabel('手続').selectOption({ label: '罹災証明書の発行申請' });
  await panel.getByLabel('送信先URL（https:// で始まるもの）').fill(receiverUrl);

  // Row 1: a submission fact; row 2: an answer chosen by its label; row 3 repeats row 1's name (refused).
  await panel.locator('#push-row-field-0').fill('shinseiBango');
  await panel.locator('#push-row-source-0').selectOption({ label: '到達番号' });
  await panel.getByRole('button', { name: '行を追加' }).click();
  await panel.locator('#push-row-field-1').fill('setainushiShi');
  await panel.locator('#push-row-source-1').selectOption('answer:/householder/name/familyName');
  expect(await panel.locator('#push-row-source-1 option:checked').textContent()).toMatch(/^世帯主／.*氏/);
  await panel.getByRole('button', { name: '行を追加' }).click();
  await panel.locator('#push-row-field-2').fill('shinseiBango');
  await panel.locator('#push-row-source-2').selectOption('answer:/householder/name/givenName');
  await panel.getByRole('button', { name: '送信先を登録' }).last().click();
  await page.getByRole('alert').filter({ hasText: '項目の対応表に誤りがあります（3行目）。' }).waitFor();
  await panel.locator('#push-row-error-2').filter({ hasText: '送信先の項目名「shinseiBango」が重複しています。' }).waitFor();
  expect(await panel.locator('#push-row-field-2').getAttribute('aria-invalid')).toBe('true');
  expect(await ctx.storage.pushTargets.list(MITO)).toEqual([]);
  await page.screenshot({ path: screenshotPath('staff-push-refused-row'), fullPage: true });

  await panel.locator('#push-row-field-2').fill('setainushiMei');
  await panel.getByRole('button', { name: '送信先を登録' }).last().click();
  await panel.getByLabel('署名用の秘密鍵').waitFor();
  await panel.getByText('被災者台帳システム').waitFor();
  const [target] = await ctx.storage.pushTargets.list(MITO);
  expect(target!.mapping).toEqual([
    { field: 'shinseiBango', source: 'meta', meta: 'receiptNumber' },
    { field: 'setainushiShi', source: 'answer', pointer: '/householder/name/familyName' },
    { field: 'setainushiMei', source: 'answer', pointer: '/householder/name/givenName' },
  ]);

  const s = await submit(ctx);
  await ctx.services.desk.dispatcher.drain();
  expect(JSON.parse(received[0]!).fields).toEqual({ shinseiBango: s.receiptNumber, setainushiShi: '水戸', setainushiMei: '太郎' });
  await page.reload();
  const log = page.locator('section.push table');
  await log.getByText(s.receiptNumber).waitFor();
  await log.getByText('送信済み').waitFor();
  await page.screenshot({ path: screenshotPath('staff-push-desktop'), fullPage: true });

  // A phone-width window: the mapping rows stack, nothing is cut off.
  await page.setViewportSize({ width: 360, height: 740 });
  await panel.getByRole('button', { name: '編集' }).click();
  await panel.locator('#push-row-field-2').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await panel.locator('.push__mapping').screenshot({ path: screenshotPath('staff-push-360') });
  await context.close();
});
