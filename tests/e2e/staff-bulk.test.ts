/**
 * A clerk's bulk work in the inbox (issue #21): selects the page with the
 * keyboard, assigns every chosen application to a colleague at once, then
 * moves them to 受理 — the result panel lists what moved and what the
 * transitions table refused, with the reason; then, with 20 rows a page, acts on
 * "all that match the filter". Screenshots at desktop width and 360 px.
 */
import { screenshotPath } from '../helpers/browser';
import { buildInboxApp, MITO, risaiData, setHouseholder, submit } from '../helpers/inboxApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();

test('a clerk selects applications, assigns them at once and sees what a bulk move did and refused', async () => {
  const { url, ctx } = live();
  const browser = chrome();
  const clerk = await makeUser(ctx.storage, 'staff', MITO, { displayName: '窓口 花子' });
  const colleague = await makeUser(ctx.storage, 'staff', MITO, { displayName: '審査 次郎' });
  const subs = [];
  for (const [family, given, kana] of [
    ['水戸', '太郎', 'タロウ'],
    ['日立', '一郎', 'イチロウ'],
    ['笠間', '花子', 'ハナコ'],
  ] as const)
    subs.push(
      await submit(
        ctx,
        risaiData((d) => setHouseholder(d, family, given, 'ミト', kana)),
      ),
    );
  await ctx.services.desk.workflow.changeStatus({ kind: 'staff', userId: clerk.id, municipalityCode: MITO }, subs[1]!.id, { to: 'in-review' }, 'ja');

  const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(clerk.email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '受付一覧' }).click();
  await page.getByRole('link', { name: subs[0]!.receiptNumber }).waitFor();

  // "Select all on this page" is a checkbox the keyboard reaches and toggles.
  const selectPage = page.getByRole('checkbox', { name: 'このページの申請をすべて選択' });
  await selectPage.focus();
  await page.keyboard.press('Space');
  await page.getByText('3件を選択中').waitFor();
  for (const s of subs) expect(await page.getByRole('checkbox', { name: `${s.receiptNumber}を選択` }).isChecked()).toBe(true);

  const bar = page.getByRole('region', { name: '選択した申請の一括操作' });
  await bar.getByLabel('担当者', { exact: true }).selectOption({ label: '審査 次郎' });
  await bar.getByRole('button', { name: '担当者を設定' }).click();
  await bar.getByText('変更した申請（3件）').waitFor();
  for (const s of subs) expect((await ctx.storage.submissions.findById(s.id))!.assigneeId).toBe(colleague.id);
  // The list, read again, shows the new assignee on every row.
  await page.locator('td[data-col="assignee"]', { hasText: '審査 次郎' }).nth(2).waitFor();

  // A bulk move to 受理: only the one under review may go; the others are refused with the reason.
  await selectPage.check();
  await bar.getByLabel('状況', { exact: true }).selectOption({ label: '受理' });
  await bar.getByRole('button', { name: '状況を変更' }).click();
  const result = bar.getByRole('status').filter({ hasText: '一括操作の結果' });
  await result.getByText('変更した申請（1件）').waitFor();
  await result.getByText('変更できなかった申請（2件）').waitFor();
  expect(await result.textContent()).toContain(`${subs[0]!.receiptNumber}：「到達」から「受理」には変更できません。`);
  expect((await ctx.storage.submissions.findById(subs[1]!.id))!.status).toBe('accepted');
  expect((await ctx.storage.submissions.findById(subs[0]!.id))!.status).toBe('received');
  await page.screenshot({ path: screenshotPath('staff-bulk-result'), fullPage: true });

  // At 360 px the checkboxes and the bar stay usable.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('checkbox', { name: `${subs[2]!.receiptNumber}を選択` }).check();
  await page.getByText('1件を選択中').waitFor();
  await page.screenshot({ path: screenshotPath('staff-bulk-360'), fullPage: true });

  // With more than a page: the clerk picks 20 rows per page (remembered), selects the page, then all that match.
  for (let i = 0; i < 20; i++) await submit(ctx);
  await page.setViewportSize({ width: 1280, height: 900 });
  await bar.getByRole('button', { name: '選択を解除' }).click();
  await page.getByLabel('1ページの件数').selectOption('20');
  await page.getByText('1〜20件目を表示').waitFor();
  expect(await ctx.storage.inboxViews.getPageSize(clerk.id)).toBe(20);
  await page.getByRole('checkbox', { name: 'このページの申請をすべて選択' }).check();
  await page.getByText('20件を選択中').waitFor();
  await bar.getByRole('button', { name: '検索条件に一致する23件すべてを選択' }).click();
  await page.getByText('検索条件に一致する23件すべてを選択中').waitFor();
  await page.screenshot({ path: screenshotPath('staff-bulk-all-matching') });
  await bar.getByLabel('担当者', { exact: true }).selectOption({ label: '窓口 花子' });
  await bar.getByRole('button', { name: '担当者を設定' }).click();
  await bar.getByText('変更した申請（23件）').waitFor();
  expect((await ctx.storage.submissions.findById(subs[0]!.id))!.assigneeId).toBe(clerk.id);

  // A saved view: the current filter with fewer columns, applied again from the list of views.
  await page.getByRole('button', { name: '今の条件を保存' }).click();
  await page.getByLabel('表示の名前').fill('到達・手続なし');
  await page.getByRole('group', { name: '表示する列' }).getByLabel('手続').uncheck();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('表示「到達・手続なし」を保存しました。').waitFor();
  await page.getByLabel('保存した表示').selectOption({ label: '到達・手続なし（自分用）' });
  await page.getByRole('columnheader', { name: '手続' }).waitFor({ state: 'hidden' });
  expect(await page.getByRole('columnheader', { name: '申請者' }).isVisible()).toBe(true);
  await page.screenshot({ path: screenshotPath('staff-bulk-saved-view') });
});
