/**
 * The catalog and the builder in headless Chromium, on the real built console:
 * a clerk adopts 罹災証明書, changes a label and adds a field, publishes; a
 * resident submits on that version; a platform admin publishes a preset update;
 * the clerk takes it and keeps the local edits; then the clerk builds
 * 粗大ごみ収集の申込 from scratch — a condition and a repeating group — using
 * only the keyboard, and publishes it.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildAuthApp, makeUser, MITO, PASSWORD, type AuthApp } from '../helpers/staffAuth';
import { allPresets } from '../helpers/testApp';
import { CLIENT_DIST } from '../../server/src/app';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';

/**
 * Presses Tab until the focused element is the one named `name` (by its
 * aria-label, its label or its text) — proving it can be reached from the
 * keyboard. `kind` narrows it: 'button', 'tab', or an element id.
 */
async function tabTo(page: Page, name: string, kind?: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      ([n, k]) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el.tagName === 'IFRAME' || el === document.body) return false;
        if (k === 'button' && el.tagName !== 'BUTTON') return false;
        if (k === 'tab' && el.getAttribute('role') !== 'tab') return false;
        if (k && k !== 'button' && k !== 'tab' && el.id !== k) return false;
        const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
        return label.trim() === n;
      },
      [name, kind] as const,
    );
    if (hit) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Types into the focused control (Japanese goes in as text input, like an IME commit). */
const typeInto = (page: Page, text: string) => page.keyboard.type(text);

/** Picks an option of the focused <select> with the arrow keys. */
async function chooseOption(page: Page, label: string): Promise<void> {
  const { options, current } = await page.evaluate(() => {
    const select = document.activeElement as HTMLSelectElement;
    return { options: [...select.options].map((o) => o.textContent ?? ''), current: select.selectedIndex };
  });
  const target = options.indexOf(label);
  if (target < 0) throw new Error(`No option "${label}" (have: ${options.join(' / ')})`);
  for (let i = current; i !== target; i += target > current ? 1 : -1) await page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
  expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(label);
}

const RISAI = 'risai-shomeisho';
const risaiExample = () => structuredClone(allPresets().find((p) => p.procedure.id === RISAI)!.example!) as Record<string, unknown>;

describe('catalog and builder in a browser', () => {
  let ctx: AuthApp;
  let server: Server;
  let url: string;
  let browser: Browser;
  let clerkEmail: string;
  let adminEmail: string;
  const errors: string[] = [];

  beforeAll(async () => {
    // MADOGUCHI_CLIENT_DIST lets a developer test a private build while others rebuild client/dist.
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, undefined, process.env.MADOGUCHI_CLIENT_DIST ?? CLIENT_DIST);
    await syncPresets(ctx.storage, allPresets());
    clerkEmail = (await makeUser(ctx.storage, 'municipal-admin', MITO, { displayName: '窓口 花子' })).email;
    adminEmail = (await makeUser(ctx.storage, 'platform-admin', null, { displayName: '基盤 管理者' })).email;
    server = await new Promise((resolve) => {
      const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await ctx?.close();
  });

  async function signIn(email: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    // The one expected console error: the resident validator's probe of the strict CSP (no 'unsafe-eval').
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && errors.push(m.text()));
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
    return page;
  }

  const preview = (page: Page): FrameLocator => page.frameLocator('iframe[title^="プレビュー"]');
  const saved = (page: Page) => page.getByRole('status').filter({ hasText: '保存済み' }).waitFor();
  const tab = (page: Page, name: RegExp | string) => page.getByRole('tab', { name }).click();
  const live = () =>
    request(ctx.app)
      .get(`/api/v1/municipalities/${MITO}/procedures/${RISAI}`)
      .expect(200)
      .then((r) => r.body);

  let clerk: Page;

  it('a clerk adopts 罹災証明書, changes a label, adds a field and publishes', async () => {
    clerk = await signIn(clerkEmail);
    await clerk.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '手続' }).click();
    await clerk.getByRole('heading', { level: 1, name: '手続' }).waitFor();
    await clerk.screenshot({ path: screenshotPath('builder-1-catalog') });
    await clerk.getByRole('button', { name: '「罹災証明書の発行申請」を採用して編集' }).click();
    await clerk.getByRole('heading', { level: 1, name: '「罹災証明書の発行申請」の編集' }).waitFor();
    await preview(clerk).getByRole('heading', { name: '災害と被災した住家' }).waitFor();

    // Items the law requires cannot be removed.
    expect(await clerk.getByRole('button', { name: '「世帯主」は法令で定められた項目のため削除できません' }).isDisabled()).toBe(true);
    // What the preset requires only by design can be removed.
    expect(await clerk.getByRole('button', { name: '「被害の状況」を削除' }).isDisabled()).toBe(false);

    // Change a label: the preview follows.
    await clerk.getByRole('button', { name: /^建物の構造/ }).click();
    await clerk.getByLabel('項目名', { exact: true }).first().fill('建物の構造（分かる範囲で）');
    await clerk.getByRole('button', { name: '変更を反映' }).click();
    await preview(clerk).getByText('建物の構造（分かる範囲で）').waitFor();

    // The 世帯主 section takes the 基本4情報 from the My Number Card.
    await clerk
      .getByRole('button', { name: /^世帯主/ })
      .first()
      .click();
    await clerk.getByLabel('氏名を入れる項目').selectOption({ label: '世帯主の氏名' });
    await clerk.getByLabel('住所を入れる項目').selectOption({ label: '世帯主の住所（住民票の住所）' });
    await clerk.getByLabel('生年月日を入れる項目').selectOption({ label: '世帯主の生年月日' });
    await clerk.getByRole('button', { name: 'カードからの入力を反映' }).click();
    await clerk.getByText('「世帯主」にマイナンバーカードからの入力を設定しました。').waitFor();
    await clerk.screenshot({ path: screenshotPath('builder-2c-card-prefill') });

    // Add a field after 「連絡先」.
    await clerk.getByRole('button', { name: /^現在の連絡先/ }).click();
    await clerk.getByLabel('入力の種類').selectOption({ label: '長い文章（複数行）' });
    await clerk.locator('#add-label').fill('避難生活で困っていること');
    await clerk.getByLabel('追加する場所').selectOption({ label: '「現在の連絡先」の後' });
    await clerk.getByRole('button', { name: '項目を追加', exact: true }).click();
    await clerk.getByText('「避難生活で困っていること」を追加しました。').waitFor();
    await saved(clerk);
    await clerk.screenshot({ path: screenshotPath('builder-2-adopted-edited') });

    // Deleting a field asks first and says what follows; cancelling keeps it.
    await clerk.getByRole('button', { name: '「避難生活で困っていること」を削除' }).click();
    const ask = clerk.getByRole('alertdialog', { name: '「避難生活で困っていること」を削除しますか' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('すでに受け付けた申請の回答は、そのまま残ります');
    await clerk.screenshot({ path: screenshotPath('builder-2b-confirm-delete') });
    await ask.getByRole('button', { name: 'やめる' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await clerk.getByRole('button', { name: '「避難生活で困っていること」を削除' }).count()).toBe(1);

    await tab(clerk, /変更の一覧/);
    await clerk.getByText('「建物の構造」の項目名を「建物の構造（分かる範囲で）」に変更').waitFor();
    await clerk.getByText('「世帯主」にマイナンバーカードの基本4情報を入力').waitFor();
    await tab(clerk, /確認と公開/);
    await clerk.getByText('問題は見つかりませんでした。公開できます。').waitFor();
    await clerk.getByRole('button', { name: '公開する' }).click();
    await clerk.getByText('第1版として公開しました。住民の画面に反映されています。').waitFor();
    await clerk.screenshot({ path: screenshotPath('builder-3-adopted-published') });

    const detail = await live();
    expect(detail.procedure).toMatchObject({ owner: MITO, basedOn: { presetId: RISAI, presetVersion: 1 } });
    expect(detail.version.schema.properties.damagedProperty.properties.structure.title).toBe('建物の構造（分かる範囲で）');
    expect(detail.version.uiSchema.householder['ui:cardPrefill']).toEqual({ name: 'name', address: 'address', birthdate: 'birthDate' });
  });

  it('a resident submits on the new version', async () => {
    const { version } = await live();
    const key = Object.keys(version.schema.properties).find((k) => version.schema.properties[k].title === '避難生活で困っていること')!;
    expect(version.uiSchema['ui:order'].indexOf(key)).toBe(version.uiSchema['ui:order'].indexOf('currentContact') + 1);
    const res = await request(ctx.app)
      .post(`/api/v1/municipalities/${MITO}/procedures/${RISAI}/submissions`)
      .send({ data: { ...risaiExample(), [key]: '常備薬が足りません' }, formVersion: version.version })
      .expect(201);
    const stored = await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber);
    expect(stored).toMatchObject({ procedureOwner: MITO, formVersion: 1, data: { [key]: '常備薬が足りません' } });
  });

  it('a platform admin publishes a preset update with a change note', async () => {
    const admin = await signIn(adminEmail);
    await admin.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: 'プリセット' }).click();
    await admin.getByRole('link', { name: '「罹災証明書の発行申請」を編集' }).click();
    await admin.getByRole('heading', { level: 1, name: 'プリセット「罹災証明書の発行申請」の編集' }).waitFor();
    await admin.getByRole('button', { name: /^災害の名称/ }).click();
    await admin.getByLabel('項目名', { exact: true }).first().fill('災害名');
    await admin.getByRole('button', { name: '変更を反映' }).click();
    await admin.getByRole('button', { name: /^被害について/ }).click();
    await admin.getByLabel('入力の種類').selectOption({ label: '日付（和暦で入力）' });
    await admin.locator('#add-label').fill('写真を撮った日');
    await admin.getByLabel('追加する場所').selectOption({ label: '「被害について」の中' });
    await admin.getByRole('button', { name: '項目を追加', exact: true }).click();
    await saved(admin);
    await tab(admin, /確認と公開/);
    await admin.getByLabel('変更内容（市区町村に伝えるメモ）').fill('写真を撮った日を尋ねる項目を追加し、「災害の名称」を「災害名」にしました。');
    await admin.getByRole('button', { name: '公開する' }).click();
    await admin.getByText('第2版として公開しました。').first().waitFor();
    await admin.screenshot({ path: screenshotPath('builder-4-preset-published') });
  });

  it('the clerk sees the update with a readable diff, takes it in one action, and keeps the local edits', async () => {
    await clerk.reload();
    await clerk.getByText('プリセットの新しい版（第2版）があります。内容を確認して取り込めます。').waitFor();
    await clerk.getByText('写真を撮った日を尋ねる項目を追加し、「災害の名称」を「災害名」にしました。').waitFor();
    await clerk.getByText('項目名：「災害の名称」→「災害名」').waitFor();
    expect(await clerk.locator('.outcome strong').allTextContents()).toEqual(['そのまま引き継ぎます', 'そのまま引き継ぎます', 'そのまま引き継ぎます']); // label, card prefill, added field
    await clerk.screenshot({ path: screenshotPath('builder-5-update-offered'), fullPage: true });
    await clerk.getByRole('button', { name: '更新を取り込んで公開' }).click();
    await clerk.getByText('更新を取り込み、第2版として公開しました。').waitFor();

    const { procedure, version } = await live();
    expect(procedure.basedOn).toEqual({ presetId: RISAI, presetVersion: 2 });
    const props = version.schema.properties;
    expect(props.damagedProperty.properties.structure.title).toBe('建物の構造（分かる範囲で）');
    expect(Object.values(props).map((p) => (p as { title: string }).title)).toContain('避難生活で困っていること');
    expect(props.disaster.properties.name.title).toBe('災害名');
    expect(props.damage.properties.photoTakenOn ?? Object.values(props.damage.properties).find((p) => (p as { title: string }).title === '写真を撮った日')).toBeDefined();
  });

  it('a clerk builds 粗大ごみ収集の申込 from scratch with only the keyboard, with a condition and a repeating group, and publishes it', async () => {
    const page = clerk;
    await page.goto(`${url}/staff/procedures`);
    await page.getByRole('heading', { level: 1, name: '手続' }).waitFor();
    await tabTo(page, '手続の名称');
    await typeInto(page, '粗大ごみ収集の申込');
    await tabTo(page, '手続のID');
    await typeInto(page, 'sodai-gomi');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '「粗大ごみ収集の申込」の編集' }).waitFor();

    /** Adds a field from the keyboard: type, label, options, required. */
    const add = async (kind: string, label: string, opts: { options?: string[]; required?: boolean; itemLabel?: string } = {}) => {
      await tabTo(page, '入力の種類');
      await chooseOption(page, kind);
      await tabTo(page, '項目名', 'add-label');
      await typeInto(page, label);
      if (opts.options) {
        await tabTo(page, '選択肢（1行に1つ）', 'add-options');
        for (const [i, o] of opts.options.entries()) {
          await typeInto(page, o);
          if (i < opts.options.length - 1) await page.keyboard.press('Enter');
        }
      }
      if (opts.itemLabel) {
        await tabTo(page, '1件分の見出し（例：品目）');
        await typeInto(page, opts.itemLabel);
      }
      if (opts.required) {
        await tabTo(page, '必須にする');
        await page.keyboard.press('Space');
      }
      await tabTo(page, '項目を追加', 'button');
      await page.keyboard.press('Enter');
      await page.getByText(`「${label}」を追加しました。`).waitFor();
    };

    await add('氏名（フリガナ付き）', '申込者の氏名', { required: true });
    await add('住所（郵便番号から入力）', '収集場所の住所', { required: true });
    await add('電話番号', '日中の連絡先', { required: true });
    await add('選択肢から1つ', '出す場所', { options: ['自宅の前', '集合住宅のごみ置き場', 'その他'], required: true });
    await add('短い文章（1行）', '出す場所（その他）', { required: true });

    // The condition: 「出す場所（その他）」 only when 「出す場所」 is その他 (the new field is selected),
    // in the one condition editor 「条件」.
    expect(await page.getByText('表示する条件', { exact: true }).count()).toBe(0); // the old panel is gone
    await tabTo(page, '条件を満たすとき');
    await chooseOption(page, '表示');
    await tabTo(page, '条件1の回答');
    await chooseOption(page, '出す場所');
    await tabTo(page, '条件1の値');
    await chooseOption(page, 'その他');
    await tabTo(page, '条件を反映', 'button');
    await page.keyboard.press('Enter');
    await page.getByText('「出す場所（その他）」の条件を反映しました。').waitFor();

    // The repeating group and its fields (added inside the selected group).
    await add('繰り返しグループ（複数件の入力）', '出すもの', { itemLabel: '品目', required: true });
    await add('短い文章（1行）', '品名', { required: true });
    await add('数値', '個数', { required: true });
    await saved(page);
    await page.screenshot({ path: screenshotPath('builder-6-sodai-gomi-built') });

    // At 1280×900 the preview panel stays beside the field list: the last field can be reached and clicked.
    await page.setViewportSize({ width: 1280, height: 900 });
    const last = page.getByRole('button', { name: '「個数」を削除' });
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    const hit = await page.evaluate(
      ([x, y]) => {
        const el = (globalThis as unknown as { document: Document }).document.elementFromPoint(x!, y!);
        return el?.getAttribute('aria-label') ?? el?.closest('[aria-label]')?.getAttribute('aria-label') ?? el?.tagName ?? null;
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit).toBe('「個数」を削除');
    await page.screenshot({ path: screenshotPath('builder-6b-1280') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Publish, still from the keyboard: the tabs move with the arrow keys.
    await tabTo(page, '項目', 'tab');
    // Arrow keys move along the tabs (however many there are) to 確認と公開.
    for (let i = 0; i < 10 && !/^確認と公開/.test((await page.evaluate(() => document.activeElement?.textContent)) ?? ''); i++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^確認と公開/);
    await tabTo(page, '公開する', 'button');
    await page.keyboard.press('Enter');
    await page.getByText('第1版として公開しました。住民の画面に反映されています。').waitFor();
    await page.screenshot({ path: screenshotPath('builder-7-sodai-gomi-published'), fullPage: true });

    const detail = (await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/sodai-gomi`).expect(200)).body;
    const schema = detail.version.schema;
    const key = (title: string, props = schema.properties) => Object.keys(props).find((k) => props[k].title === title)!;
    const group = schema.properties[key('出すもの')];
    expect(group).toMatchObject({ type: 'array', minItems: 1, items: { title: '品目' } });
    const branch = schema.allOf[0];
    expect(branch.if).toEqual({ properties: { [key('出す場所')]: { const: 'その他' } }, required: [key('出す場所')] });
    const otherKey = Object.keys(branch.then.properties)[0]!;
    const item = { [key('品名', group.items.properties)]: 'たんす', [key('個数', group.items.properties)]: 1 };
    const data = {
      [key('申込者の氏名')]: { familyName: '水戸', givenName: '花子', familyNameKana: 'ミト', givenNameKana: 'ハナコ' },
      [key('収集場所の住所')]: { postalCode: '310-8610', prefecture: '茨城県', city: '水戸市', street: '中央1-4-1' },
      [key('日中の連絡先')]: '0292241111',
      [key('出す場所')]: 'その他',
      [key('出すもの')]: [item],
    };
    const submit = (d: unknown) => request(ctx.app).post(`/api/v1/municipalities/${MITO}/procedures/sodai-gomi/submissions`).send({ data: d });
    expect((await submit(data).expect(422)).body.error.fields[0].message).toBe('「出す場所（その他）」を入力してください。');
    await submit({ ...data, [otherKey]: '駐車場の横' }).expect(201);

    // Duplicating opens the copy with its own title in the heading (not the original's).
    const details = page.locator('details', { hasText: '新しい手続のID' });
    if ((await details.count()) > 0 && !(await details.evaluate((d) => (d as unknown as { open: boolean }).open))) await details.locator('summary').click();
    await page.locator('#dup-id').fill('sodai-gomi-rinji');
    await page.locator('#dup-title').fill('粗大ごみ（臨時収集）');
    await page.getByRole('button', { name: '複製する' }).click();
    await page.getByRole('heading', { level: 1, name: '「粗大ごみ（臨時収集）」の編集' }).waitFor();
    await page.goto(`${url}/staff/procedures/own/sodai-gomi`);
    await page.getByRole('heading', { level: 1, name: '「粗大ごみ収集の申込」の編集' }).waitFor();
    await tab(page, /確認と公開/);

    // Retiring asks first and says that residents will no longer find the procedure; cancelling changes nothing.
    const procedurePage = () => request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/sodai-gomi`);
    await page.getByRole('button', { name: '公開を終了する' }).click();
    const ask = page.getByRole('alertdialog', { name: /公開を終了しますか/ });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('住民はこの手続を開けなくなり');
    await page.screenshot({ path: screenshotPath('builder-8-confirm-retire') });
    await ask.getByRole('button', { name: 'やめる' }).click();
    await ask.waitFor({ state: 'detached' });
    await procedurePage().expect(200);
    await page.getByRole('button', { name: '公開を終了する' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '公開を終了する' }).click();
    await page.getByRole('button', { name: '公開を終了する' }).waitFor({ state: 'detached' });
    await procedurePage().expect(404);
    expect(errors).toEqual([]);
  });
});
