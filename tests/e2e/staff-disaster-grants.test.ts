/**
 * 応援職員 (issue #20) in the console: 水戸's admin lends a disaster to a 札幌
 * staff member (after being told an own-town account needs no grant), the
 * 札幌 account sees 「応援先の災害」 on its home page linking to the disaster's
 * triage queue, and the admin revokes the grant.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Disaster } from '@madoguchi/shared';
import { todayInJapan } from '@madoguchi/shared';
import { screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO, SAPPORO } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();

async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('heading', { name: /こんにちは/ }).waitFor();
}

test('a municipal admin lends a disaster to staff of another town, who find it on their home page', async () => {
  const { url, ctx } = live();
  const browser = chrome();
  const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
  const ownStaff = await makeUser(ctx.storage, 'staff', MITO);
  const helper = await makeUser(ctx.storage, 'staff', SAPPORO, { displayName: '札幌 応援' });
  const at = new Date().toISOString();
  const disaster: Disaster = {
    id: randomUUID(),
    municipalityCode: MITO,
    name: '令和8年12月茨城県北部の地震',
    occurredOn: todayInJapan(),
    kind: '地震',
    area: { towns: ['笠原町'], postalCodes: [] },
    reliefAct: { applied: true, appliedOn: todayInJapan() },
    status: 'open',
    declaredAt: at,
    declaredBy: admin.id,
    closedAt: null,
    closedBy: null,
    updatedAt: at,
  };
  await ctx.storage.disasters.create(disaster);

  const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, url, admin.email);
  await page.goto(`${url}/staff/disasters/${disaster.id}/grants`);
  await page.getByRole('heading', { level: 1, name: disaster.name }).waitFor();
  await page.getByText('まだ応援職員はいません。').waitFor();

  // An account of the own town is refused at the field, in plain words.
  await page.getByLabel('応援職員のメールアドレス').fill(ownStaff.email);
  await page.getByRole('button', { name: '権限を付与する' }).click();
  await page.locator('#grant-email-error').getByText('自団体の職員').waitFor();

  await page.getByLabel('応援職員のメールアドレス').fill(helper.email);
  await page.getByRole('button', { name: '権限を付与する' }).click();
  await page.getByRole('status').getByText('札幌 応援さん（札幌市）に権限を付与しました。').waitFor();
  const item = page.locator('.grants__item').filter({ hasText: '札幌 応援' });
  await item.getByText('有効').waitFor();
  await page.screenshot({ path: screenshotPath('disaster-grants-1280'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: screenshotPath('disaster-grants-360'), fullPage: true });

  // The lent account's home page lists where it helps, linking to the disaster's triage queue.
  const lent = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 740 } })).newPage();
  lent.setDefaultTimeout(10_000);
  await signIn(lent, url, helper.email);
  const link = lent.getByRole('region', { name: '応援先の災害' }).getByRole('link', { name: `水戸市：${disaster.name}` });
  expect(await link.getAttribute('href')).toBe(`/staff/disasters/${disaster.id}/triage?municipality=${MITO}`);
  await lent.screenshot({ path: screenshotPath('lent-home-360'), fullPage: true });
  await lent.setViewportSize({ width: 1280, height: 900 });
  await lent.screenshot({ path: screenshotPath('lent-home-1280'), fullPage: true });

  // Revoked after a confirmation: the list says so and the account's home page no longer shows it.
  await page.setViewportSize({ width: 1280, height: 900 });
  await item.getByRole('button', { name: '取り消す' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '取り消す' }).click();
  await page.getByRole('status').getByText('権限を取り消しました。').waitFor();
  await item.getByText('取消済').waitFor();
  const grantsAnswered = lent.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/staff/me/disaster-grants' && r.ok());
  await lent.reload();
  expect((await (await grantsAnswered).json()).items).toEqual([]);
  await lent.getByRole('heading', { name: /こんにちは/ }).waitFor();
  expect(await lent.getByRole('region', { name: '応援先の災害' }).count()).toBe(0);
});
