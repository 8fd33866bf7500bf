/**
 * Conditions in the builder, in headless Chromium on the built console: a
 * clerk adds, by keyboard, a condition inside a repeating group's row
 * (品目が「その他」のとき品名) and one on a number in another step
 * (世帯人数が3以上のとき「大家族の事情」), publishes, and the resident's form
 * (360 px wide) shows and hides those fields as the answers change, and a
 * message set by a condition appears without blocking.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { composeLayer, type EditOp } from '@madoguchi/shared';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildAuthApp, makeUser, MITO, PASSWORD, StaffClient, type AuthApp } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

/** Presses Tab until the focused control is labelled `name` (reachable by keyboard). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((n) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el.tagName === 'IFRAME' || el === document.body) return false;
      const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      return label.trim() === n;
    }, name);
    if (hit) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Picks an option of the focused <select> with the arrow keys. */
async function chooseOption(page: Page, label: string): Promise<void> {
  const { options, current } = await page.evaluate(() => {
    const select = document.activeElement as HTMLSelectElement;
    return { options: [...select.options].map((o) => o.textContent ?? ''), current: select.selectedIndex };
  });
  const target = options.indexOf(label);
  if (target < 0) throw new Error(`No option "${label}" (have: ${options.join(' / ')})`);
  for (let i = current; i !== target; i += target > current ? 1 : -1) await page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
}

let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `e${++n}`, ...o }) as unknown as EditOp;

describe('conditions in the builder and on the resident form', () => {
  let ctx: AuthApp;
  let server: Server;
  let url: string;
  let browser: Browser;
  let email: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, undefined, process.env.MADOGUCHI_CLIENT_DIST ?? CLIENT_DIST);
    email = (await makeUser(ctx.storage, 'municipal-admin', MITO, { displayName: '窓口 花子' })).email;
    server = await new Promise((resolve) => {
      const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    // The fields exist already (built as in staff-builder.test.ts); this test is about their conditions.
    const api = new StaffClient(ctx.app);
    expect((await api.login(email)).status).toBe(200);
    const cat = `/municipalities/${MITO}/catalog`;
    const created = (await api.post(`${cat}/procedures`, { id: 'sodai-jouken', title: '粗大ごみ収集の申込' }).expect(201)).body;
    const doc = composeLayer(
      created.document,
      [
        op({ type: 'addField', parent: '', field: { key: 'household', kind: 'number', label: '世帯人数', required: true } }),
        op({ type: 'addStep', title: '品目' }),
        op({ type: 'renameStep', index: 0, title: '世帯' }),
        op({ type: 'addField', parent: '', step: 1, field: { key: 'largeFamily', kind: 'text', label: '大家族の事情' } }),
        op({ type: 'addField', parent: '', step: 1, field: { key: 'items', kind: 'group', label: '出すもの', itemLabel: '品目', required: true } }),
        op({ type: 'addField', parent: 'items', field: { key: 'kind', kind: 'choice', label: '品目', required: true, options: ['たんす', '自転車', 'その他'] } }),
        op({ type: 'addField', parent: 'items', field: { key: 'name', kind: 'text', label: '品名', required: true } }),
        op({ type: 'addField', parent: 'items', field: { key: 'helper', kind: 'text', label: '運び出しの手伝い' } }),
        // A row's field on an answer outside the group (the branch sits at the root, reaching the rows through items).
        op({ type: 'setLogic', path: 'items.helper', logic: [{ effect: 'show', when: { field: 'household', op: 'gte', value: 4 } }] }),
        op({ type: 'addField', parent: '', step: 1, field: { key: 'contact', kind: 'text', label: '連絡事項' } }),
        op({ type: 'addField', parent: '', step: 1, field: { key: 'pickup', kind: 'section', label: '収集場所' } }),
        op({ type: 'addField', parent: 'pickup', field: { key: 'place', kind: 'text', label: '出す場所' } }),
        op({ type: 'addField', parent: 'pickup', field: { key: 'floor', kind: 'text', label: '搬出する階' } }),
        op({
          type: 'setLogic',
          path: 'contact',
          logic: { effect: 'message', when: { field: 'household', op: 'gte', value: 4 }, note: { level: 'warning', ja: '4人以上の世帯は、収集日を電話でご相談ください。' } },
        }),
      ],
      { enforceLocks: false },
    );
    await api.send('put', `${cat}/procedures/sodai-jouken/draft`, { document: doc, baseHash: created.latest.contentHash }).expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await ctx?.close();
  });

  it('a clerk adds both conditions by keyboard and publishes; the resident form follows them', async () => {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && errors.push(m.text()));
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
    await page.goto(`${url}/staff/procedures/own/sodai-jouken`);
    await page.getByRole('heading', { level: 1, name: '「粗大ごみ収集の申込」の編集' }).waitFor();

    // In the row: 品名 only when this row's 品目 is その他 (the row's own answers and earlier answers outside any group are offered).
    await page.locator('[data-path="items.name"][data-control="select"]').focus();
    await page.keyboard.press('Enter');
    await tabTo(page, '条件を満たすとき');
    await chooseOption(page, '表示');
    await tabTo(page, '条件1の回答');
    expect(await page.evaluate(() => [...(document.activeElement as HTMLSelectElement).options].map((o) => o.textContent))).toEqual(['選んでください', '世帯人数', '大家族の事情', '品目']);
    await chooseOption(page, '品目');
    await tabTo(page, '条件1の値');
    await chooseOption(page, 'その他');
    await page.getByText('この項目は「品目」が「その他」のとき表示。').waitFor();
    await tabTo(page, '条件を反映');
    await page.keyboard.press('Enter');
    await page.getByText('「品名」の条件を反映しました。').waitFor();

    // Across steps: 大家族の事情 (step 2) only when 世帯人数 (step 1) is 3 or more.
    await page.locator('[data-path="largeFamily"][data-control="select"]').focus();
    await page.keyboard.press('Enter');
    await tabTo(page, '条件を満たすとき');
    await chooseOption(page, '表示');
    await tabTo(page, '条件1の回答');
    await chooseOption(page, '世帯人数');
    await tabTo(page, '条件1の比べ方');
    await chooseOption(page, 'が次の数以上');
    await tabTo(page, '条件1の値');
    await page.keyboard.type('3');
    await tabTo(page, '条件を反映');
    await page.keyboard.press('Enter');
    await page.getByText('「大家族の事情」の条件を反映しました。').waitFor();
    await page.getByText('この項目は「世帯人数」が3以上のとき表示').first().waitFor(); // the outline says it in words

    // Across groups: 搬出する階 inside the section 収集場所 (step 2) only when 世帯人数 (step 1) is 4 or more.
    await page.locator('[data-path="pickup.floor"][data-control="select"]').focus();
    await page.keyboard.press('Enter');
    await tabTo(page, '条件を満たすとき');
    await chooseOption(page, '表示');
    await tabTo(page, '条件1の回答');
    await chooseOption(page, '世帯人数');
    await tabTo(page, '条件1の比べ方');
    await chooseOption(page, 'が次の数以上');
    await tabTo(page, '条件1の値');
    await page.keyboard.type('4');
    await tabTo(page, '条件を反映');
    await page.keyboard.press('Enter');
    await page.getByText('「搬出する階」の条件を反映しました。').waitFor();
    await page.getByTestId('logic-rules').getByText('この項目は「世帯人数」が4以上のとき表示').waitFor(); // read back from the root's branch
    await page.screenshot({ path: screenshotPath('builder-logic-1-conditions'), fullPage: true });

    await page.getByRole('tab', { name: /確認と公開/ }).click();
    await page.getByRole('button', { name: '公開する' }).click();
    await page.getByText('第1版として公開しました。住民の画面に反映されています。').waitFor();
    const schema = (await request(ctx.app).get(`/api/v1/municipalities/${MITO}/procedures/sodai-jouken`).expect(200)).body.version.schema;
    expect(schema.allOf.map((b: { if: unknown }) => b.if)).toContainEqual({ properties: { household: { minimum: 3 } }, required: ['household'] });
    expect(schema.properties.items.items.allOf[0].if).toEqual({ properties: { kind: { const: 'その他' } }, required: ['kind'] });
    const floorBranch = schema.allOf.find((b: { then: { properties?: Record<string, unknown> } }) => b.then.properties?.pickup);
    expect(floorBranch.if).toEqual({ properties: { household: { minimum: 4 } }, required: ['household'] });
    expect(Object.keys(floorBranch.then.properties.pickup.properties)).toEqual(['floor']);

    // The resident, on a phone.
    const phone = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 800 } })).newPage();
    phone.setDefaultTimeout(15_000);
    phone.on('pageerror', (e) => errors.push(String(e)));
    await phone.goto(`${url}/m/${MITO}/p/sodai-jouken/apply`);
    await phone.locator('#root_household').fill('2');
    await phone.getByRole('button', { name: '次へ進む' }).click();
    await phone.locator('#root_items').waitFor();
    expect(await phone.locator('#root_largeFamily').count()).toBe(0); // 2 people: hidden
    await phone.locator('#root_pickup_place').waitFor();
    expect(await phone.locator('#root_pickup_floor').count()).toBe(0); // in the section, hidden by an answer of step 1
    expect(await phone.getByRole('note').count()).toBe(0);
    const other = phone.getByLabel('その他', { exact: true });
    if ((await other.count()) === 0) await phone.locator('.array__add').first().click();
    await other.waitFor();
    await phone.getByLabel('たんす', { exact: true }).check();
    expect(await phone.locator('#root_items_0_name').count()).toBe(0); // たんす: no 品名
    expect(await phone.locator('#root_items_0_helper').count()).toBe(0); // 2 people: no 運び出しの手伝い in the row
    await other.check();
    await phone.locator('#root_items_0_name').waitFor();
    await phone.screenshot({ path: screenshotPath('builder-logic-2-resident-360'), fullPage: true });
    // Back to step 1: with 4 people, 大家族の事情 appears in step 2.
    await phone.getByRole('button', { name: /戻る/ }).first().click();
    await phone.locator('#root_household').fill('4');
    await phone.getByRole('button', { name: '次へ進む' }).click();
    await phone.locator('#root_largeFamily').waitFor();
    await phone.locator('#root_pickup_floor').fill('3階'); // shown in its section with 4 people
    await phone.locator('#root_items_0_helper').waitFor(); // and in the row
    await phone.getByRole('note').filter({ hasText: '4人以上の世帯は、収集日を電話でご相談ください。' }).waitFor(); // a message, not an error
    expect(await phone.locator('#root_contact').getAttribute('aria-describedby')).toContain('root_contact__note'); // read with the field
    await phone.screenshot({ path: screenshotPath('builder-logic-3-resident-360-large'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
