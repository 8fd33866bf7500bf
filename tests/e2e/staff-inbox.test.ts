/**
 * In headless Chromium, on the real built app: a clerk finds a new
 * submission, assigns it, sends a correction request; the resident answers on
 * the correction panel (on the status page once it is mounted there, else in
 * a bare page that mounts the same component); the clerk sees revision 2,
 * completes the submission and exports the CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import request from 'supertest';
import { buildInboxApp, MITO, risaiData, setHouseholder, signIn, submit, type InboxApp } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { counterOrigin, submitAtCounter } from '../helpers/counterApplication';
import { CLIENT_DIST } from '../../server/src/app';

const ROOT = join(__dirname, '..', '..');
const PHOTO = join(__dirname, '..', 'fixtures', 'photo.png');

/** The correction panel alone, bundled from its sources with the resident styles, for a page on the app's own origin. */
async function harnessBundle(): Promise<{ js: string; css: string }> {
  const out = await build({
    stdin: {
      contents: `
        import '@digital-go-jp/design-tokens/dist/tokens.css';
        import './client/src/common/styles/base.css';
        import './client/src/common/styles/form.css';
        import { createElement } from 'react';
        import { createRoot } from 'react-dom/client';
        import CorrectionPanel from './client/src/resident/status/correction/CorrectionPanel';
        const p = new URLSearchParams(location.hash.slice(1));
        createRoot(document.getElementById('root')).render(createElement('main', { className: 'main container' }, createElement(CorrectionPanel, { receiptNumber: p.get('r'), secret: p.get('s'), language: 'ja' })));`,
      resolveDir: ROOT,
      loader: 'tsx',
    },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    outdir: join(ROOT, 'node_modules', '.cache', 'harness'),
    logLevel: 'silent',
    nodePaths: [join(ROOT, 'client', 'node_modules'), join(ROOT, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const file = (ext: string) => out.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { js: file('.js'), css: file('.css') };
}

describe('staff inbox in a browser', () => {
  let ctx: InboxApp;
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    ctx = await buildInboxApp({}, undefined, { clientDist: CLIENT_DIST });
    server = await new Promise((resolve) => {
      const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((r) => server.close(r));
    await ctx.close();
  });

  const newPage = async (width = 1280, height = 900): Promise<Page> => {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width, height }, acceptDownloads: true })).newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };

  /** A bare page on the app's origin that mounts the correction panel from its sources (no status page around it). */
  async function openHarness(page: Page, receipt: string, secret: string): Promise<void> {
    const { js, css } = await harnessBundle();
    await page.route(`${url}/__correction-harness*`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: js });
      if (path.endsWith('.css')) return route.fulfill({ contentType: 'text/css', body: css });
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/__correction-harness.css"><title>補正</title></head><body><div id="root"></div><script src="/__correction-harness.js"></script></body></html>',
      });
    });
    await page.goto(`${url}/__correction-harness#r=${receipt}&s=${encodeURIComponent(secret)}`);
  }

  /** The resident's page with the correction panel: the status page when it mounts the panel, else the bare harness. */
  async function residentPanel(receipt: string, secret: string): Promise<Page> {
    const page = await newPage(390, 844);
    await page.goto(`${url}/status/${receipt}#${secret}`);
    const onStatusPage = await page
      .getByRole('heading', { name: '補正（修正）のお願い' })
      .waitFor({ timeout: 4000 })
      .then(
        () => true,
        () => false,
      );
    if (!onStatusPage) await openHarness(page, receipt, secret);
    await page.getByRole('heading', { name: '補正（修正）のお願い' }).waitFor();
    return page;
  }

  it('clerk: find, assign, request a correction; resident answers; clerk completes and exports CSV', async () => {
    await makeUser(ctx.storage, 'staff', MITO, { email: 'hanako@city.mito.example', displayName: '窓口 花子' });
    await makeUser(ctx.storage, 'staff', MITO, { displayName: '審査 次郎' });
    const people: Array<[string, string, string, string]> = [
      ['水戸', '花子', 'ミト', 'ハナコ'],
      ['笠間', '一郎', 'カサマ', 'イチロウ'],
      ['日立', '和子', 'ヒタチ', 'カズコ'],
    ];
    for (const p of people)
      await submit(
        ctx,
        risaiData((d) => setHouseholder(d, ...p)),
      );
    const target = await submit(
      ctx,
      risaiData((d) => setHouseholder(d, '常陸', '太郎', 'ヒタチ', 'タロウ')),
    );

    // The clerk signs in and opens the inbox.
    const clerk = await newPage();
    await clerk.goto(`${url}/staff/login`);
    await clerk.getByLabel('メールアドレス').fill('hanako@city.mito.example');
    await clerk.getByLabel('パスワード').fill(PASSWORD);
    await clerk.getByRole('button', { name: 'ログイン' }).click();
    await clerk.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '受付一覧' }).click();
    await clerk.getByRole('heading', { name: '受付一覧' }).waitFor();
    const rows = clerk.getByRole('table').getByRole('row');
    await rows.nth(4).waitFor();
    expect(await rows.count()).toBe(5);
    const first = rows.nth(1);
    expect(await first.getByRole('rowheader').innerText()).toContain(target.receiptNumber);
    expect(await first.innerText()).toContain('未読');
    expect(await first.innerText()).toContain('常陸太郎');
    await clerk.screenshot({ path: screenshotPath('staff-inbox-list'), fullPage: true });

    // Finds it by reading, opens it: focus lands on the heading.
    await clerk.getByLabel('到達番号・氏名・フリガナ').fill('ひたちた');
    await clerk.getByRole('button', { name: '検索', exact: true }).click();
    await clerk.getByText('1〜1件目を表示').waitFor();
    await clerk.getByRole('link', { name: target.receiptNumber }).click();
    await clerk.getByRole('heading', { name: '罹災証明書の発行申請' }).waitFor();
    expect(await clerk.evaluate(() => document.activeElement?.id)).toBe('submission-title');
    expect(await clerk.getByRole('table', { name: '申請内容' }).innerText()).toContain('常陸');

    // Assigns it to herself.
    await clerk.getByLabel('担当者').selectOption({ label: '窓口 花子' });
    await clerk.getByText('担当者を変更しました。').waitFor();

    // Starts the review (到達 → 審査中), then requests a correction of the given name and the phone number.
    await clerk.getByRole('radio', { name: '審査中' }).check();
    await clerk.getByRole('button', { name: '状況を変更する' }).click();
    await clerk.getByText('状況を「審査中」に変更しました。').waitFor();
    await clerk.getByRole('button', { name: '補正依頼を作成' }).click();
    await clerk.getByRole('checkbox', { name: '「名」の補正を求める' }).first().check();
    await clerk.getByRole('checkbox', { name: '「日中に連絡がつく電話番号」の補正を求める' }).check();
    await clerk.getByLabel('申請者への依頼内容').fill('世帯主のお名前の漢字と、日中の電話番号をご確認ください。被害の写真も1枚添付してください。');
    await clerk.screenshot({ path: screenshotPath('staff-inbox-submission'), fullPage: false });
    await clerk.getByRole('button', { name: '補正依頼を送る' }).click();
    await clerk.getByText('補正依頼を送りました。').waitFor();
    await clerk.locator('.submission__facts').getByText('補正依頼中').waitFor();

    // The resident answers: corrects the name and phone, adds a photo, writes a message.
    const resident = await residentPanel(target.receiptNumber, target.secret);
    await resident.locator('.correction__request').getByText('世帯主のお名前の漢字と、日中の電話番号をご確認ください。').waitFor();
    await resident.getByLabel('名（世帯主 › 世帯主の氏名）').fill('太朗');
    await resident.getByLabel('日中に連絡がつく電話番号（現在の連絡先）').fill('029-224-9999');
    await resident.getByLabel('書類の種類').selectOption({ label: '被害状況の写真' });
    await resident.getByLabel('ファイルを選ぶ').setInputFiles(PHOTO);
    await resident.getByText('photo.png').waitFor();
    await resident.getByLabel('市区町村へのメッセージ').fill('名前の漢字を直しました。写真を添付します。');
    await resident.screenshot({ path: screenshotPath('resident-correction'), fullPage: true });
    await resident.getByRole('button', { name: '回答を送信する' }).click();
    // The status page reloads the status (補正済) after the answer; the bare panel says it was sent.
    await resident.waitForFunction(() => document.body.innerText.includes('回答を送信しました。') || document.body.innerText.includes('補正済（再提出）'));
    // The earlier version stays readable for the resident.
    const later = await newPage(390, 844);
    await openHarness(later, target.receiptNumber, target.secret);
    await later.getByRole('heading', { name: '以前の申請内容' }).waitFor();
    await later.getByRole('button', { name: '表示' }).click();
    expect(await later.locator('.correction__answers').innerText()).toContain('太郎');

    // The clerk sees revision 2 and the earlier answers, then completes it.
    await clerk.reload();
    await clerk.locator('.submission__facts').getByText('補正済（再提出）').waitFor();
    const answers = await clerk.getByRole('table', { name: '申請内容' }).innerText();
    expect(answers).toContain('太朗');
    expect(answers).toContain('029-224-9999');
    expect(await clerk.locator('.thread__items').innerText()).toContain('名前の漢字を直しました。');
    expect(await clerk.locator('.attachments').innerText()).toContain('photo.png');
    // No clamd configured here: the attachment says plainly that it was not scanned (issue #8).
    expect(await clerk.locator('.attachments').innerText()).toContain('未検査（検査機能が無効）');
    await clerk.getByRole('button', { name: '表示' }).click();
    expect(await clerk.getByRole('table', { name: '第1版の回答' }).innerText()).toContain('太郎');
    await clerk.getByRole('radio', { name: '受理' }).check();
    await clerk.getByLabel('申請者へのお知らせ（任意）').fill('受理しました。証明書を郵送します。');
    await clerk.getByRole('button', { name: '状況を変更する' }).click();
    await clerk.getByText('状況を「受理」に変更しました。').waitFor();
    await clerk.getByRole('radio', { name: '処理完了' }).check();
    await clerk.getByRole('button', { name: '状況を変更する' }).click();
    await clerk.getByText('状況を「処理完了」に変更しました。').waitFor();
    await clerk.evaluate(() => window.scrollTo(0, 0));
    await clerk.screenshot({ path: screenshotPath('staff-inbox-view'), fullPage: false });

    // Back to the list: filter by procedure and export the CSV for Excel.
    await clerk.getByRole('link', { name: '受付一覧へ戻る' }).click();
    await clerk.getByLabel('手続', { exact: true }).selectOption({ label: '罹災証明書の発行申請' });
    await clerk.getByRole('button', { name: '検索', exact: true }).click();
    const [download] = await Promise.all([clerk.waitForEvent('download'), clerk.getByRole('button', { name: 'Excel用（UTF-8）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^risai-shomeisho_\d{12}\.csv$/);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^到達番号,手続,様式の版,補正回数,/);
    const line = text.split('\r\n').find((l) => l.startsWith(target.receiptNumber))!;
    expect(line).toContain('処理完了');
    expect(line).toContain('太朗');
    expect(line).toContain('窓口 花子');
    await clerk.getByText('4件をCSVに出力しました。').waitFor();

    // Every read was audited.
    const audit = await ctx.storage.audit.list({ targetId: target.id, limit: 50 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['submission.read', 'submission.assign', 'submission.status', 'submission.corrected']));
  });

  it('is usable on a tablet: the submission view stacks into one column', async () => {
    const s = await submit(ctx);
    const page = await newPage(820, 1180);
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill('hanako@city.mito.example');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
    await page.goto(`${url}/staff/inbox/${s.id}`);
    await page.getByRole('heading', { name: '罹災証明書の発行申請' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('staff-inbox-tablet'), fullPage: false });
  });

  it('masks a sensitive answer until the clerk asks to see it, and records the reveal (issue #8)', async () => {
    // A municipality's own procedure with a bank account marked sensitive, published through the real API.
    const admin = await signIn(ctx, 'municipal-admin', MITO);
    const schema = {
      type: 'object',
      title: '見舞金の申請',
      required: ['account'],
      properties: {
        account: { type: 'object', title: '振込先口座', 'x-sensitive': true, properties: { accountNumber: { type: 'string', title: '口座番号' } } },
        note: { type: 'string', title: '連絡事項' },
      },
    };
    await admin.client.post(`/municipalities/${MITO}/catalog/procedures/import`, { id: 'mimaikin', file: { schema, uiSchema: {} } }).expect(201);
    await admin.client.post(`/municipalities/${MITO}/catalog/procedures/mimaikin/publish`).expect(201);
    const created = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/mimaikin/submissions`)
      .send({ data: { account: { accountNumber: '7654321' }, note: '午前中に連絡可' } })
      .expect(201);
    const id = (await ctx.storage.submissions.findByReceiptNumber(created.body.receiptNumber))!.id;

    const page = await newPage();
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill('hanako@city.mito.example');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
    await page.goto(`${url}/staff/inbox/${id}`);
    const table = page.getByRole('table', { name: '申請内容' });
    await table.waitFor();
    expect(await table.innerText()).toContain('＊＊＊（非表示）');
    expect(await table.innerText()).not.toContain('7654321');
    expect(await table.innerText()).toContain('閲覧は記録されます');
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('staff-inbox-sensitive-masked'), fullPage: false });
    await table.getByRole('button', { name: '「口座番号」を表示' }).click();
    await table.getByText('7654321').waitFor();
    await page.screenshot({ path: screenshotPath('staff-inbox-sensitive-revealed'), fullPage: false });
    const events = await ctx.storage.audit.list({ targetId: id, limit: 20 });
    const revealed = events.find((e) => e.action === 'submission.sensitive.revealed')!;
    expect(revealed.details.fields).toEqual([{ pointer: '/account/accountNumber', label: '口座番号' }]);
    expect(JSON.stringify(events)).not.toContain('7654321');
  });

  it('shows an application made at the counter: 「窓口」 in the list, the 窓口で受付 panel with the drawn signature, answer sources (issue #19)', async () => {
    const counterClerk = await makeUser(ctx.storage, 'staff', MITO, { displayName: '受付 一郎' });
    await makeUser(ctx.storage, 'staff', MITO, { email: 'shinsa@city.mito.example', displayName: '審査 係' });
    const atCounter = await submitAtCounter(
      ctx,
      counterOrigin(counterClerk.id),
      risaiData((d) => setHouseholder(d, '窓口', '二郎', 'マドグチ', 'ジロウ')),
    );
    const page = await newPage();
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill('shinsa@city.mito.example');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '受付一覧' }).click();
    await page.getByLabel('受付経路').selectOption({ label: '窓口で受付' });
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByText('1〜1件目を表示').waitFor();
    const row = page.getByRole('table').getByRole('row').nth(1);
    expect(await row.getByRole('rowheader').innerText()).toContain(atCounter.receiptNumber);
    expect(await row.locator('.channel-badge').innerText()).toContain('窓口');
    await page.screenshot({ path: screenshotPath('staff-inbox-counter-list'), fullPage: false });

    await page.getByRole('link', { name: atCounter.receiptNumber }).click();
    const panel = page.getByRole('region', { name: '窓口で受付' });
    await panel.waitFor();
    const facts = await panel.innerText();
    for (const words of ['A-007', '1番窓口', '受付 一郎', 'マイナンバーカードから読取', 'あり（来庁前にオンラインで入力）', 'タブレットで確認'])
      expect([words, facts.includes(words)]).toEqual([words, true]);
    const signature = panel.getByRole('img', { name: '来庁者がタブレットに書いた署名' });
    await signature.waitFor();
    await page.waitForFunction(() => (document.querySelector('.counter-origin__signature') as HTMLImageElement | null)?.naturalWidth === 360);
    const answers = page.getByRole('table', { name: '申請内容' });
    expect(await answers.locator('.answer-source--card').count()).toBe(2);
    expect(await answers.locator('.answer-source--prefill').count()).toBe(1);
    expect(await answers.getByRole('row').filter({ hasText: '被害の状況' }).innerText()).toContain('事前入力');
    await page.screenshot({ path: screenshotPath('staff-inbox-counter-desktop'), fullPage: false });
    await answers.getByRole('row').filter({ hasText: '氏（姓）' }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('staff-inbox-counter-desktop-answers'), fullPage: false });

    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: screenshotPath('staff-inbox-counter-360'), fullPage: false });
    await answers
      .getByRole('row')
      .filter({ hasText: '被害の状況' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: screenshotPath('staff-inbox-counter-360-answers'), fullPage: false });
  });
});
