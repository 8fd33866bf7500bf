/**
 * 定員 in headless Chromium on the built app (issue #22): a resident on a phone sees 「残り1」 and 「満員」 on a
 * session's options, the full one cannot be chosen; the last place goes to someone else while she checks her
 * answers, so sending says which session is full, the form shows it full now, and she sends with another.
 * Then the clerk opens 「定員と予約状況」 from the procedure list, sees taken/capacity with a bar and the
 * bookings, and raises a capacity by keyboard alone; the next applicant gets in. 360 px and desktop screenshots.
 */
import request from 'supertest';
import type { FormDocument } from '@madoguchi/shared';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildInboxApp } from '../helpers/inboxApp';
import { MITO, makeUser, PASSWORD, StaffClient } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

const live = useLiveApp(() => buildInboxApp({ RATE_LIMIT_INTAKE_PER_MIN: '0' }, undefined, { clientDist: CLIENT_DIST }));
const chrome = useBrowser();
const PROC = 'koza-moushikomi';
const [MORNING, AFTERNOON, EVENING] = ['6月1日（月）午前', '6月1日（月）午後', '6月2日（火）夜'];

async function publishEvent() {
  const { ctx } = live();
  const clerk = new StaffClient(ctx.app);
  await clerk.login((await makeUser(ctx.storage, 'municipal-admin', MITO)).email);
  const cat = `/municipalities/${MITO}/catalog`;
  const created = (await clerk.post(`${cat}/procedures`, { id: PROC, title: '市民講座の申込' }).expect(201)).body;
  const base = created.document as FormDocument;
  const document: FormDocument = {
    ...base,
    schema: {
      ...base.schema,
      required: ['name', 'session'],
      properties: {
        name: { type: 'string', title: '氏名', maxLength: 50 },
        session: { type: 'string', title: '参加する回', enum: [MORNING, AFTERNOON, EVENING], 'x-capacity': { limits: { [MORNING]: 2, [AFTERNOON]: 1 } } },
      },
    },
  };
  await clerk.send('put', `${cat}/procedures/${PROC}/draft`, { document, baseHash: created.latest.contentHash }).expect(200);
  await clerk.post(`${cat}/procedures/${PROC}/publish`).expect(201);
}

const applyByApi = (session: string) =>
  request(live().ctx.app)
    .post(`/api/v1/municipalities/${MITO}/procedures/${PROC}/submissions`)
    .send({ data: { name: '先着 一郎', session } })
    .expect(201);

test('a resident sees the places left, cannot pick a full session, and is told when the last place went meanwhile', async () => {
  await publishEvent();
  await applyByApi(MORNING);
  await applyByApi(MORNING);

  const context = await chrome().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${live().url}/m/${MITO}/p/${PROC}/apply`);
  const option = (name: string) => page.locator('label.choice', { hasText: name });
  await option(AFTERNOON).getByText('残り1').waitFor();
  await option(MORNING).getByText('満員').waitFor();
  expect(await page.getByRole('radio', { name: MORNING }).isDisabled()).toBe(true);
  expect(await page.getByRole('radio', { name: AFTERNOON }).isDisabled()).toBe(false);
  expect(await option(EVENING).locator('.capacity-badge').count()).toBe(0); // no limit, no badge
  await page.screenshot({ path: screenshotPath('resident-capacity-360'), fullPage: true });

  await page.getByLabel('氏名').fill('窓口 花子');
  await page.getByRole('radio', { name: AFTERNOON }).check();
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  await page.getByRole('button', { name: 'この内容で申請する' }).waitFor();
  await applyByApi(AFTERNOON); // someone else takes the last place meanwhile
  await page.getByRole('button', { name: 'この内容で申請する' }).click();
  await page.getByText(`「参加する回」の「${AFTERNOON}」は定員に達したため、申し込めません。`).first().waitFor();
  await page.screenshot({ path: screenshotPath('resident-capacity-full-on-submit-360'), fullPage: true });

  // Back at the question: that session is full now, another one is offered.
  await page.goto(`${live().url}/m/${MITO}/p/${PROC}/apply?step=1`);
  await option(AFTERNOON).getByText('満員').waitFor();
  await page.getByRole('radio', { name: EVENING }).check();
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  await page.getByRole('button', { name: 'この内容で申請する' }).click();
  await page.waitForURL(/\/done$/);
  const taken = new Map((await live().ctx.storage.capacity.list(MITO, PROC)).map((s) => [s.option, s.taken]));
  expect(Object.fromEntries(taken)).toEqual({ [MORNING]: 2, [AFTERNOON]: 1 });
  await context.close();
});

test('the clerk reads the bookings per option and raises a full session by keyboard; the next applicant gets in', async () => {
  const admin = await makeUser(live().ctx.storage, 'municipal-admin', MITO);
  for (const width of [360, 1280]) {
    const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${live().url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(admin.email);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
    await page.goto(`${live().url}/staff/procedures`);
    await page.getByRole('link', { name: '「市民講座の申込」の定員と予約状況' }).click();
    await page.getByRole('heading', { level: 1, name: /定員と予約状況/ }).waitFor();
    const morning = page.getByRole('row', { name: new RegExp(MORNING) });
    await morning.getByText('2 / 2').waitFor();
    await morning.getByText('満員').waitFor();
    expect(
      await page
        .getByRole('row', { name: new RegExp(EVENING) })
        .getByText('定員なし')
        .count(),
    ).toBe(1);
    await morning.getByText('予約した申請（2件）').click();
    expect(await morning.locator('.capacity__bookings a').count()).toBe(2);
    await page.screenshot({ path: screenshotPath(`staff-capacity-${width}`), fullPage: true });
    if (width !== 1280) continue;

    // Lowering below what is taken is refused in words; raising by keyboard alone (focus, type, Enter).
    const input = page.getByLabel(`「${MORNING}」の定員`);
    await input.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('定員は、予約済みの数（2）より少なくできません。').waitFor();
    await input.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`「${MORNING}」の定員を3にしました。`).waitFor();
    await morning.getByText('2 / 3').waitFor();
    await morning.getByText('残り1').waitFor();
    await applyByApi(MORNING);
    await page.reload();
    await page
      .getByRole('row', { name: new RegExp(MORNING) })
      .getByText('3 / 3')
      .waitFor();
    await page.screenshot({ path: screenshotPath('staff-capacity-raised-1280'), fullPage: true });
  }
});
