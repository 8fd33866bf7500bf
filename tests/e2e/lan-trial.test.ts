/**
 * A first trial on the office LAN: the server runs with plain-HTTP PUBLIC_URL
 * and a browser on another machine opens it by host name. Chromium maps the
 * name `lan-trial.test` to 127.0.0.1 (no traffic leaves the machine), so the
 * browser treats it as a remote, non-secure origin — where the CSP directive
 * `upgrade-insecure-requests` used to turn every script request into https and
 * leave only the "enable JavaScript" notice on screen.
 */
import { CLIENT_DIST } from '../../server/src/app';
import { screenshotPath } from '../helpers/browser';
import { buildApp } from '../helpers/buildApp';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';

const HOST = 'lan-trial.test';
const live = useLiveApp(() => buildApp({ clientDist: CLIENT_DIST, env: { PUBLIC_URL: `http://${HOST}:3000` } }));
const chrome = useBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);

test('the resident app renders over plain HTTP under a host name other than localhost', async () => {
  const port = new URL(live().url).port;
  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 } })).newPage();
  page.setDefaultTimeout(10_000);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto(`http://${HOST}:${port}/`);
  await page.getByRole('heading', { level: 1, name: '申請先の市区町村を選んでください' }).waitFor();
  await page.screenshot({ path: screenshotPath('lan-trial-360'), fullPage: true });
  expect(failed).toEqual([]);
  expect(page.url().startsWith(`http://${HOST}:${port}/`)).toBe(true);
});
