/**
 * The resident form on a phone: headless Chromium with the CPU slowed 4× and Chrome DevTools' "Slow 4G"
 * network profile (both through the DevTools protocol), timed from navigation until the form is usable —
 * its first field is in the DOM, a frame has been painted after it, and it takes focus. First visit with an
 * empty cache, then the repeat visit in the same browser context (cache warm: the hashed assets are immutable,
 * so only the page and the API are fetched again). Rounds interleave the presets; medians are reported.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { loadPresets } from '@madoguchi/presets';
import { launchBrowser } from '../tests/helpers/browser';
import { median, startChild } from './lib';

const CODE = '082015';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'ja-JP' };

/** Chrome DevTools' "Slow 4G" preset (SDK.NetworkManager.Slow4GConditions): ~1.6 Mbps down, 0.75 up, 150 ms RTT × 3.75. */
export const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 };
export const CPU_SLOWDOWN = 4;
export const TARGETS = { firstVisitMs: 3500, repeatVisitMs: 1500 };

/** 罹災証明書, and the preset with the most questions (leaf fields of its schema). */
export function phonePresets(): string[] {
  const fields = (s: unknown): number => {
    if (!s || typeof s !== 'object') return 0;
    const o = s as { properties?: Record<string, unknown>; items?: unknown };
    if (o.properties) return Object.values(o.properties).reduce<number>((n, p) => n + fields(p), 0);
    return o.items ? fields(o.items) : 1;
  };
  const longest = loadPresets().reduce((a, b) => (fields(b.schema) > fields(a.schema) ? b : a));
  return ['risai-shomeisho', ...(longest.procedure.id === 'risai-shomeisho' ? [] : [longest.procedure.id])];
}

// Browser-side code as source text (tsx would wrap named functions in a `__name` helper the page lacks).
/** Before the page's scripts: notes when the first field of the resident form is usable. */
const WATCH_USABLE = `(() => {
  const marks = {};
  window.__phone = marks;
  const selector = 'form.resident-form input:not([type=hidden]), form.resident-form select, form.resident-form textarea';
  const observer = new MutationObserver(() => {
    const field = document.querySelector(selector);
    if (!field || marks.inDom !== undefined) return;
    marks.inDom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      field.focus();
      marks.focused = document.activeElement === field;
      marks.usable = performance.now();
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function timeToUsable(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  let marks: { usable?: number; focused?: boolean } = {};
  for (const deadline = Date.now() + 60_000; marks.usable === undefined; await new Promise((r) => setTimeout(r, 25))) {
    if (Date.now() > deadline) throw new Error(`${url}: no usable form field within 60 s`);
    marks = ((await page.evaluate('window.__phone').catch(() => undefined)) as typeof marks | undefined) ?? {};
  }
  if (!marks.focused) throw new Error(`${url}: the first field did not take focus`);
  return Math.round(marks.usable);
}

async function visitTwice(browser: Browser, base: string, preset: string): Promise<{ first: number; repeat: number; repeatFromCache: number }> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: WATCH_USABLE });
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // `?step=1`: the first section's questions (a long form opens on its overview; this is its 「最初の項目から入力する」).
    const url = `${base}/m/${CODE}/p/${preset}/apply?step=1`;
    const first = await timeToUsable(page, url);
    await page.waitForLoadState('networkidle');
    // The repeat visit: scripts the browser takes from its cache without asking the server (immutable hashed assets).
    let fromCache = 0;
    cdp.on('Network.requestServedFromCache', () => fromCache++);
    const repeat = await timeToUsable(page, url);
    return { first, repeat, repeatFromCache: fromCache };
  } finally {
    await context.close();
  }
}

export interface PhoneFigures {
  preset: string;
  firstVisitMs: number;
  repeatVisitMs: number;
  /** Requests the repeat visit took from the browser's cache without revalidating (median): the immutable hashed assets. */
  requestsFromCache: number;
  rounds: number;
}

export async function benchPhone(options: { rounds: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-phone-bench-'));
  const server = await startChild(['server/dist/main.js'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, /serving on http:\/\/localhost:(\d+)/);
  const browser = await launchBrowser();
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const presets = phonePresets();
    const runs = new Map<string, Array<{ first: number; repeat: number; repeatFromCache: number }>>(presets.map((p) => [p, []]));
    for (let round = 0; round < options.rounds; round++) for (const preset of presets) runs.get(preset)!.push(await visitTwice(browser, base, preset));
    const figures: PhoneFigures[] = presets.map((preset) => {
      const r = runs.get(preset)!;
      return {
        preset,
        firstVisitMs: median(r.map((x) => x.first)),
        repeatVisitMs: median(r.map((x) => x.repeat)),
        requestsFromCache: median(r.map((x) => x.repeatFromCache)),
        rounds: r.length,
      };
    });
    return { cpuSlowdown: CPU_SLOWDOWN, network: SLOW_4G, targets: TARGETS, figures };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
