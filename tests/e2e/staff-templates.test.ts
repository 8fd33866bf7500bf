/**
 * The template library in headless Chromium on the real built console and
 * resident pages (issue #22): a clerk starts 粗大ごみ from 「テンプレートから作る」
 * in the catalog and lands in the builder with the template's form; then every
 * template, published as it is, renders as a resident form at 360 px and can be
 * filled step by step from its example without a page wider than the phone.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { loadTemplates } from '@madoguchi/presets';
import { launchBrowser, screenshotPath } from '../helpers/browser';
import { buildAuthApp, makeUser, MITO, PASSWORD, StaffClient, type AuthApp } from '../helpers/staffAuth';
import { allPresets } from '../helpers/testApp';
import { manualClock } from '../helpers/inboxApp';
import { CLIENT_DIST } from '../../server/src/app';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';
import { fillStep, next, type PageDocument } from './resident-helpers';

const templates = loadTemplates();
const cat = `/municipalities/${MITO}/catalog`;

/** The example without the calculated values (read-only fields the resident does not type). */
function typedAnswers(example: Record<string, unknown>, schema: { properties?: Record<string, Record<string, unknown>> }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(example).filter(([key]) => schema.properties?.[key]?.['x-calc'] === undefined));
}

describe('the template library in a browser', () => {
  // The server's clock, held: 職員採用試験 takes applications only in its 受付期間 (May 2027).
  const clock = manualClock(new Date());
  let ctx: AuthApp;
  let server: Server;
  let url: string;
  let browser: Browser;
  let clerkEmail: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, clock.now, process.env.MADOGUCHI_CLIENT_DIST ?? CLIENT_DIST);
    await syncPresets(ctx.storage, allPresets());
    clerkEmail = (await makeUser(ctx.storage, 'municipal-admin', MITO, { displayName: '窓口 花子' })).email;
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

  async function newPage(width: number): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width, height: width < 400 ? 740 : 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    // The one expected console error: the resident validator's probe of the strict CSP (no 'unsafe-eval').
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('Content Security Policy') && errors.push(m.text()));
    return page;
  }

  /**
   * Repeated-group entries use `content-visibility: auto` (long groups skip painting entries off screen), which a
   * full-page screenshot shows as empty boxes: paint them all for the picture (CSSOM styles pass the strict CSP).
   */
  const paintAllEntries = (page: Page) =>
    page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ style: Record<string, string> }> } }).document;
      for (const el of doc.querySelectorAll('.array__item')) el.style.contentVisibility = 'visible';
    });

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const root = (globalThis as unknown as { document: PageDocument & { documentElement: { clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });

  it('a clerk starts 粗大ごみ from the template in the catalog and gets its form in the builder', async () => {
    const page = await newPage(1440);
    await page.goto(`${url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(clerkEmail);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '手続' }).click();
    await page.getByRole('heading', { level: 1, name: '手続' }).waitFor();

    await page.getByText('テンプレートから作る', { exact: true }).click();
    const list = page.getByRole('list', { name: 'テンプレートから作る' });
    for (const t of templates) await list.getByRole('heading', { level: 3, name: t.procedure.title }).waitFor();
    await page.screenshot({ path: screenshotPath('templates-1-catalog-list'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await list.screenshot({ path: screenshotPath('templates-1b-catalog-list-360') });
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('button', { name: '「粗大ごみ収集の申込」のテンプレートで作る' }).click();
    const form = page.getByRole('form', { name: '「粗大ごみ収集の申込」から作る' });
    expect(await form.getByLabel('手続の名称').inputValue()).toBe('粗大ごみ収集の申込');
    expect(await form.getByLabel('手続のID').inputValue()).toBe('sodai-gomi');
    // An id in use is refused in Japanese (a preset's id), and nothing is created.
    await form.getByLabel('手続のID').fill('risai-shomeisho');
    await form.getByRole('button', { name: '作成して編集する' }).click();
    await form.getByRole('alert').filter({ hasText: 'このIDは全国共通のプリセットで使われています。' }).waitFor();
    await page.screenshot({ path: screenshotPath('templates-2-catalog-refused') });
    // The browser logs the 409 it was answered with: the one error expected here.
    expect(errors.splice(0)).toEqual([expect.stringContaining('409 (Conflict)')]);

    await form.getByLabel('手続の名称').fill('粗大ごみ戸別収集の申込');
    await form.getByLabel('手続のID').fill('sodai-gomi');
    await form.getByRole('button', { name: '作成して編集する' }).click();
    await page.getByRole('heading', { level: 1, name: '「粗大ごみ戸別収集の申込」の編集' }).waitFor();
    await page.getByText('品目', { exact: true }).first().waitFor();
    await page.screenshot({ path: screenshotPath('templates-3-builder-sodai-gomi') });

    const staff = new StaffClient(ctx.app);
    await staff.login(clerkEmail);
    const view = (await staff.get(`${cat}/procedures/sodai-gomi`).expect(200)).body;
    expect(view).toMatchObject({ latest: { status: 'draft' }, problems: [], document: { procedure: { title: '粗大ごみ戸別収集の申込', owner: MITO } } });
    expect(Object.keys(view.document.schema.properties)).toEqual(Object.keys(templates.find((t) => t.procedure.id === 'sodai-gomi')!.schema.properties!));
    expect(errors).toEqual([]);
  });

  it('renders every template as a resident form at 360 px and at desktop width, step by step from its example', async () => {
    const staff = new StaffClient(ctx.app);
    await staff.login(clerkEmail);
    for (const t of templates) {
      const id = t.procedure.id;
      if (id !== 'sodai-gomi') await staff.post(`${cat}/procedures/from-template`, { templateId: id, id }).expect(201);
      await staff.post(`${cat}/procedures/${id}/publish`).expect(201);
    }
    // At the phone's width and at a desktop's (the screenshots are looked at, issue #22).
    for (const width of [360, 1280]) {
      clock.set(new Date('2027-05-10T01:00:00Z')); // Monday 10 May 2027 10:00 JST: every template is open
      const page = await newPage(width);
      for (const t of templates) {
        const id = t.procedure.id;
        const steps = (t.uiSchema['ui:options'] as { steps: Array<{ title: string; fields: string[] }> }).steps;
        const answers = typedAnswers(t.example!, t.schema as never);
        await page.goto(`${url}/m/${MITO}/p/${id}/apply`);
        for (const [i, step] of steps.entries()) {
          await page.getByRole('heading', { level: 1, name: step.title }).waitFor();
          await fillStep(page, step.fields, answers);
          await paintAllEntries(page);
          await page.screenshot({ path: screenshotPath(`templates-${width}-${id}-${i + 1}`), fullPage: true });
          expect({ id, step: step.title, overflow: await overflow(page) }).toEqual({ id, step: step.title, overflow: 0 });
          await next(page);
        }
        // Past the last question step: the attachments (when the template has any) or the check page.
        await page.getByRole('heading', { level: 1, name: t.procedure.attachments.length ? '添付書類' : '入力内容の確認' }).waitFor();
        expect(await page.locator('.error-summary').count()).toBe(0);
      }
    }
    expect(errors).toEqual([]);
  }, 240_000); // seven whole forms, step by step, at two widths
});
