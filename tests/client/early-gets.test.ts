/**
 * The form page's data starts with the entry script (client/src/resident/apply/earlyApplyData.ts): apiFetch
 * takes that answer instead of asking again — once, for the same URL and language, while fresh.
 */
import { loadClient } from './clientModules';

const { apiFetch } = loadClient<{ apiFetch: (path: string, options: { language: 'ja' | 'en'; headers?: Record<string, string> }) => Promise<Response> }>('common/api/http');
const { startApplyPageData } = loadClient<{ startApplyPageData: (pathname: string) => boolean }>('resident/apply/earlyApplyData');

const calls: string[] = [];
beforeEach(() => {
  calls.length = 0;
  global.fetch = jest.fn(async (url: string | URL | Request) => {
    calls.push(String(url));
    return new Response(JSON.stringify({ url: String(url), n: calls.length }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
});
afterEach(() => jest.useRealTimers());

test('a form page starts its procedure, municipality and disasters at once; the page takes them without asking again', async () => {
  expect(startApplyPageData('/m/082015/p/risai-shomeisho/apply')).toBe(true);
  expect(calls).toEqual(['/api/v1/municipalities/082015/procedures/risai-shomeisho', '/api/v1/municipalities/082015', '/api/v1/municipalities/082015/disasters']);
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
  expect(calls.slice(3)).toEqual(['/api/v1/municipalities/082015?lang=en', '/api/v1/municipalities/082015']);
});

test('an early answer older than 30 s is not used', async () => {
  jest.useFakeTimers({ now: 1_000_000 });
  startApplyPageData('/m/082015/p/ninshin-todoke/apply');
  jest.setSystemTime(1_000_000 + 31_000);
  await apiFetch('/municipalities/082015/procedures/ninshin-todoke', { language: 'ja' });
  expect(calls).toHaveLength(4);
});
