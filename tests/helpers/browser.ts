/**
 * Real-browser tests: Playwright-core driving Debian's chromium (never a
 * downloaded browser), with the flags this closed network needs.
 */
import { chromium, type Browser } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * `--disable-features=WebUIOmnibox…`: headless Chromium 15x builds the desktop address bar's popup (a WebUI page
 * and its ~80 modules) with every new window; on a 2-vCPU machine that work competed with the page under test and
 * added ~0.5 s to the bench's form render (issue 23). A phone's browser does not do it.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

/** `extraArgs`: e.g. `--host-resolver-rules=…` to reach the loopback server under another host name. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/** Where tests leave screenshots for people to look at (not committed). */
export function screenshotPath(name: string): string {
  const dir = join(__dirname, '..', '..', 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
