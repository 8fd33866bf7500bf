/**
 * 書かない窓口 end to end in headless Chromium: a clerk issues a ticket, calls
 * the visitor, picks 「子どもが生まれたとき」 (three procedures), types the
 * shared part once, and fills the three forms, which open with it already in
 * them; every answer's source and every step's time is kept with the visit.
 */
import type { Frame, Page } from 'playwright-core';
import { screenshotPath } from '../helpers/browser';
import { useBrowser, useLiveApp } from '../helpers/e2eSetup';
import { buildApp } from '../helpers/buildApp';
import { makeUser, PASSWORD } from '../helpers/staffAuth';
import { CLIENT_DIST } from '../../server/src/app';
import { fillValue, readPreset } from './resident-helpers';

const live = useLiveApp(() => buildApp({ clientDist: CLIENT_DIST }));
const chrome = useBrowser();
const MITO = '082015';
const PROCEDURES = ['jidou-teate-nintei', 'hoiku-shikyu-nintei', 'hoiku-riyo-moshikomi'];

/** What the clerk types once in the shared part (the parent and the baby). */
const claimant = readPreset('jidou-teate-nintei').valid.claimant as Record<string, unknown>;
const SHARED = {
  applicant: {
    name: { familyName: '窓口', givenName: '花子', familyNameKana: 'マドグチ', givenNameKana: 'ハナコ' },
    birthDate: claimant.birthDate,
    address: claimant.address,
    phone: claimant.phone,
  },
  child: { name: { familyName: '窓口', givenName: '小太郎', familyNameKana: 'マドグチ', givenNameKana: 'コタロウ' } },
};
/** The fields of each form the shared part fills (the rest the clerk types). */
const SHARED_FIELDS: Record<string, string[]> = {
  'jidou-teate-nintei': ['/claimant/name', '/claimant/birthDate', '/claimant/address', '/claimant/phone', '/children/0/name'],
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

  // The shared part, typed once.
  const shared = await frameTitled(page, '共通の項目');
  for (const [group, values] of Object.entries(SHARED)) await fillValue(shared as unknown as Page, `root_${group}`, values);
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

  // What the server holds: the three forms with the name typed once, and when each was started and finished.
  const visit = (await live().ctx.storage.counterSessions.get(sessionId))!;
  expect(visit.procedureIds).toEqual(PROCEDURES);
  expect(visit.work.answers['hoiku-riyo-moshikomi']!.guardian).toMatchObject({ name: SHARED.applicant.name });
  expect(visit.steps.filter((s) => s.kind === 'procedureFinished').map((s) => s.procedureId)).toEqual(PROCEDURES);
  expect(problems).toEqual([]);
});
