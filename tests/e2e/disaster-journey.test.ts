/**
 * 被災者支援 (issue #20) from the resident's application to the certificate,
 * in a real browser: the banner leads a resident on a phone (360 px) to the
 * 被災 guide and the 罹災証明書, sent with photos; a clerk records the
 * survey result in the console, another approves it and issues the
 * certificate; the resident downloads it from the status page (the PDF is
 * rendered to PNG with pdftoppm, to look at) and the verification page
 * confirms it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { RECEIPT_PATTERN } from '@madoguchi/shared';
import { screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { makeTempDir } from '../helpers/tempDir';
import { pdfText } from '../helpers/pdfText';
import { CLIENT_DIST } from '../../server/src/app';
import { attachFile, fillStep, next, readPreset, TINY_PNG } from './resident-helpers';

const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();
const preset = readPreset('risai-shomeisho');
const steps = preset.definition.form.uiSchema['ui:options']!.steps!;
const NAME = '令和8年12月茨城県北部の地震';

async function newPage(width: number): Promise<Page> {
  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width, height: 900 }, acceptDownloads: true })).newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** A clerk of 水戸 signed in to the console, on the disaster's triage page. */
async function triageAs(role: 'staff' | 'municipal-admin', disasterId: string): Promise<Page> {
  const { url, ctx } = live();
  const user = await makeUser(ctx.storage, role, MITO);
  const page = await newPage(1280);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor({ state: 'attached' });
  await page.goto(`${url}/staff/disasters/${disasterId}/triage`);
  await page.getByRole('heading', { level: 1, name: '被害認定調査（罹災証明書）' }).waitFor();
  return page;
}

test('banner → 被災 guide → 罹災証明書 with photos → survey recorded and approved → certificate issued → downloaded → verified', async () => {
  const { url, ctx } = live();
  const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
  const disaster = await ctx.services.disasters.declare(
    MITO,
    { name: NAME, occurredOn: '2026-12-01', kind: '地震', area: { towns: ['笠原町'], postalCodes: [] }, reliefAct: { applied: true, appliedOn: '2026-12-01' } },
    { userId: admin.id },
    'ja',
  );

  // The resident, on a phone: from the banner through the guide to the form, sent with two photos.
  const resident = await newPage(360);
  await resident.goto(`${url}/m/${MITO}`);
  const banner = resident.getByRole('region', { name: /による被害を受けた方へ$/ });
  await banner.getByRole('link', { name: '被災された方の支援と手続を確認する' }).click();
  await resident.waitForURL(/\/guides\/hisai$/);
  await banner.getByRole('link', { name: '罹災証明書を申請する' }).click();
  await resident.getByRole('link', { name: 'オンラインで申請する' }).click();
  // Picked up at the desk rather than mailed: the status page then offers the PDF.
  const { disaster: _typed, ...valid } = preset.valid;
  const { mailTo: _mailTo, ...delivery } = valid.delivery as Record<string, unknown>;
  const answers = { ...valid, delivery: { ...delivery, method: '窓口で受け取る' } };
  for (const step of steps) {
    await resident.getByRole('heading', { level: 1, name: step.title }).waitFor();
    await fillStep(resident, step.fields, answers);
    await next(resident);
  }
  await attachFile(resident, 'identityDocument', '本人確認書類.png', 'image/png', TINY_PNG);
  await attachFile(resident, 'damagePhotos', '全景.png', 'image/png', TINY_PNG);
  await attachFile(resident, 'damagePhotos', '浸水の深さ.png', 'image/png', TINY_PNG);
  await next(resident);
  await resident.getByRole('button', { name: 'この内容で申請する' }).click();
  await resident.getByRole('heading', { level: 1, name: '申請を受け付けました' }).waitFor();
  const receipt = (await resident.locator('#receipt-number').textContent())!.trim();
  const secret = (await resident.locator('#status-secret').textContent())!.trim();
  expect(receipt).toMatch(RECEIPT_PATTERN);

  // A clerk records the survey result; another approves it and issues the certificate (four eyes).
  const clerk = await triageAs('staff', disaster.id);
  await clerk.getByRole('button', { name: `結果を記録（${receipt}）` }).click();
  const form = clerk.getByRole('form', { name: `${receipt} の調査結果` });
  await form.getByLabel('被害の程度').selectOption('半壊');
  await form.getByLabel('調査員').fill('水戸 一郎');
  await form.getByLabel('調査員').press('Enter');
  await clerk.locator('tr', { hasText: receipt }).getByText('承認待ち').waitFor();

  const approver = await triageAs('municipal-admin', disaster.id);
  await approver.getByRole('button', { name: `承認する（${receipt}）` }).click();
  await approver.locator('tr', { hasText: receipt }).getByText('承認済み').waitFor();
  await approver.getByRole('button', { name: `罹災証明書を発行（${receipt}）` }).click();
  const issued = approver.getByRole('status').filter({ hasText: `${receipt} の罹災証明書` });
  await issued.waitFor();
  const number = /（(令和\d+年 第\d+号)）/.exec((await issued.textContent())!)?.[1];
  expect(number).toBeDefined();
  await approver.screenshot({ path: screenshotPath('disaster-journey-1280-issued'), fullPage: true });

  // The resident downloads it from the status page; the PDF is rendered to look at.
  await resident.goto(`${url}/status/${receipt}#${encodeURIComponent(secret)}`);
  await resident.getByText('罹災証明書が発行されました').waitFor();
  await resident.screenshot({ path: screenshotPath('disaster-journey-360-status'), fullPage: true });
  const [download] = await Promise.all([resident.waitForEvent('download'), resident.getByRole('button', { name: '罹災証明書をダウンロード（PDF）' }).click()]);
  const dir = makeTempDir();
  try {
    const pdf = `${dir.path}/certificate.pdf`;
    await download.saveAs(pdf);
    const text = pdfText(readFileSync(pdf)).join('');
    for (const printed of ['罹 災 証 明 書', number!, NAME, '半壊', '水戸市長']) expect(text).toContain(printed);
    const png = screenshotPath('disaster-journey-certificate').replace(/\.png$/u, '');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', pdf, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
  } finally {
    dir.remove();
  }

  // Anyone holding the paper checks it: the number and the 照合番号 printed on it.
  const stored = (await ctx.storage.submissions.findByReceiptNumber(receipt))!;
  const certificate = (await ctx.services.certificates.standingFor(stored.id))!;
  expect(certificate.number).toBe(number);
  await resident.goto(`${url}/verify?number=${encodeURIComponent(certificate.number)}`);
  await resident.getByLabel('照合番号').fill(ctx.services.certificates.codes.codeFor(certificate.id));
  await resident.getByRole('button', { name: '確認する' }).click();
  await resident.getByText('有効', { exact: true }).waitFor();
  await resident.getByText('半壊', { exact: true }).waitFor();
  await resident.screenshot({ path: screenshotPath('disaster-journey-360-verified'), fullPage: true });
}, 240_000);
