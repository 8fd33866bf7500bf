/**
 * 罹災証明書 in a real browser at 360 px: the status page of an application
 * whose certificate was issued offers the PDF (downloaded here), one asked
 * for by post says it will be mailed, and /verify answers 有効 with the
 * certified level for the printed number and code, 一致しません otherwise;
 * a follow-up procedure's form takes the damage level from the certificate.
 */
import request from 'supertest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildInboxApp } from '../helpers/inboxApp';
import { CLIENT_DIST } from '../../server/src/app';
import { presetApplication } from '../helpers/presetApplication';
import { MITO, makeUser } from '../helpers/staffAuth';
import type { StaffActor } from '../../server/src/modules/inbox/actor';

const RISAI = 'risai-shomeisho';
const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();

async function issuedApplication(disasterId: string, actor: StaffActor, delivery: string) {
  const application = await presetApplication(live().ctx.app, MITO, RISAI);
  const data = { ...application.data, delivery: { ...(application.data.delivery as object), method: delivery } };
  const res = await request(live().ctx.app)
    .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
    .send({ data, attachments: application.attachments, uploadToken: application.uploadToken })
    .expect(201);
  const stored = (await live().ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber))!;
  const survey = {
    level: '半壊' as const,
    surveyedOn: '2026-12-03',
    surveyor: '水戸 一郎',
    method: 'survey' as const,
    teamId: null,
    recordedBy: actor.userId,
    recordedAt: '2026-12-03T08:00:00.000Z',
    approvedBy: actor.userId,
    approvedAt: '2026-12-04T00:00:00.000Z',
  };
  await live().ctx.storage.disasters.setSurveys(disasterId, [{ submissionId: stored.id, survey }]);
  const { certificate } = await live().ctx.services.certificates.issue(actor, disasterId, stored.id, 'ja');
  return { receipt: res.body.receiptNumber as string, secret: res.body.secret as string, certificate };
}

async function phonePage(): Promise<{ page: Page; errors: string[] }> {
  const context = await chrome().newContext({ viewport: { width: 360, height: 780 }, locale: 'ja-JP', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

test('status page download, 郵送 notice, and the verification page at 360 px', async () => {
  const user = await makeUser(live().ctx.storage, 'staff', MITO);
  const actor: StaffActor = { kind: 'staff', userId: user.id, municipalityCode: MITO, procedureIds: null };
  const declaration = {
    name: '令和8年12月茨城県北部の地震',
    occurredOn: '2026-12-01',
    kind: '地震',
    area: { towns: ['笠原町'], postalCodes: ['3108610'] },
    reliefAct: { applied: true, appliedOn: '2026-12-01' },
  };
  const disaster = await live().ctx.services.disasters.declare(MITO, declaration, { userId: user.id }, 'ja');
  const atDesk = await issuedApplication(disaster.id, actor, '窓口で受け取る');
  const byPost = await issuedApplication(disaster.id, actor, '郵送');

  const { page, errors } = await phonePage();
  await page.goto(`${live().url}/status/${atDesk.receipt}#${encodeURIComponent(atDesk.secret)}`);
  await page.getByText('罹災証明書が発行されました').waitFor();
  await page.getByText(`証明書番号 ${atDesk.certificate.number}`, { exact: false }).waitFor();
  await page.screenshot({ path: screenshotPath('certificate-360-1-status'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '罹災証明書をダウンロード（PDF）' }).click()]);
  const file = readFileSync((await download.path())!);
  expect(file.subarray(0, 5).toString()).toBe('%PDF-');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.goto(`${live().url}/status/${byPost.receipt}#${encodeURIComponent(byPost.secret)}`);
  await page.getByText('ご希望のとおり、罹災証明書は郵送でお届けします。').waitFor();
  expect(await page.getByRole('button', { name: '罹災証明書をダウンロード（PDF）' }).count()).toBe(0);
  await page.screenshot({ path: screenshotPath('certificate-360-2-by-post'), fullPage: true });

  // The QR code's address fills in the number; the code is typed from the paper.
  await page.goto(`${live().url}/verify?number=${encodeURIComponent(atDesk.certificate.number)}`);
  await page.getByRole('heading', { level: 1, name: '罹災証明書の確認' }).waitFor();
  expect(await page.getByLabel('証明書番号').inputValue()).toBe(atDesk.certificate.number);
  await page.getByLabel('照合番号').fill(atDesk.certificate.verificationCode.toLowerCase());
  await page.getByRole('button', { name: '確認する' }).click();
  await page.getByText('有効', { exact: true }).waitFor();
  await page.getByText('半壊', { exact: true }).waitFor();
  await page.screenshot({ path: screenshotPath('certificate-360-3-verify-valid'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByLabel('照合番号').fill('AAAA-AAAA-AAAA');
  await page.getByRole('button', { name: '確認する' }).click();
  await page.getByText('一致しません', { exact: true }).waitFor();
  await page.screenshot({ path: screenshotPath('certificate-360-4-verify-mismatch'), fullPage: true });

  // A follow-up procedure (応急修理) takes the damage level from the certificate behind a button.
  await page.goto(`${live().url}/m/${MITO}/p/oukyu-shuri/apply`);
  await page.getByRole('heading', { level: 1, name: '災害と罹災証明書' }).waitFor();
  await page.getByRole('button', { name: '罹災証明書から被害の程度を入れる' }).click();
  await page.locator('#lookup-number').fill(atDesk.certificate.number);
  await page.locator('#lookup-code').fill(atDesk.certificate.verificationCode);
  await page.getByRole('group', { name: '罹災証明書から被害の程度を入れる' }).getByRole('button', { name: '確認する' }).click();
  await page.getByText('証明書の被害の程度「半壊」を入れました。').waitFor();
  expect(
    await page
      .getByLabel(/被害の程度（罹災証明書に書かれたもの）/)
      .locator('option:checked')
      .textContent(),
  ).toBe('半壊');
  await page.screenshot({ path: screenshotPath('certificate-360-5-lookup'), fullPage: true });
  expect(errors).toEqual([]);

  // Desktop, in English.
  const desktop = await (await chrome().newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' })).newPage();
  await desktop.goto(`${live().url}/verify?number=${encodeURIComponent(byPost.certificate.number)}`);
  await desktop.getByRole('button', { name: 'English' }).click();
  await desktop.getByRole('heading', { level: 1, name: 'Check a disaster damage certificate' }).waitFor();
  await desktop.getByLabel('Verification code').fill(byPost.certificate.verificationCode);
  await desktop.getByRole('button', { name: 'Check', exact: true }).click();
  await desktop.getByText('Valid', { exact: true }).waitFor();
  await desktop.screenshot({ path: screenshotPath('certificate-desktop-verify-en'), fullPage: true });
});
