/**
 * A first trial on the office LAN: the server runs with plain-HTTP PUBLIC_URL
 * and a browser on another machine opens it by host name. Chromium maps the
 * name `lan-trial.test` to 127.0.0.1 (no traffic leaves the machine), so the
 * browser treats it as a remote, non-secure origin — where the CSP directive
 * `upgrade-insecure-requests` used to turn every script request into https and
 * leave only the "enable JavaScript" notice on screen.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { CLIENT_DIST } from '../../server/src/app';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildApp, type TestApp } from '../helpers/buildApp';

const HOST = 'lan-trial.test';
let ctx: TestApp;
let server: Server;
let browser: Browser;

beforeAll(async () => {
  ctx = await buildApp({ clientDist: CLIENT_DIST, env: { PUBLIC_URL: `http://${HOST}:3000` } });
  server = await new Promise((resolve) => {
    const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await ctx?.close();
});

test('the resident app renders over plain HTTP under a host name other than localhost', async () => {
  const port = (server.address() as AddressInfo).port;
  const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 } })).newPage();
  page.setDefaultTimeout(10_000);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto(`http://${HOST}:${port}/`);
  await page.getByRole('heading', { level: 1, name: '申請先の市区町村を選んでください' }).waitFor();
  await page.screenshot({ path: screenshotPath('lan-trial-360'), fullPage: true });
  expect(failed).toEqual([]);
  expect(page.url().startsWith(`http://${HOST}:${port}/`)).toBe(true);
});
