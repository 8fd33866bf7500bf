/** The visitor's side of the counter in the browser tests: the tablet's keypad and a signature drawn in the signature box. */
import type { Page } from 'playwright-core';

/** Types a code on the on-screen keypad. */
export async function tapCode(page: Page, code: string): Promise<void> {
  for (const digit of code) await page.getByRole('group', { name: '数字のボタン' }).getByRole('button', { name: digit, exact: true }).click();
}

const STROKES = [
  [
    [0.15, 0.6],
    [0.25, 0.35],
    [0.32, 0.7],
    [0.4, 0.4],
  ],
  [
    [0.5, 0.3],
    [0.55, 0.72],
    [0.7, 0.45],
    [0.85, 0.65],
  ],
];

/** Signs in the box: a few strokes across it, with the mouse or (as a finger would) with touch events. */
export async function sign(page: Page, by: 'mouse' | 'finger'): Promise<void> {
  await page.getByRole('img', { name: '署名欄' }).scrollIntoViewIfNeeded();
  const box = (await page.getByRole('img', { name: '署名欄' }).boundingBox())!;
  const at = (x: number, y: number) => ({ x: box.x + box.width * x, y: box.y + box.height * y });
  const cdp = by === 'finger' ? await page.context().newCDPSession(page) : null;
  for (const stroke of STROKES) {
    const points = stroke.flatMap(([x, y], i) => {
      if (i === 0) return [at(x!, y!)];
      const [px, py] = stroke[i - 1]!;
      return Array.from({ length: 8 }, (_, n) => at(px! + ((x! - px!) * (n + 1)) / 8, py! + ((y! - py!) * (n + 1)) / 8));
    });
    if (cdp) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]!] });
      for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } else {
      await page.mouse.move(points[0]!.x, points[0]!.y);
      await page.mouse.down();
      for (const p of points.slice(1)) await page.mouse.move(p.x, p.y);
      await page.mouse.up();
    }
  }
  await cdp?.detach();
}
