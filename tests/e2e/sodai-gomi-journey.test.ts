/**
 * Issue #22's browser journey, on the real built console and resident pages:
 * a clerk starts 粗大ごみ from the template, raises the 自転車 fee in the
 * fee table (計算用の表), gives the first collection day one place (定員, the
 * builder's control), adds a condition inside the items group (a message on
 * 数量 when the row's 品目 is 自転車) and publishes. A resident on a phone
 * picks items, sees the fee follow them and the message, takes the last place
 * of that day and gets a receipt; a second resident sees the day 満員 and
 * cannot choose it; the clerk follows the builder's link to 定員と予約状況.
 */
import type { Page } from 'playwright-core';
import { loadTemplates } from '@madoguchi/presets';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildAuthApp, makeUser, MITO, PASSWORD } from '../helpers/staffAuth';
import { allPresets } from '../helpers/testApp';
import { CLIENT_DIST } from '../../server/src/app';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';
import { fillStep, next } from './resident-helpers';

const live = useLiveApp(async () => {
  const ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000', RATE_LIMIT_INTAKE_PER_MIN: '0' }, undefined, process.env.MADOGUCHI_CLIENT_DIST ?? CLIENT_DIST);
  await syncPresets(ctx.storage, allPresets());
  return ctx;
});
const chrome = useBrowser();
const template = loadTemplates().find((t) => t.procedure.id === 'sodai-gomi')!;
const DAY = '1月12日（火）';
const BIKE_NOTE = '自転車は、防犯登録を抹消してから出してください。';
const errors: string[] = [];

async function newPage(width: number): Promise<Page> {
  const context = await chrome().newContext({ locale: 'ja-JP', viewport: { width, height: width < 400 ? 740 : 900 }, ...(width < 400 ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(String(e)));
  // Expected: the resident validator's probe of the strict CSP (no 'unsafe-eval') and the 409 of a full day.
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && errors.push(m.text()));
  return page;
}

/** The builder's live message (what each action did). */
const told = (page: Page, text: string) => page.locator('.builder-message').filter({ hasText: text }).waitFor();

/** A resident fills 申し込む方 and the items (たんす ×2, 自転車 ×1), checking the fee and the row's message. */
async function applicantAndItems(page: Page, shot?: string): Promise<void> {
  await page.goto(`${live().url}/m/${MITO}/p/sodai-gomi/apply`);
  await page.getByRole('heading', { level: 1, name: '申し込む方' }).waitFor();
  await fillStep(page, ['applicant'], template.example!);
  await next(page);
  await page.getByRole('heading', { level: 1, name: '出す品目と手数料' }).waitFor();
  const fee = page.locator('output#root_feeTotal');
  await fillStep(page, ['items'], { items: [{ kind: 'たんす', count: 2 }] });
  await fee.filter({ hasText: /^2,000円$/ }).waitFor();
  expect(await page.getByRole('note').filter({ hasText: BIKE_NOTE }).count()).toBe(0); // no bicycle yet
  await fillStep(page, ['items'], { items: [{ kind: 'たんす', count: 2 }, { kind: '自転車' }] });
  await fee.filter({ hasText: /^2,700円$/ }).waitFor(); // 2 × 1,000 + 1 × 700 (the clerk's new fee)
  await page.getByRole('note').filter({ hasText: BIKE_NOTE }).waitFor(); // the condition inside the row
  if (shot) await page.screenshot({ path: screenshotPath(shot), fullPage: true });
  await next(page);
  await page.getByRole('heading', { level: 1, name: '収集日と出す場所' }).waitFor();
}

test('a clerk puts 粗大ごみ online from the template; two residents compete for the last place of a day', async () => {
  const { ctx, url } = live();
  const clerkEmail = (await makeUser(ctx.storage, 'municipal-admin', MITO, { displayName: '窓口 花子' })).email;

  // 1. The clerk starts from the template.
  const clerk = await newPage(1440);
  await clerk.goto(`${url}/staff/login`);
  await clerk.getByLabel('メールアドレス').fill(clerkEmail);
  await clerk.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await clerk.getByRole('button', { name: 'ログイン' }).click();
  await clerk.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '手続' }).click();
  await clerk.getByRole('heading', { level: 1, name: '手続' }).waitFor();
  await clerk.getByText('テンプレートから作る', { exact: true }).click();
  await clerk.getByRole('button', { name: '「粗大ごみ収集の申込」のテンプレートで作る' }).click();
  await clerk.getByRole('form', { name: '「粗大ごみ収集の申込」から作る' }).getByRole('button', { name: '作成して編集する' }).click();
  await clerk.getByRole('heading', { level: 1, name: '「粗大ごみ収集の申込」の編集' }).waitFor();
  await clerk.screenshot({ path: screenshotPath('journey-1-builder-from-template') });

  // 2. The fee table: 自転車 costs 700 円 here.
  await clerk.getByRole('tab', { name: '計算用の表' }).click();
  const bike = clerk.getByLabel('7行目の手数料（円）');
  expect(await clerk.getByLabel('7行目の品目').inputValue()).toBe('自転車');
  await bike.fill('700');
  // Each row's inputs stay inside their cells (the value does not run under 削除).
  const [valueBox, deleteBox] = [await bike.boundingBox(), await clerk.getByRole('button', { name: '7行目（自転車）を削除' }).boundingBox()];
  expect(valueBox!.x + valueBox!.width).toBeLessThanOrEqual(deleteBox!.x);
  await clerk.getByRole('button', { name: '表を保存' }).click();
  await told(clerk, '表「品目と手数料」を保存しました。');
  await clerk.screenshot({ path: screenshotPath('journey-2-fee-table'), fullPage: true });

  // 3. The collection days: the first has one place left to give.
  await clerk.getByRole('tab', { name: '項目' }).click();
  await clerk.locator('button[data-path="collectionDay"][data-control="select"]').click();
  expect(await clerk.getByLabel('定員を設ける').isChecked()).toBe(true); // the template's 50 per day
  expect(await clerk.getByLabel(`「${DAY}」の定員`).inputValue()).toBe('50');
  await clerk.getByLabel(`「${DAY}」の定員`).fill('0');
  await clerk.getByRole('button', { name: '定員を反映' }).click();
  await clerk
    .getByRole('alert')
    .filter({ hasText: `「収集日」の定員（${DAY}）は1〜1000000の整数で指定してください。` })
    .waitFor();
  await clerk.getByLabel(`「${DAY}」の定員`).fill('1');
  await clerk.getByRole('button', { name: '定員を反映' }).click();
  await told(clerk, '「収集日」の定員を反映しました。');
  // The outline says which field has places, as it says which has a condition.
  await clerk.locator('button[data-path="collectionDay"][data-control="select"]').getByText('定員あり').waitFor();
  await clerk.getByRole('heading', { level: 3, name: '定員' }).scrollIntoViewIfNeeded();
  await clerk.screenshot({ path: screenshotPath('journey-3-capacity') });

  // 4. A condition inside the items group: a message on 数量 when this row's 品目 is 自転車.
  await clerk.locator('button[data-path="items.count"][data-control="select"]').click();
  await clerk.getByLabel('条件を満たすとき').selectOption({ label: 'メッセージ' });
  await clerk.getByLabel('条件1の回答').selectOption({ label: '品目' });
  await clerk.getByLabel('条件1の値').selectOption({ label: '自転車' });
  await clerk.getByLabel('メッセージの種類').selectOption({ label: '注意' });
  await clerk.getByLabel('住民に表示するメッセージ').fill(BIKE_NOTE);
  // The message is written in a box as wide as the editor, not squeezed beside its kind.
  const [noteBox, effectBox] = [await clerk.getByLabel('住民に表示するメッセージ').boundingBox(), await clerk.getByLabel('条件を満たすとき').boundingBox()];
  expect(noteBox!.width).toBeGreaterThanOrEqual(effectBox!.width - 1);
  await clerk.getByRole('button', { name: '条件を反映' }).click();
  await told(clerk, '「数量」の条件を反映しました。');
  await clerk.getByTestId('logic-words').scrollIntoViewIfNeeded();
  await clerk.screenshot({ path: screenshotPath('journey-4-condition') });

  // 5. Publish.
  await clerk.getByRole('tab', { name: /確認と公開/ }).click();
  await clerk.getByRole('button', { name: '公開する' }).click();
  await clerk.getByText('第1版として公開しました。住民の画面に反映されています。').waitFor();
  // Started from a template, not a preset: the warning about the generic contact names no preset.
  await clerk.getByText('問い合わせ先が仮の記載（「ごみ減量・清掃担当課」）のままです。', { exact: false }).waitFor();
  await clerk.getByRole('link', { name: '定員と予約状況' }).waitFor(); // published with a capacity: the live numbers are linked
  await clerk.screenshot({ path: screenshotPath('journey-5-published'), fullPage: true });

  // 6. The first resident takes the last place of that day.
  const first = await newPage(360);
  await applicantAndItems(first, 'journey-6-resident-items-360');
  await first.locator('label.choice', { hasText: DAY }).getByText('残り1').waitFor();
  await first.getByRole('radio', { name: DAY }).check();
  await fillStep(first, ['placement'], template.example!);
  await first.screenshot({ path: screenshotPath('journey-7-resident-day-360'), fullPage: true });
  await next(first);
  await first.getByRole('heading', { level: 1, name: '出し方の約束' }).waitFor();
  await fillStep(first, ['consentRules'], template.example!);
  await next(first);
  await first.getByRole('heading', { level: 1, name: '添付書類' }).waitFor();
  await next(first);
  await first.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
  await first.locator('.review-list__row', { hasText: '手数料の合計（円）' }).getByText('2,700円').waitFor();
  await first.getByRole('button', { name: 'この内容で申請する' }).click();
  await first.getByRole('heading', { level: 1, name: '申請を受け付けました' }).waitFor();
  const receipt = (await first.locator('#receipt-number').textContent())!.trim();
  await first.screenshot({ path: screenshotPath('journey-8-resident-receipt-360'), fullPage: true });
  const stored = await ctx.storage.submissions.findByReceiptNumber(receipt);
  expect(stored?.data).toMatchObject({ collectionDay: DAY, feeTotal: 2700 });

  // 7. The second resident finds that day full and cannot choose it.
  const second = await newPage(360);
  await applicantAndItems(second);
  await second.locator('label.choice', { hasText: DAY }).getByText('満員').waitFor();
  expect(await second.getByRole('radio', { name: DAY }).isDisabled()).toBe(true);
  expect(await second.getByRole('radio', { name: '1月19日（火）' }).isDisabled()).toBe(false);
  await second.screenshot({ path: screenshotPath('journey-9-second-resident-full-360'), fullPage: true });

  // 8. The clerk follows the builder's link: the day is taken 1 / 1.
  await clerk.getByRole('link', { name: '定員と予約状況' }).click();
  await clerk.getByRole('heading', { level: 1, name: /定員と予約状況/ }).waitFor();
  const row = clerk.getByRole('row', { name: new RegExp(DAY) });
  await row.getByText('1 / 1').waitFor();
  await row.getByText('満員').waitFor();
  await clerk.screenshot({ path: screenshotPath('journey-10-capacity-page'), fullPage: true });
  expect(errors).toEqual([]);
});
