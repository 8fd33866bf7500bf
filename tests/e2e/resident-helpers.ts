/**
 * Drives the resident form in a real browser the way a person would: fills
 * each step from a preset's examples/valid.json by the field ids RJSF gives
 * (`root_<path joined by _>`), choosing radios, checkboxes and selects by
 * their visible labels and dates through the 和暦 widget (in 西暦 mode).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const PRESETS_DIR = join(__dirname, '..', '..', 'presets', 'procedures');

export interface PresetFiles {
  definition: { procedure: { title: string; attachments: Array<{ id: string; label: string }> }; form: { uiSchema: { 'ui:options'?: { steps?: Array<{ title: string; fields: string[] }> } } } };
  valid: Record<string, unknown>;
}

export function readPreset(id: string): PresetFiles {
  return {
    definition: JSON.parse(readFileSync(join(PRESETS_DIR, id, 'definition.json'), 'utf8')),
    valid: JSON.parse(readFileSync(join(PRESETS_DIR, id, 'examples', 'valid.json'), 'utf8')),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text of the option labels of a radio/checkbox group whose ids start with `${id}-`. */
async function optionIndex(page: Page, id: string, label: string): Promise<number> {
  const labels = await page.locator(`label[for^="${id}-"]`).allTextContents();
  // A choice with a capacity (定員) carries its badge in the label: 「…午前残り30」「…満員」.
  const index = labels.findIndex((l) => l.trim() === label || l.trim().replace(/(残り\d+|満員)$/, '') === label);
  if (index < 0) throw new Error(`No option "${label}" for ${id} (have: ${labels.join(' / ')})`);
  return index;
}

async function fillLeaf(page: Page, id: string, value: unknown): Promise<void> {
  const el = page.locator(`[id="${id}"]`);
  if ((await el.count()) === 0) {
    // A radio or checkbox group: its options are `${id}-0`, `${id}-1`, …
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const label = v === true ? 'はい' : v === false ? 'いいえ' : String(v);
      const index = await optionIndex(page, id, label);
      await page.locator(`[id="${id}-${index}"]`).check();
    }
    return;
  }
  const tag = await el.evaluate((node) => (node as unknown as { tagName: string }).tagName.toLowerCase());
  const type = await el.getAttribute('type');
  if (tag === 'select') {
    await el.selectOption({ label: String(value) });
  } else if (type === 'checkbox') {
    if (value === true) await el.check();
    else await el.uncheck();
  } else if ((await page.locator(`[id="${id}-calendar"]`).count()) > 0) {
    // The 和暦 date widget, switched to 西暦 so the ISO date can be typed as is.
    const [y, m, d] = String(value).split('-').map(Number);
    await page.locator(`[id="${id}-calendar"]`).selectOption('西暦');
    await el.fill(String(y));
    await page.locator(`[id="${id}-month"]`).selectOption(String(m));
    await page.locator(`[id="${id}-day"]`).selectOption(String(d));
  } else {
    await el.fill(String(value));
    await el.blur();
  }
}

/** Fills one value (object, repeated group or leaf) at RJSF id `id`. */
export async function fillValue(page: Page, id: string, value: unknown): Promise<void> {
  if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) await fillValue(page, `${id}_${key}`, v);
    return;
  }
  if (Array.isArray(value) && value.some(isObject)) {
    // Repeated group: add entries until there are enough, then fill each.
    for (let i = 0; i < value.length; i++) {
      if ((await page.locator(`[id="${id}_${i}"]`).count()) === 0) await page.locator(`[id="${id}"] > .array__add, [id="${id}"] .array__add`).first().click();
      await fillValue(page, `${id}_${i}`, value[i]);
    }
    return;
  }
  await fillLeaf(page, id, value);
}

/** Fills the top-level fields of the current step with their example values. */
export async function fillStep(page: Page, fields: string[], valid: Record<string, unknown>): Promise<void> {
  for (const field of fields) if (field in valid) await fillValue(page, `root_${field}`, valid[field]);
}

/** 「子どもが生まれたとき」: no child allowance yet, not a public servant, thinking of a nursery (3 online procedures apply). */
export async function answerBirthGuide(page: Page): Promise<void> {
  await page
    .getByRole('group', { name: /ほかのお子さんの児童手当/ })
    .getByLabel('いいえ')
    .check();
  await page
    .getByRole('group', { name: /公務員ですか/ })
    .getByLabel('いいえ')
    .check();
  await page
    .getByRole('group', { name: /保育所/ })
    .getByLabel('はい')
    .check();
}

/** A real 1×1 PNG (valid signature, IHDR, IDAT, IEND). */
/** The step's forward button, named after where it leads: 「次へ進む」, 「添付書類へ進む」, 「入力内容を確認する」 or (a long form's section) 「保存して一覧に戻る」. */
export async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(次へ進む|添付書類へ進む|入力内容を確認する|保存して一覧に戻る)$/ }).click();
}

export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A minimal one-page PDF. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Attaches `buffer` to the attachment block `attachmentId` and waits until it is listed. */
export async function attachFile(page: Page, attachmentId: string, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  const block = page.locator(`#attachment-${attachmentId}`);
  await block.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  await block.locator('.file-list__name', { hasText: name }).waitFor();
  await block.locator('.file-list__item--uploading').waitFor({ state: 'detached' });
}

/** `document` inside `page.evaluate` (runs in the browser; the tests' TS project has no DOM lib). */
export interface PageDocument {
  activeElement: { id: string } | null;
  documentElement: { lang: string; scrollWidth: number };
}
