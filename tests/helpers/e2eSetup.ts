/**
 * The shared set-up of browser tests: the real app (built client included)
 * listening on a free loopback port, and Debian's Chromium, both started
 * before the file's tests and stopped after them.
 *
 * ```ts
 * const live = useLiveApp(() => buildInboxApp({}, undefined, { clientDist: CLIENT_DIST }));
 * const chrome = useBrowser();
 * test('…', async () => { const page = await chrome().newPage(); await page.goto(live().url); });
 * ```
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

export interface LiveApp<T extends { app: Express; close: () => Promise<void> }> {
  url: string;
  ctx: T;
}

/** Builds the app with `build` and listens on 127.0.0.1 for the tests of this file. */
export function useLiveApp<T extends { app: Express; close: () => Promise<void> }>(build: () => Promise<T>): () => LiveApp<T> {
  let live: LiveApp<T> | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    const ctx = await build();
    server = await new Promise<Server>((resolve) => {
      const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    live = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, ctx };
  });
  afterAll(async () => {
    // The browser may still hold keep-alive connections (it is closed by its own hook): end them, or close() waits for them.
    server?.closeAllConnections();
    if (server) await new Promise((r) => server!.close(r));
    await live?.ctx.close();
  });
  return () => live!;
}

/** Chromium for the tests of this file (`extraArgs`: e.g. host-resolver rules). */
export function useBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
