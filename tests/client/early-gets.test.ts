/**
 * The form page's data starts with the entry script (client/src/resident/apply/earlyApplyData.ts): apiFetch
 * takes that answer instead of asking again — once, for the same URL and language, while fresh.
 */
import { loadClient } from './clientModules';

const { apiFetch } = loadClient<{ apiFetch: (path: string, options: { language: 'ja' | 'en'; headers?: Record<string, string> }) => Promise<Response> }>('common/api/http');
const { startApplyPageData } = loadClient<{ startApplyPageData: (pathname: string) => boolean }>('resident/apply/earlyApplyData');

const calls: string[] = [];
/** The headers each request was sent with (none for the early ones: they must match the page's preloads). */
const headersOf: Array<Record<string, string> | undefined> = [];
beforeEach(() => {
  calls.length = 0;
  headersOf.length = 0;
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push(String(url));
    headersOf.push(init?.headers as Record<string, string> | undefined);
    return new Response(JSON.stringify({ url: String(url), n: calls.length }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
});
afterEach(() => jest.useRealTimers());

test('a form page starts its procedure, municipality and disasters at once; the page takes them without asking again', async () => {
  expect(startApplyPageData('/m/082015/p/risai-shomeisho/apply')).toBe(true);
  expect(calls).toEqual(['/api/v1/municipalities/082015/procedures/risai-shomeisho?lang=ja', '/api/v1/municipalities/082015?lang=ja', '/api/v1/municipalities/082015/disasters?lang=ja']);
  // Plain GETs like the page's <link rel=preload as=fetch>: a request with other headers would not take the preload.
  expect(headersOf).toEqual([undefined, undefined, undefined]);
  const procedure = await (await apiFetch('/municipalities/082015/procedures/risai-shomeisho', { language: 'ja' })).json();
  expect(procedure.n).toBe(1);
  expect(calls).toHaveLength(3);
  // Taken once: asking again (a reload of the page's data) goes to the server.
  await apiFetch('/municipalities/082015/procedures/risai-shomeisho', { language: 'ja' });
  expect(calls).toHaveLength(4);
});

test('other pages start nothing; another language or a request with headers is asked for anew', async () => {
  expect(startApplyPageData('/m/082015/p/risai-shomeisho/status')).toBe(false);
  expect(calls).toEqual([]);
  startApplyPageData('/m/082015/p/risai-shomeisho/apply');
  await apiFetch('/municipalities/082015', { language: 'en' });
  await apiFetch('/municipalities/082015', { language: 'ja', headers: { 'X-Resume-Secret': 's' } });
  expect(calls.slice(3)).toEqual(['/api/v1/municipalities/082015?lang=en', '/api/v1/municipalities/082015?lang=ja']);
});

test('an early answer older than 30 s is not used', async () => {
  jest.useFakeTimers({ now: 1_000_000 });
  startApplyPageData('/m/082015/p/ninshin-todoke/apply');
  jest.setSystemTime(1_000_000 + 31_000);
  await apiFetch('/municipalities/082015/procedures/ninshin-todoke', { language: 'ja' });
  expect(calls).toHaveLength(4);
});

test('the language is in every URL: an English resident starts the English answers, and a malformed path starts nothing', async () => {
  const { setLanguage } = loadClient<{ setLanguage: (l: 'ja' | 'en') => void }>('common/i18n/languageStore');
  // The little of a document the language store writes to (this file runs in node, which has fetch's Response).
  const page = { cookie: '', documentElement: { lang: 'ja' } };
  Object.assign(globalThis, { document: page });
  setLanguage('en');
  expect(page.cookie).toMatch(/^madoguchi_lang=en;/); // what the server reads to preload the English answers
  try {
    startApplyPageData('/m/082015/p/risai-shomeisho/apply');
    expect(calls).toEqual(['/api/v1/municipalities/082015/procedures/risai-shomeisho?lang=en', '/api/v1/municipalities/082015?lang=en', '/api/v1/municipalities/082015/disasters?lang=en']);
    expect(await (await apiFetch('/municipalities/082015', { language: 'en' })).json()).toEqual({ url: '/api/v1/municipalities/082015?lang=en', n: 2 });
    expect(startApplyPageData('/m/%E0%A4%A/p/risai-shomeisho/apply')).toBe(false);
    expect(calls).toHaveLength(3);
  } finally {
    setLanguage('ja');
    delete (globalThis as { document?: unknown }).document;
  }
});
