/**
 * 定員 in the builder (issue #22), on the built console: a clerk edits the
 * event template's sessions — the counted repeating group is picked from the
 * form's groups only, a blank place means no limit, a renamed session keeps
 * its places, and 「定員を設ける」 off removes the capacity. Each is saved to
 * the draft as the server sees it, and the preview shows the places as
 * residents will (残りN).
 */
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildAuthApp, makeUser, MITO, PASSWORD, StaffClient } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildAuthApp({ LOGIN_RATE_LIMIT: '1000' }, undefined, process.env.MADOGUCHI_CLIENT_DIST ?? CLIENT_DIST));
const chrome = useBrowser();
const cat = `/municipalities/${MITO}/catalog`;
const [FIRST, SECOND, THIRD] = ['1月17日（日）10:00〜12:00', '1月17日（日）14:00〜16:00', '1月24日（日）10:00〜12:00'];

test('a clerk sets, renames and removes the places of the event sessions', async () => {
  const { ctx, url } = live();
  const email = (await makeUser(ctx.storage, 'municipal-admin', MITO)).email;
  const api = new StaffClient(ctx.app);
  expect((await api.login(email)).status).toBe(200);
  await api.post(`${cat}/procedures/from-template`, { templateId: 'event-moshikomi', id: 'kouza' }).expect(201);
  const draft = async () => (await api.get(`${cat}/procedures/kouza`).expect(200)).body.document.schema.properties.session;

  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
  await page.goto(`${url}/staff/procedures/own/kouza`);
  const session = page.locator('button[data-path="session"][data-control="select"]');
  await session.getByText('定員あり').waitFor();
  await session.click();
  // An own procedure (from a template) has no preset behind it: no word of one beside 必須.
  await page.getByLabel('人数として数える繰り返し項目').waitFor();
  expect(await page.getByText('プリセットで必須としている項目').count()).toBe(0);
  const told = (text: string) => page.locator('.builder-message').filter({ hasText: text }).waitFor();
  /** Clicks `name` and waits for the autosave of the draft that follows. */
  const applyAndSave = async (name: string) => {
    const saving = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/procedures/kouza/draft') && r.request().method() === 'PUT' && r.ok());
    await page.getByRole('button', { name }).click();
    await saving;
  };

  // Only the form's repeating groups may be counted (not the multiple-choice 何で知りましたか, an array too).
  const countOf = page.getByLabel('人数として数える繰り返し項目');
  expect(await countOf.locator('option').allTextContents()).toEqual(['数えない（1件の申請で1人分）', '参加する方の数']);
  expect(await countOf.inputValue()).toBe('participants');
  await countOf.selectOption({ label: '数えない（1件の申請で1人分）' });
  await page.getByLabel(`「${THIRD}」の定員`).fill('');
  await page.getByLabel(`「${FIRST}」の定員`).fill('12');
  await page.screenshot({ path: screenshotPath('builder-capacity-event'), fullPage: true });
  // On a phone-width console the settings take the screen's width (not a sliver beside the outline).
  await page.setViewportSize({ width: 360, height: 740 });
  const control = page.locator('form', { has: page.getByLabel('定員を設ける') });
  await control.scrollIntoViewIfNeeded();
  await control.screenshot({ path: screenshotPath('builder-capacity-event-360') });
  const box = (await control.boundingBox())!;
  expect({ left: box.x >= 0, right: box.x + box.width <= 360, wide: box.width >= 280 }).toEqual({ left: true, right: true, wide: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await applyAndSave('定員を反映');
  await told('「参加する回」の定員を反映しました。');
  expect((await draft())['x-capacity']).toEqual({ limits: { [FIRST]: 12, [SECOND]: 30 } });
  // The preview shows the sessions as residents will: 残り and the limit (nobody has applied to a draft), no badge without a limit.
  const preview = page.frameLocator('iframe[title^="プレビュー"]');
  const choice = (label: string) => preview.locator('label.choice', { hasText: label });
  await choice(FIRST).getByText('残り12').waitFor();
  await choice(SECOND).getByText('残り30').waitFor();
  expect(await choice(THIRD).locator('.capacity-badge').count()).toBe(0);
  await preview.getByText('定員の数をそのまま「残り」として表示しています').waitFor();
  await page.screenshot({ path: screenshotPath('builder-capacity-preview'), fullPage: true });

  // Renaming a session in the options keeps its places.
  const options = page.getByLabel('選択肢（1行に1つ）');
  await options.fill([FIRST, '1月18日（月）14:00〜16:00', THIRD].join('\n'));
  await applyAndSave('変更を反映');
  await told('の変更を反映しました。');
  expect(await page.getByLabel('「1月18日（月）14:00〜16:00」の定員').inputValue()).toBe('30');
  expect((await draft())['x-capacity']).toEqual({ limits: { [FIRST]: 12, '1月18日（月）14:00〜16:00': 30 } });

  // 定員を設ける off: no capacity at all.
  await page.getByLabel('定員を設ける').uncheck();
  await applyAndSave('定員を反映');
  await told('「参加する回」の定員を解除しました。');
  expect((await draft())['x-capacity']).toBeUndefined();
  expect(await session.getByText('定員あり').count()).toBe(0);
});
