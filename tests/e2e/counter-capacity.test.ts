/**
 * 定員 at the counter (書かない窓口, issue #22): the clerk's form of a procedure with a limited
 * choice shows 残り／満員 like the resident form (the same widget and public count), so the clerk
 * never picks a full session with the visitor.
 */
import request from 'supertest';
import type { FormDocument } from '@madoguchi/shared';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildApp } from '../helpers/buildApp';
import { MITO, PASSWORD, StaffClient, makeUser } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';

const PROC = 'koza-madoguchi';
const MORNING = '6月1日（月）午前';
const AFTERNOON = '6月1日（月）午後';
const live = useLiveApp(() => buildApp({ clientDist: CLIENT_DIST, env: { LOGIN_RATE_LIMIT: '1000' } }));
const chrome = useBrowser();

test('the counter form of a procedure with places shows 残り and 満員 per option, the full one disabled', async () => {
  const { ctx, url } = live();
  const admin = new StaffClient(ctx.app);
  const email = (await makeUser(ctx.storage, 'municipal-admin', MITO, { displayName: '窓口 一郎' })).email;
  expect((await admin.login(email)).status).toBe(200);
  const cat = `/municipalities/${MITO}/catalog`;
  const created = (await admin.post(`${cat}/procedures`, { id: PROC, title: '講座の申込' }).expect(201)).body;
  const base = created.document as FormDocument;
  const document: FormDocument = {
    ...base,
    schema: {
      ...base.schema,
      required: ['name', 'session'],
      properties: {
        name: { type: 'string', title: '氏名', maxLength: 50 },
        session: { type: 'string', title: '参加する回', enum: [MORNING, AFTERNOON], 'x-capacity': { limits: { [MORNING]: 1, [AFTERNOON]: 5 } } },
      },
    },
  };
  await admin.send('put', `${cat}/procedures/${PROC}/draft`, { document, baseHash: created.latest.contentHash }).expect(200);
  await admin.post(`${cat}/procedures/${PROC}/publish`).expect(201);
  // A resident takes the morning's only place online.
  await request(ctx.app)
    .post(`/api/v1/municipalities/${MITO}/procedures/${PROC}/submissions`)
    .send({ data: { name: '水戸 太郎', session: MORNING } })
    .expect(201);

  const sessions = `/municipalities/${MITO}/counter/sessions`;
  const visit = (await admin.post(sessions).expect(201)).body.sessionId as string;
  await admin.post(`${sessions}/${visit}/start`, { desk: '1番窓口' }).expect(200);
  await admin.send('put', `${sessions}/${visit}/work`, { procedureIds: [PROC], shared: {}, answers: { [PROC]: { name: '窓口 花子' } }, sources: {} }).expect(200);

  const page = await (await chrome().newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
  await page.goto(`${url}/staff/counter/${visit}`);
  await page.locator('.counter-forms__item').filter({ hasText: '講座の申込' }).getByRole('button', { name: '入力する' }).click();
  const frame = (await (await page.locator('iframe[title="講座の申込"]').elementHandle())!.contentFrame())!;
  await frame.waitForSelector('form');
  const morning = frame.getByRole('radio', { name: new RegExp(MORNING) });
  await frame.getByText('満員').waitFor();
  await frame.getByText('残り5').waitFor();
  expect(await morning.isDisabled()).toBe(true);
  expect(await frame.getByRole('radio', { name: new RegExp(AFTERNOON) }).isDisabled()).toBe(false);
  await page.locator('iframe[title="講座の申込"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('counter-capacity-desktop') });
});
