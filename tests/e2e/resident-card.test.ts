/**
 * The My Number Card on a 360 px phone, against the デジタル認証アプリ stand-in
 * (not the real service): 「マイナンバーカードでログイン」 on 児童手当の認定請求,
 * the 基本4情報 filled in (外字 kept) and locked, the check page's
 * 「マイナンバーカードで署名する」, the signature verified by the server, and
 * the receipt. The answers of the other steps come from the preset's example,
 * put into the device's draft as a resident who started earlier would have it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { JWK } from 'jose';
import { RECEIPT_PATTERN } from '@madoguchi/shared';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildTestApp, allPresets } from '../helpers/testApp';
import type { TestApp } from '../helpers/buildApp';
import { makeTempDir } from '../helpers/tempDir';
import { freshExample } from '../helpers/presetExamples';
import { CLIENT_DIST } from '../../server/src/app';
import { makeSigningCertificate, makeTestPki } from '../../server/src/tools/mynaStandIn/testCertificates';
import { startStandIn, type StandIn } from '../../server/src/tools/mynaStandIn/standInProvider';
import { TINY_PDF } from './resident-helpers';
import { makeUser, PASSWORD } from '../helpers/staffAuth';

const MITO = '082015';
const ID = 'jidou-teate-nintei';
const NAME = '𠮷田　太郎';
const dir = makeTempDir();
let http: Server;
let url: string;
let ctx: TestApp;
let idp: StandIn;
let browser: Browser;

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  // The app's address must be known before it is built: it is the redirect URI registered at the provider.
  http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const pki = await makeTestPki();
  const cert = await makeSigningCertificate(NAME, pki.signingCa);
  const anchors = join(dir.path, 'anchors.pem');
  writeFileSync(anchors, pki.anchorsPem);
  const client = { clientId: 'madoguchi-e2e', clientSecret: 'stand-in-secret-for-the-browser-test' };
  idp = await startStandIn({
    client: { ...client, redirectUris: [`${url}/api/v1/resident/card/callback`] },
    people: [{ sub: 'r1', claims: { name: NAME, address: '茨城県水戸市中央一丁目4番1号　髙島ハイツ101', birthdate: '1985-04-01', gender: 'male' }, ...cert }],
    autoApprove: true,
    resultKey: async () => ((await (await fetch(`${url}/api/v1/resident/card/jwks`)).json()) as { keys: JWK[] }).keys[0]!,
  });
  ctx = await buildTestApp(join(dir.path, 'data'), undefined, CLIENT_DIST, undefined, {
    PUBLIC_URL: url,
    MYNA_ISSUER: idp.issuer,
    MYNA_CLIENT_ID: client.clientId,
    MYNA_CLIENT_SECRET: client.clientSecret,
    MYNA_TRUST_ANCHORS: anchors,
  });
  http.on('request', ctx.app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  http.closeAllConnections();
  await new Promise((r) => http.close(r));
  await idp?.close();
  await ctx?.close();
  dir.remove();
});

/** Two files uploaded under the draft's token, as the attachments step would have done. */
async function uploadFiles(uploadToken: string) {
  const files: Record<string, { fileId: string; fileName: string; mediaType: string; size: number }[]> = {};
  for (const attachmentId of ['bankProof', 'healthInsurance']) {
    const form = new FormData();
    form.set('procedureId', ID);
    form.set('attachmentId', attachmentId);
    form.set('file', new Blob([TINY_PDF], { type: 'application/pdf' }), `${attachmentId}.pdf`);
    const res = await fetch(`${url}/api/v1/municipalities/${MITO}/uploads`, { method: 'POST', body: form, headers: { 'X-Upload-Token': uploadToken } });
    const body = (await res.json()) as { fileId: string; fileName: string; mediaType: string; size: number };
    if (res.status !== 201) throw new Error(JSON.stringify(body));
    files[attachmentId] = [body];
  }
  return files;
}

test('sign in with the card, have the 基本4情報 filled in, sign 児童手当の認定請求 and get the receipt, on a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));

  const preset = allPresets().find((p) => p.procedure.id === ID)!;
  const uploadToken = 'e2e-card-upload-token-0123456789';
  const draft = {
    municipalityCode: MITO,
    procedureId: ID,
    formVersion: (await (await fetch(`${url}/api/v1/municipalities/${MITO}/procedures/${ID}`)).json()).version.version,
    data: freshExample(structuredClone(preset.example)),
    attachments: await uploadFiles(uploadToken),
    uploadToken,
    savedAt: new Date().toISOString(),
  };
  await page.goto(`${url}/m/${MITO}`);
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [`madoguchi:draft:${MITO}:${ID}`, JSON.stringify(draft)]);

  await page.goto(`${url}/m/${MITO}/p/${ID}/apply?step=1`);
  const login = page.getByRole('link', { name: 'マイナンバーカードでログイン' });
  await login.waitFor();
  await page.screenshot({ path: screenshotPath('resident-card-1-offer') });
  await login.click();
  // Through the provider (the stand-in answers for the phone) and back to the same step.
  await page.getByText(`マイナンバーカードで本人確認済み：${NAME}`).waitFor();
  const family = page.locator('#root_claimant_name_familyName');
  await expect(family.inputValue()).resolves.toBe('𠮷田');
  expect(await family.getAttribute('readonly')).not.toBeNull();
  await expect(page.locator('#root_claimant_address_street').inputValue()).resolves.toBe('中央一丁目4番1号　髙島ハイツ101');
  expect(await page.getByText('マイナンバーカードから入力').count()).toBeGreaterThan(0);
  await family.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('resident-card-2-prefilled') });
  await page.locator('#root_claimant_address_street').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('resident-card-2b-address') });

  await page.goto(`${url}/m/${MITO}/p/${ID}/apply?step=review`);
  await page.getByText('この手続には、マイナンバーカードによる電子署名が必要です').waitFor();
  await page.getByRole('button', { name: 'マイナンバーカードで署名する' }).click();
  await page.getByText('マイナンバーカードで電子署名しました').waitFor();
  await page.getByText('マイナンバーカードで電子署名しました').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('resident-card-3-signed') });
  await page.getByRole('button', { name: 'この内容で申請する' }).click();
  await page.getByRole('heading', { level: 1, name: '申請を受け付けました' }).waitFor();
  const receipt =
    (await page
      .locator('.receipt-number, [data-receipt]')
      .first()
      .textContent()
      .catch(() => null)) ?? '';
  await page.screenshot({ path: screenshotPath('resident-card-4-done') });

  const stored = (await ctx.storage.submissions.list({ municipalityCode: MITO, limit: 5 })).items.find((s) => s.procedureId === ID)!;
  expect(stored.evidence?.signature).toMatchObject({ status: 'verified_no_revocation', signerName: NAME });
  expect(stored.evidence?.identity?.method).toBe('myna-card');
  if (receipt) expect(receipt.replace(/\s/g, '')).toMatch(RECEIPT_PATTERN);
  expect(problems).toEqual([]);
  await context.close();

  // The clerk sees who signed, as the certificate states it, and verifies it again.
  const clerk = await makeUser(ctx.storage, 'staff', MITO, { displayName: '窓口 花子' });
  const desk = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } })).newPage();
  desk.setDefaultTimeout(15_000);
  await desk.goto(`${url}/staff/login`);
  await desk.getByLabel('メールアドレス').fill(clerk.email);
  await desk.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await desk.getByRole('button', { name: 'ログイン' }).click();
  await desk.getByRole('navigation', { name: 'メニュー' }).waitFor();
  await desk.goto(`${url}/staff/inbox/${stored.id}`);
  await desk.getByText('署名検証済（失効確認なし）').waitFor();
  expect(await desk.getByText(`署名者：${NAME}（証明書の記載のとおり）`).count()).toBe(1);
  expect(await desk.getByText('マイナンバーカード（利用者証明用電子証明書）', { exact: false }).count()).toBe(1);
  await desk.getByRole('button', { name: '署名を再検証' }).click();
  await desk.getByText('署名を再検証しました：署名検証済（失効確認なし）').waitFor();
  await desk.screenshot({ path: screenshotPath('resident-card-5-clerk') });

  // The clerk asks to correct the phone number; the resident signs the corrected answers with the card and sends them.
  await desk.getByRole('radio', { name: '審査中' }).check();
  await desk.getByRole('button', { name: '状況を変更する' }).click();
  await desk.getByText('状況を「審査中」に変更しました。').waitFor();
  await desk.context().close();
  await ctx.services.desk.workflow.requestCorrection(
    { kind: 'staff', userId: clerk.id, municipalityCode: MITO },
    stored.id,
    { message: '日中の電話番号をご確認ください。', fields: ['/claimant/phone'], expected: 'in-review' },
    'ja',
  );
  const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'ja-JP' })).newPage();
  phone.setDefaultTimeout(15_000);
  await phone.goto(`${url}/status/${stored.receiptNumber}#${ctx.services.intake.statusSecret(stored.id)}`);
  const field = phone.locator('#correction-claimant-phone');
  expect(await phone.evaluate(() => window.innerWidth)).toBe(360); // nothing wider than the phone (a mobile browser would zoom out)
  await field.fill('029-000-1111');
  await phone.getByText('修正した内容は、マイナンバーカードで署名してから送信します').waitFor();
  const signButton = phone.getByRole('button', { name: 'マイナンバーカードで署名する' });
  await signButton.scrollIntoViewIfNeeded();
  await signButton.click();
  await phone.getByText('マイナンバーカードで署名しました。「回答を送信する」を押してください。').waitFor();
  await expect(field.inputValue()).resolves.toBe('029-000-1111');
  await field.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: screenshotPath('resident-card-6-correction-signed') });
  await phone.getByRole('button', { name: '回答を送信する' }).click();
  await phone.getByText('回答を送信しました。', { exact: false }).waitFor();
  const corrected = (await ctx.storage.submissions.findById(stored.id))!;
  expect(corrected.data).toMatchObject({ claimant: { phone: '029-000-1111' } });
  expect(corrected.evidence?.signature?.status).toBe('verified_no_revocation');
  expect(corrected.evidence?.signature?.contentDigest).not.toBe(stored.evidence?.signature?.contentDigest);
  await phone.context().close();
});

test('a one-stop bundle is signed once with the card for all its forms, and sent with that one signature', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  // Two forms already checked on their check pages (「確認して一覧に戻る」), as the bundle keeps them on the device.
  const example = (id: string) => freshExample(structuredClone(allPresets().find((p) => p.procedure.id === id)!.example)) as Record<string, unknown>;
  const uploadToken = 'e2e-bundle-upload-token-0123456789';
  const files = await uploadFiles(uploadToken);
  const ids = (list: typeof files) => Object.fromEntries(Object.entries(list).map(([spec, f]) => [spec, f.map((x) => x.fileId)]));
  const bundle = {
    municipalityCode: MITO,
    procedureIds: [ID, 'risai-shomeisho'],
    shared: {},
    sharedSaved: true,
    applied: {},
    confirmed: {
      [ID]: { data: example(ID), attachments: ids(files), uploadToken, formVersion: 1 },
      'risai-shomeisho': { data: example('risai-shomeisho'), attachments: {}, uploadToken, formVersion: 1 },
    },
  };
  await page.goto(`${url}/m/${MITO}`);
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [`madoguchi:bundle:${MITO}`, JSON.stringify(bundle)]);
  await page.goto(`${url}/m/${MITO}/bundle`);
  const status = (title: string) =>
    page
      .locator('.task-list__item', { has: page.getByText(title, { exact: true }) })
      .locator('.task-list__status')
      .textContent();
  await page.getByRole('button', { name: 'マイナンバーカードで2件まとめて署名する' }).waitFor();
  expect(await status('まとめて送信する')).toBe('まだ進めません'); // 児童手当 requires a signature
  await page.screenshot({ path: screenshotPath('bundle-card-1-sign') });
  await page.getByRole('button', { name: 'マイナンバーカードで2件まとめて署名する' }).click();
  // Through the provider (the stand-in answers for the phone) and back to the bundle, signed.
  await page.getByRole('button', { name: '2件の申請をまとめて送信する' }).waitFor();
  expect(await status('マイナンバーカードで署名する')).toBe('署名済');
  expect(page.url()).not.toContain('signature='); // the handle is not left in the address bar
  await page.screenshot({ path: screenshotPath('bundle-card-2-signed') });
  await page.getByRole('button', { name: '2件の申請をまとめて送信する' }).click();
  await page.getByRole('heading', { level: 1, name: 'まとめて申請しました' }).waitFor();
  const receipts = (await page.locator('.bundle-item__receipt').allTextContents()).map((r) => r.trim());
  for (const [position, receipt] of receipts.entries()) {
    const stored = await ctx.storage.submissions.findByReceiptNumber(receipt);
    expect(stored?.evidence?.signature).toMatchObject({ status: 'verified_no_revocation', signerName: NAME, bundle: { position } });
  }
  expect(problems).toEqual([]);
  await context.close();
});
