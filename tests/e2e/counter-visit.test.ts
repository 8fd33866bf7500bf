/**
 * 書かない窓口 end to end in headless Chromium, with two browser contexts
 * (the clerk's console and the tablet at the desk) and the card-reader agent
 * reading a virtual My Number Card through the real pcscd: a clerk issues a
 * ticket, calls the visitor, picks 「子どもが生まれたとき」 (three
 * procedures), reads the card (the visitor's PIN), types the rest of the
 * shared part once, fills the three forms, which open with it already in
 * them; the visitor confirms on the paired tablet with a drawn signature;
 * three counter applications arrive in the inbox with the sources of their
 * answers. Every step's time is kept with the visit.
 */
import type { Frame, Page } from 'playwright-core';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildApp } from '../helpers/buildApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';
import { fillValue, readPreset } from './resident-helpers';
import { sign, tapCode } from './counter-helpers';
import { ensurePcscd, startCardAgentHarness, stopOurPcscd, TEST_CARDS, type CardAgentHarness } from '../helpers/cardAgentHarness';

// The console may call the card-reader agent on this machine, at whatever port the test gave it.
const live = useLiveApp(() => buildApp({ clientDist: CLIENT_DIST, env: { COUNTER_CARD_AGENT_URLS: 'http://127.0.0.1:*' } }));
const chrome = useBrowser();
let agent: CardAgentHarness;

beforeAll(async () => {
  await ensurePcscd();
  agent = await startCardAgentHarness(TEST_CARDS.standard, { origins: [live().url] });
});
afterAll(async () => {
  await agent?.close();
  await stopOurPcscd();
});
const MITO = '082015';
const PROCEDURES = ['jidou-teate-nintei', 'hoiku-shikyu-nintei', 'hoiku-riyo-moshikomi'];

/** What the clerk types once in the shared part besides what the card gave (the kana, the postal code, the phone, the baby). */
const claimant = readPreset('jidou-teate-nintei').valid.claimant as Record<string, unknown>;
const TYPED = {
  applicant: { name: { familyNameKana: 'マドグチ', givenNameKana: 'ハナコ' }, address: { postalCode: '310-0852' }, phone: claimant.phone },
  child: { name: { familyName: '窓口', givenName: '小太郎', familyNameKana: 'マドグチ', givenNameKana: 'コタロウ' } },
  account: { bankAccount: readPreset('jidou-teate-nintei').valid.account },
};
/** The fields of each form the shared part fills (the rest the clerk types). */
const SHARED_FIELDS: Record<string, string[]> = {
  'jidou-teate-nintei': ['/claimant/name', '/claimant/birthDate', '/claimant/sex', '/claimant/address', '/claimant/phone', '/children/0/name', '/account'],
  'hoiku-shikyu-nintei': ['/guardian/name', '/guardian/birthDate', '/guardian/address', '/guardian/phone', '/child/name'],
  'hoiku-riyo-moshikomi': ['/guardian/name', '/guardian/birthDate', '/guardian/address', '/guardian/phone', '/child/name'],
};

function without(data: Record<string, unknown>, pointers: string[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const pointer of pointers) {
    const path = pointer.split('/').slice(1);
    const parent = path.slice(0, -1).reduce<Record<string, unknown> | undefined>((node, key) => node?.[key] as Record<string, unknown> | undefined, copy);
    if (parent) delete parent[path.at(-1)!];
  }
  return copy;
}

async function frameTitled(page: Page, title: string): Promise<Frame> {
  const frame = await (await page.locator(`iframe[title="${title}"]`).elementHandle())!.contentFrame();
  await frame!.waitForSelector('form');
  return frame!;
}

async function signIn(width: number): Promise<Page> {
  const { url, ctx } = live();
  const user = await makeUser(ctx.storage, 'staff', MITO, { displayName: '窓口 一郎' });
  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  return page;
}

test('a clerk serves a parent for a birth at the counter', async () => {
  const page = await signIn(1280);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '窓口受付' }).click();
  await page.getByRole('button', { name: '受付番号を発行する' }).click();
  await page.getByRole('status').filter({ hasText: '受付番号 001 を発行しました' }).waitFor();
  await page.screenshot({ path: screenshotPath('counter-queue-1280'), fullPage: true });
  await page.getByRole('button', { name: '呼び出して対応する' }).click();
  await page.getByRole('heading', { level: 1, name: '受付番号 001' }).waitFor();
  const sessionId = page.url().split('/').at(-1)!;

  // The life event brings its procedures; this parent has no other child on 児童手当, so one goes.
  await page.getByLabel('ライフイベントから選ぶ').selectOption({ label: '出生：子どもが生まれたとき' });
  await page.getByRole('button', { name: '外す：児童手当等の額の改定の請求及び届出' }).click();
  await page.locator('.counter-forms__item h3').nth(2).waitFor();

  // The card: the agent on this PC is paired once, the visitor types the PIN, the 基本4情報 fill the shared applicant.
  await page.getByText('カードリーダーの設定').click();
  await page.getByLabel('エージェントのアドレス').fill(agent.agentUrl);
  await page.getByLabel('エージェントのアドレス').blur();
  await page.getByLabel('カードリーダーの接続番号（6桁）').fill(agent.pairingCode);
  await page.getByRole('button', { name: '接続する', exact: true }).click();
  await page.getByText(/カードを読み取れます/).waitFor({ timeout: 30_000 }); // the virtual card is on the reader
  await page.getByLabel('券面事項入力補助用の暗証番号（数字4桁）').fill(TEST_CARDS.standard.pin);
  await page.getByRole('button', { name: 'カードを読み取る' }).click();
  const read = page.getByText(/マイナンバーカードから読み取り済み/);
  const refused = page.locator('.counter-card [role="alert"]');
  await Promise.race([read.waitFor({ timeout: 30_000 }), refused.waitFor({ timeout: 30_000 })]);
  if (await refused.isVisible()) throw new Error(`The card was not read: ${await refused.textContent()}`);

  // The shared part: the card's answers are in it; the clerk types the rest once.
  const shared = await frameTitled(page, '共通の項目');
  await shared.locator('[id="root_applicant_name_familyName"]').waitFor();
  expect(await shared.locator('[id="root_applicant_name_familyName"]').inputValue()).toBe('窓口');
  expect(await shared.locator('[id="root_applicant_address_city"]').inputValue()).toBe('水戸市');
  for (const [group, values] of Object.entries(TYPED)) await fillValue(shared as unknown as Page, `root_${group}`, values);
  await page.screenshot({ path: screenshotPath('counter-card-read-1280'), fullPage: true });
  await shared.getByRole('button', { name: '共通の項目を各申請書に反映する' }).click();

  // Each form opens with the shared answers in it; the clerk types the rest and finishes it; the next opens.
  await page.getByRole('button', { name: '入力する' }).first().click();
  for (const procedureId of PROCEDURES) {
    const preset = readPreset(procedureId);
    const form = await frameTitled(page, preset.definition.procedure.title);
    const nameField = procedureId === 'jidou-teate-nintei' ? 'root_claimant_name_familyName' : 'root_guardian_name_familyName';
    expect(await form.locator(`[id="${nameField}"]`).inputValue()).toBe('窓口');
    const rest = without(preset.valid, SHARED_FIELDS[procedureId]!);
    for (const step of preset.definition.form.uiSchema['ui:options']?.steps ?? [{ title: '', fields: Object.keys(rest) }]) {
      for (const field of step.fields) if (field in rest) await fillValue(form as unknown as Page, `root_${field}`, rest[field]);
    }
    await page.screenshot({ path: screenshotPath(`counter-form-${procedureId}-1280`), fullPage: true });
    await form.getByRole('button', { name: 'この手続の入力を終える' }).click();
    await page.locator('.counter-forms__item', { hasText: preset.definition.procedure.title }).getByText('入力済み').waitFor();
  }
  await page.screenshot({ path: screenshotPath('counter-visit-filled-1280'), fullPage: true });

  // What the server holds: the three forms with the name from the card, and when each was started and finished.
  const visit = (await live().ctx.storage.counterSessions.get(sessionId))!;
  expect(visit.procedureIds).toEqual(PROCEDURES);
  expect(visit.work.answers['hoiku-riyo-moshikomi']!.guardian).toMatchObject({ name: { familyName: '窓口', givenName: '花子', familyNameKana: 'マドグチ' } });
  expect(visit.steps.filter((s) => s.kind === 'procedureFinished').map((s) => s.procedureId)).toEqual(PROCEDURES);

  // The tablet at the desk: a wrong code is refused, the code on the clerk's screen pairs it.
  await page.getByRole('button', { name: 'タブレットと接続する' }).click();
  const code = (await page.getByTestId('pairing-code').textContent())!.trim();
  const tablet = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width: 820, height: 1180 }, hasTouch: true })).newPage();
  tablet.setDefaultTimeout(10_000);
  tablet.on('pageerror', (e) => problems.push(`tablet: ${String(e)}`));
  await tablet.goto(`${live().url}/m/${MITO}/counter`);
  await tapCode(tablet, code === '000000' ? '111111' : '000000');
  await tablet.getByRole('button', { name: 'つなぐ' }).click();
  await tablet.getByText(/番号が違うか/).waitFor();
  await tapCode(tablet, code);
  await tablet.getByRole('button', { name: 'つなぐ' }).click();
  await tablet.getByText(/職員が入力しています/).waitFor();
  await page.getByText('タブレット接続済み').waitFor();

  // The answers go to the visitor, who reads them in large type, signs and confirms.
  await page.getByRole('button', { name: 'タブレットで確認してもらう' }).click();
  await page.getByText(/ご本人がタブレットで確認しています/).waitFor();
  for (const procedureId of PROCEDURES) await tablet.getByRole('heading', { name: readPreset(procedureId).definition.procedure.title }).waitFor();
  await tablet.screenshot({ path: screenshotPath('counter-journey-tablet-confirm-820') });
  await sign(tablet, 'mouse');
  await tablet.getByRole('button', { name: 'この内容で申請します' }).click();
  await tablet.getByText('ありがとうございました').waitFor();
  await page.getByText('ご本人がタブレットで確認しました（手書き署名あり）。').waitFor();

  // Submitted: three 到達番号 on the clerk's screen and on the tablet.
  await page.getByRole('button', { name: '申請を受け付ける（送信）' }).click();
  await page.getByText('申請を受け付けました。').waitFor();
  const receipts = await page.locator('.counter-receipt').allTextContents();
  expect(receipts).toHaveLength(3);
  for (const receipt of receipts) await tablet.getByText(receipt).waitFor();
  await page.screenshot({ path: screenshotPath('counter-journey-submitted-1280'), fullPage: true });
  await tablet.screenshot({ path: screenshotPath('counter-journey-tablet-receipts-820') });

  // In the inbox: three counter applications, each with who served, the sources of its answers and the drawn signature.
  for (const receipt of receipts) {
    const stored = (await live().ctx.storage.submissions.findByReceiptNumber(receipt))!;
    const nameField = stored.procedureId === 'jidou-teate-nintei' ? '/claimant/name' : '/guardian/name';
    expect(stored.counter).toMatchObject({ ticketNumber: '001', desk: '1番窓口', identitySource: 'card', prefilled: false, confirmation: { method: 'tablet' } });
    expect(stored.counter!.sources[`${nameField}/familyName`]).toBe('card');
    expect(stored.counter!.sources[`${nameField}/familyNameKana`]).toBeUndefined(); // typed by the clerk
    expect(stored.counter!.confirmation.signatureImage).toMatch(/^data:image\/png;base64,/);
  }
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '受付一覧' }).click();
  await page.locator('.channel-badge').nth(2).waitFor();
  expect(await page.locator('.channel-badge').count()).toBe(3);
  await page.screenshot({ path: screenshotPath('counter-journey-inbox-1280'), fullPage: true });

  // Ending the visit erases its answers; the tablet goes back to pairing.
  await page.goBack();
  // The page opens with the visit's procedures loaded (their titles beside the receipts, their forms above):
  // nothing appears later to push the buttons down under the clerk's pointer.
  const endButton = page.getByRole('button', { name: '受付を終了する' });
  await endButton.waitFor();
  const titles = await page.locator('.counter-confirm').getByRole('rowheader').allTextContents();
  expect(titles.sort()).toEqual(PROCEDURES.map((id) => readPreset(id).definition.procedure.title).sort());
  await endButton.click();
  await page.getByText('終了', { exact: true }).first().waitFor();
  await tablet.getByText(/受付は終了しました/).waitFor();
  expect((await live().ctx.storage.counterSessions.get(sessionId))!.work.answers).toEqual({});
  // The agent kept nothing and logged nothing personal.
  expect(agent.logs.join('\n')).not.toContain('窓口');
  expect(agent.logs.join('\n')).not.toContain(TEST_CARDS.standard.pin);
  expect(problems).toEqual([]);
}, 120_000);

test('the counter pages fit a 360 px screen (a clerk on a small tablet)', async () => {
  const page = await signIn(360);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  await page.goto(`${live().url}/staff/counter`);
  await page.getByRole('button', { name: '受付番号を発行する' }).click();
  await page.getByRole('button', { name: '呼び出して対応する' }).first().click();
  await page.getByRole('heading', { level: 1, name: /^受付番号/ }).waitFor();
  await page.getByLabel('ライフイベントから選ぶ').selectOption({ label: '出生：子どもが生まれたとき' });
  await page.locator('.counter-forms__item h3').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('counter-visit-360'), fullPage: true });
  const overflow = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
});
