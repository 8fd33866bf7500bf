/**
 * 書かない窓口, the visitor's tablet (issue #19) in a real browser, at tablet
 * size and on a 360 px phone: the clerk's visit is driven through the staff
 * API; the tablet refuses a wrong code with the server's words, pairs with the
 * right one, waits while the clerk works, shows the three birth applications
 * read-only (個人番号 masked, no change links), will not confirm without a
 * signature, takes one drawn with the mouse (tablet) or a finger (phone, touch
 * events), and shows the 到達番号 once the
 * clerk has sent them; when the visit ends it is back at the code entry.
 */
import type { Page } from 'playwright-core';
import { freshExample } from '@madoguchi/presets';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { allPresets, buildApp } from '../helpers/buildApp';
import { MITO, StaffClient, makeUser } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';
import { sign, tapCode } from './counter-helpers';

const PROCEDURES = ['jidou-teate-nintei', 'hoiku-shikyu-nintei', 'hoiku-riyo-moshikomi'];
const base = `/municipalities/${MITO}/counter/sessions`;
const preset = (id: string) => allPresets().find((p) => p.procedure.id === id)!;
const example = (id: string) => freshExample(structuredClone(preset(id).example!)) as Record<string, unknown>;

const live = useLiveApp(() => buildApp({ clientDist: CLIENT_DIST, env: { LOGIN_RATE_LIMIT: '1000' } }));
const chrome = useBrowser();
let clerk: StaffClient;

beforeAll(async () => {
  const user = await makeUser(live().ctx.storage, 'staff', MITO, { displayName: '窓口 一郎' });
  clerk = new StaffClient(live().ctx.app);
  expect((await clerk.login(user.email)).status).toBe(200);
});

/** A visit called to desk 1 with the three birth applications filled in, and a pairing code for the tablet. */
async function visitWithCode(): Promise<{ id: string; ticketNumber: string; code: string; answers: Record<string, Record<string, unknown>> }> {
  const opened = await clerk.post(base).expect(201);
  const id = opened.body.sessionId as string;
  await clerk.post(`${base}/${id}/start`, { desk: '1番窓口' }).expect(200);
  const answers = Object.fromEntries(PROCEDURES.map((p) => [p, example(p)]));
  await clerk.send('put', `${base}/${id}/work`, { procedureIds: PROCEDURES, guideId: 'shussei', shared: {}, answers, sources: {} }).expect(200);
  const pairing = await clerk.post(`${base}/${id}/pairing`, {}).expect(200);
  return { id, ticketNumber: opened.body.ticketNumber, code: pairing.body.code, answers };
}

/** Dark pixels in a PNG data URL and its size, measured in a blank page (no CSP there). */
async function inkOf(page: Page, png: string): Promise<{ width: number; height: number; dark: number }> {
  const blank = await page.context().newPage();
  const result = await blank.evaluate(async (src) => {
    const w = globalThis as unknown as {
      Image: new () => { src: string; decode(): Promise<void>; width: number; height: number };
      document: {
        createElement(t: 'canvas'): {
          width: number;
          height: number;
          getContext(k: '2d'): { drawImage(i: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
        };
      };
    };
    const img = new w.Image();
    img.src = src;
    await img.decode();
    const canvas = w.document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 200) dark++;
    return { width: img.width, height: img.height, dark };
  }, png);
  await blank.close();
  return result;
}

describe.each([
  { name: 'tablet', viewport: { width: 820, height: 1180 }, isMobile: false },
  { name: 'phone', viewport: { width: 360, height: 740 }, isMobile: true },
])('the counter tablet ($name)', ({ name, viewport, isMobile }) => {
  test('pairs by the code, shows the answers to confirm, takes a drawn signature and shows the receipts', async () => {
    const visit = await visitWithCode();
    const context = await chrome().newContext({ viewport, deviceScaleFactor: 2, isMobile, hasTouch: true, locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    const shot = (step: string, fullPage = false) => page.screenshot({ path: screenshotPath(`counter-${name}-${step}`), fullPage });

    await page.goto(`${live().url}/m/${MITO}/counter`);
    await page.getByRole('heading', { level: 1, name: '番号を入力してください' }).waitFor();
    await page.getByText('職員の画面に表示された6桁の番号を入力してください。').waitFor();
    const submit = page.getByRole('button', { name: 'つなぐ' });
    expect(await submit.isDisabled()).toBe(true);
    await shot('1-pairing');

    // A wrong code: refused with the server's words, the boxes empty for another try.
    const wrong = visit.code === '000000' ? '111111' : '000000';
    await tapCode(page, wrong);
    expect(await page.getByText('6けた入力しました').isVisible()).toBe(true);
    await submit.click();
    const alert = page.getByRole('alert');
    await alert.getByText('番号が違うか、有効期限が過ぎています。').waitFor();
    expect(await page.getByLabel('6桁の番号').inputValue()).toBe('');
    await shot('2-wrong-code');
    if (name === 'phone') {
      // In English the server's message is English too.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByLabel('6-digit code').pressSequentially(wrong);
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByRole('alert').getByText('The code is wrong or has expired.').waitFor();
      await page.getByRole('button', { name: '日本語' }).click();
    }

    // The right code: typed on the keypad (tablet) or a keyboard (phone); 1文字消す takes one back.
    if (name === 'tablet') {
      await tapCode(page, `${visit.code.slice(0, 5)}9`);
      await page.getByRole('button', { name: '1つ消す' }).click();
      await tapCode(page, visit.code.slice(5));
    } else {
      await page.getByLabel('6桁の番号').pressSequentially(visit.code);
    }
    expect(await page.getByLabel('6桁の番号').inputValue()).toBe(visit.code);
    await submit.click();

    // While the clerk works: please wait, with the ticket number.
    await page.getByRole('heading', { level: 1, name: 'しばらくお待ちください' }).waitFor();
    await page.getByText('ただいま職員が入力しています。しばらくお待ちください。').waitFor();
    expect(await page.locator('.counter-header__ticket-number').textContent()).toBe(visit.ticketNumber);
    await shot('3-waiting');

    // The clerk sends the answers: the tablet shows them (it asks every ~2 s).
    await clerk.post(`${base}/${visit.id}/confirmation`, {}).expect(200);
    await page.getByRole('heading', { level: 1, name: '申請の内容をご確認ください' }).waitFor();
    for (const id of PROCEDURES) await page.getByRole('heading', { level: 2, name: preset(id).procedure.title }).waitFor();
    const claimant = visit.answers['jidou-teate-nintei']!.claimant as { myNumber: string; phone: string };
    const main = page.locator('main');
    await main.getByText('水戸 太郎（ミト タロウ）').first().waitFor();
    await main.getByText(claimant.phone).first().waitFor();
    expect(await main.textContent()).not.toContain(claimant.myNumber); // 個人番号 stays masked
    expect(await main.getByText('•••• •••• 9018').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /変更する/ }).count()).toBe(0);
    await main.getByText('訂正したいところがあれば、職員にお伝えください。').first().waitFor();
    const confirm = page.getByRole('button', { name: 'この内容で申請します' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByText('署名欄にお名前を書くと、押せるようになります。').waitFor();
    // Nothing sideways: the answers, the pad and the button fit the screen's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await shot('4-confirming');
    await page.locator('.counter-procedure__title').nth(1).scrollIntoViewIfNeeded();
    await shot('4-confirming-2');

    await page.getByRole('img', { name: '署名欄' }).scrollIntoViewIfNeeded();
    await sign(page, name === 'phone' ? 'finger' : 'mouse');
    await page.getByText('署名しました').waitFor();
    // 書き直す clears it, and the button is blocked again until signed again.
    await page.getByRole('button', { name: '書き直す' }).click();
    await page.getByText('まだ署名がありません').waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    await sign(page, name === 'phone' ? 'finger' : 'mouse');
    await page.getByText('署名しました').waitFor();
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.scrollIntoViewIfNeeded();
    await shot('5-signed');
    await confirm.click();

    await page.getByRole('heading', { level: 1, name: 'ありがとうございました' }).waitFor();
    await page.getByText('内容を確認しました。').waitFor();
    const confirmed = await clerk.get(`${base}/${visit.id}`).expect(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.confirmation).toMatchObject({ method: 'tablet', signed: true });

    // The clerk sends the applications: the tablet lists each 到達番号.
    const submitted = await clerk.post(`${base}/${visit.id}/submit`).expect(200);
    const receipts = submitted.body.items as Array<{ procedureId: string; receiptNumber: string }>;
    expect(receipts.map((r) => r.procedureId)).toEqual(PROCEDURES);
    for (const r of receipts) await page.getByText(r.receiptNumber).waitFor();
    await page.getByText('申請を受け付けました。').waitFor();
    await shot('6-receipts');

    // The signature kept with each application: a PNG of the drawing, within the server's limit.
    const stored = (await live().ctx.storage.submissions.findByReceiptNumber(receipts[0]!.receiptNumber))!;
    const png = stored.counter!.confirmation.signatureImage!;
    expect(png.startsWith('data:image/png;base64,')).toBe(true);
    const bytes = Buffer.from(png.slice(png.indexOf(',') + 1), 'base64');
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeLessThan(300_000);
    const ink = await inkOf(page, png);
    expect({ width: ink.width, height: ink.height }).toEqual({ width: 800, height: 320 });
    expect(ink.dark).toBeGreaterThan(500); // the strokes, not a blank box

    // The visit ends: the tablet forgets it and waits for the next visitor's code.
    await clerk.post(`${base}/${visit.id}/end`, {}).expect(200);
    await page.getByRole('heading', { level: 1, name: '番号を入力してください' }).waitFor();
    await page.getByText('受付は終了しました。').waitFor();
    await shot('7-ended');
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});

test('「接続を解除」 asks once more, then forgets the pairing on this tablet', async () => {
  const visit = await visitWithCode();
  const context = await chrome().newContext({ viewport: { width: 820, height: 1180 }, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${live().url}/m/${MITO}/counter`);
  await page.getByLabel('6桁の番号').pressSequentially(visit.code);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'しばらくお待ちください' }).waitFor();
  await page.getByRole('button', { name: '接続を解除' }).click();
  await page.getByRole('button', { name: 'やめる' }).click();
  expect(await page.getByRole('heading', { level: 1, name: 'しばらくお待ちください' }).isVisible()).toBe(true);
  await page.getByRole('button', { name: '接続を解除' }).click();
  await page.getByRole('button', { name: '解除する' }).click();
  await page.getByRole('heading', { level: 1, name: '番号を入力してください' }).waitFor();
  // A reload stays unpaired: the cookie is gone, not just the screen.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '番号を入力してください' }).waitFor();
  expect(await page.getByText('受付は終了しました。').count()).toBe(0);
  await context.close();
}, 60_000);
