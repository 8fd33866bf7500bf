/**
 * ワンストップ on a 360 px phone: 「子どもが生まれたとき」 → three answers →
 * three online procedures → 「3件をまとめて申請する」 → the shared part typed
 * once (the parent's name, address, phone, the baby, the bank account) → each
 * form opens with it filled in → each confirmed on its check page → the task
 * list all 確認済 → one submission → one bundle receipt with three 到達番号,
 * each application stored in its own procedure with the name typed once.
 */
import type { Page } from 'playwright-core';
import { applySharedAnswers, attachmentNeeded, attachmentsFor, type SharedAnswers } from '@madoguchi/shared';
import { freshExample } from '@madoguchi/presets';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildApp } from '../helpers/buildApp';
import { allPresets } from '../helpers/testApp';
import { CLIENT_DIST } from '../../server/src/app';
import { answerBirthGuide, attachFile, fillValue, TINY_PDF } from './resident-helpers';

/** `document` inside `page.waitForFunction` (the tests' TS project has no DOM lib). */
interface FieldDocument {
  getElementById(id: string): { value: string } | null;
}

const live = useLiveApp(() => buildApp({ clientDist: CLIENT_DIST }));
const chrome = useBrowser();
const MITO = '082015';
const BUNDLE = ['jidou-teate-nintei', 'hoiku-shikyu-nintei', 'hoiku-riyo-moshikomi'];
const preset = (id: string) => allPresets().find((p) => p.procedure.id === id)!;
const example = (id: string) => freshExample(structuredClone(preset(id).example!)) as Record<string, unknown>;

// What the parent types once. The name differs from every preset example, so finding it in a stored application proves it came from here.
const claimant = example('jidou-teate-nintei').claimant as Record<string, unknown>;
const baby = (example('hoiku-shikyu-nintei').child as Record<string, unknown>)!;
const shared: SharedAnswers = {
  applicant: {
    name: { familyName: '窓口', givenName: '花子', familyNameKana: 'マドグチ', givenNameKana: 'ハナコ' },
    birthDate: claimant.birthDate,
    sex: claimant.sex,
    address: claimant.address,
    phone: claimant.phone,
  },
  child: { name: { familyName: '窓口', givenName: '小太郎', familyNameKana: 'マドグチ', givenNameKana: 'コタロウ' }, birthDate: baby.birthDate, sex: baby.sex },
  account: { bankAccount: example('jidou-teate-nintei').account },
};

/** Waits until the field shows `value` (the shared answers arrive with the bundle's part of the form, loaded on demand). */
async function filledWith(page: Page, fieldId: string, value: string): Promise<void> {
  await page.waitForFunction(([id, v]) => (document as unknown as FieldDocument).getElementById(id!)?.value === v, [fieldId, value] as const);
}

/** The rest of a form, as the parent would type it: the example's answers under what the shared part filled in. */
async function typeTheRest(page: Page, procedureId: string): Promise<void> {
  await page.evaluate(
    ({ key, rest }) => {
      const merge = (under: unknown, over: unknown): unknown => {
        if (Array.isArray(under) && Array.isArray(over)) return under.map((u, i) => (i < over.length ? merge(u, over[i]) : u));
        if (under && over && typeof under === 'object' && typeof over === 'object' && !Array.isArray(under)) {
          const out: Record<string, unknown> = { ...(under as Record<string, unknown>) };
          for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = merge(out[k], v);
          return out;
        }
        return over === undefined ? under : over;
      };
      const draft = JSON.parse(localStorage.getItem(key)!);
      draft.data = merge(rest, draft.data);
      localStorage.setItem(key, JSON.stringify(draft));
    },
    { key: `madoguchi:draft:${MITO}:${procedureId}`, rest: example(procedureId) },
  );
}

test('a parent applies for what a birth brings in one sitting, typing their name and bank account once', async () => {
  const context = await chrome().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));

  await page.goto(`${live().url}/m/${MITO}/guides/shussei`);
  await answerBirthGuide(page);
  const start = page.getByRole('link', { name: '3件をまとめて申請する' });
  await start.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('bundle-1-guide') });
  await start.click();

  await page.getByRole('heading', { level: 1, name: 'まとめて申請する' }).waitFor();
  const state = (title: string | RegExp) =>
    page
      .locator('.task-list__item', { has: page.getByText(title) })
      .locator('.task-list__status')
      .textContent();
  expect(await state('共通の項目')).toBe('未入力');
  expect(await state('まとめて送信する')).toBe('まだ進めません');
  await page.screenshot({ path: screenshotPath('bundle-2-tasks') });

  // The shared part, typed once.
  await page.getByRole('link', { name: '共通の項目' }).click();
  await page.getByRole('heading', { level: 1, name: '共通の項目' }).waitFor();
  await fillValue(page, 'root_applicant', shared.applicant);
  await fillValue(page, 'root_child', shared.child);
  await fillValue(page, 'root_account', shared.account);
  await page.screenshot({ path: screenshotPath('bundle-3-shared'), fullPage: true });
  await page.getByRole('button', { name: '保存して一覧に戻る' }).click();
  await page.getByRole('heading', { level: 1, name: 'まとめて申請する' }).waitFor();
  expect(await state('共通の項目')).toBe('入力済み');

  // The whole bundle behind one resume link: on another device it opens with the shared part done.
  await page.getByText('別の端末で続きを入力する').click();
  await page.getByRole('button', { name: '再開用のリンクを作る' }).click();
  const resumeLink = await page.getByLabel('再開用のリンク').inputValue();
  const other = await chrome().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const phone2 = await other.newPage();
  await phone2.goto(resumeLink.replace(/^https?:\/\/[^/]+/, live().url));
  await phone2.getByRole('heading', { level: 1, name: 'まとめて申請する' }).waitFor();
  expect(
    await phone2
      .locator('.task-list__item', { has: phone2.getByText('共通の項目') })
      .locator('.task-list__status')
      .textContent(),
  ).toBe('入力済み');
  await phone2.getByRole('link', { name: preset('hoiku-shikyu-nintei').procedure.title }).click();
  await phone2.goto(`${live().url}/m/${MITO}/bundle/p/hoiku-shikyu-nintei?step=1`);
  await filledWith(phone2, 'root_guardian_name_givenName', '花子');
  await other.close();

  for (const id of BUNDLE) {
    const title = preset(id).procedure.title;
    await page.getByRole('link', { name: title }).click();
    await page.getByText('まとめて申請する手続の1つです（3件中）', { exact: false }).waitFor();
    // The form starts with the shared answers: the parent's name is already there.
    const nameField = id === 'jidou-teate-nintei' ? 'root_claimant_name_givenName' : 'root_guardian_name_givenName';
    await page.goto(`${live().url}/m/${MITO}/bundle/p/${id}?step=1`);
    await filledWith(page, nameField, '花子');
    if (id === 'jidou-teate-nintei') await page.screenshot({ path: screenshotPath('bundle-4-prefilled') });
    // Back on the list (no form open, so nothing overwrites the draft) the rest of the answers go in.
    await page.getByRole('link', { name: 'まとめて申請の一覧に戻る' }).click();
    await page.getByRole('heading', { level: 1, name: 'まとめて申請する' }).waitFor();
    expect(await state(title)).toBe('入力中');
    await typeTheRest(page, id);
    // The documents the answers call for, on the attachments step.
    const answers = applySharedAnswers(example(id), preset(id).sharedAnswers!, shared);
    const needed = attachmentsFor(preset(id).procedure).filter((s) => attachmentNeeded(s, answers, preset(id).procedure.signaturePolicy));
    await page.goto(`${live().url}/m/${MITO}/bundle/p/${id}?step=files`);
    for (const spec of needed) await attachFile(page, spec.id, `${spec.id}.pdf`, 'application/pdf', TINY_PDF);
    await page.goto(`${live().url}/m/${MITO}/bundle/p/${id}?step=review`);
    await page.getByRole('button', { name: '確認して一覧に戻る' }).click();
    await page.getByRole('heading', { level: 1, name: 'まとめて申請する' }).waitFor();
    expect(await state(title)).toBe('確認済');
  }
  expect(await state('まとめて送信する')).toBe('未入力');
  await page.getByRole('button', { name: '3件の申請をまとめて送信する' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('bundle-5-all-checked'), fullPage: true });
  await page.getByRole('button', { name: '3件の申請をまとめて送信する' }).click();

  await page.getByRole('heading', { level: 1, name: 'まとめて申請しました' }).waitFor();
  await page.screenshot({ path: screenshotPath('bundle-6-receipt'), fullPage: true });
  const receipts = await page.locator('.bundle-item__receipt').allTextContents();
  expect(receipts).toHaveLength(3);
  const titles = await page.locator('.bundle-item__title').allTextContents();
  expect(titles).toEqual(BUNDLE.map((id) => preset(id).procedure.title));
  expect(await page.locator('.status-badge').allTextContents()).toEqual(['到達', '到達', '到達']);
  // Each application sits in its own procedure's inbox, with the name typed once.
  const storage = live().ctx.storage;
  for (const [i, receipt] of receipts.entries()) {
    const stored = await storage.submissions.findByReceiptNumber(receipt.trim());
    expect(stored?.procedureId).toBe(BUNDLE[i]);
    const person = (stored!.data.claimant ?? stored!.data.guardian) as { name: { givenName: string } };
    expect(person.name.givenName).toBe('花子');
  }
  const nintei = await storage.submissions.findByReceiptNumber(receipts[0]!.trim());
  expect((nintei!.data.children as Array<{ name: { givenName: string } }>)[0]!.name.givenName).toBe('小太郎');
  const bundleReceipt = (await page.locator('#bundle-receipt-number').textContent())!.trim();
  const bundleSecret = (await page.locator('#bundle-secret').textContent())!.trim();
  expect(problems).toEqual([]);
  await context.close();

  // Later, on another device: the usual status page takes the まとめ番号 and shows every application of the bundle.
  const later = await chrome().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const status = await later.newPage();
  await status.goto(`${live().url}/status`);
  await status.getByLabel('到達番号').fill(bundleReceipt.toLowerCase());
  await status.getByLabel('確認キー').fill(bundleSecret);
  await status.getByRole('button', { name: '確認する' }).click();
  await status.getByRole('heading', { level: 1, name: 'まとめて申請した手続の状況' }).waitFor();
  expect(await status.locator('.bundle-item__title').allTextContents()).toEqual(titles);
  expect(status.url()).not.toContain(bundleSecret); // the key is not left in the address bar
  await status.screenshot({ path: screenshotPath('bundle-7-status-later'), fullPage: true });
  await later.close();
}, 120_000);
