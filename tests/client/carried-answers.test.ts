/**
 * The form page's HTML carries the answers it starts with (server/src/http/formPageAnswers.ts): the entry
 * script takes them from the page instead of asking the server (client/src/common/api/earlyGets.ts) — each
 * once, and only under the URL, language included, the page asks for.
 */
import { EARLY_ANSWERS_ELEMENT_ID } from '@madoguchi/shared';

type Http = { apiFetch: (path: string, options: { language: 'ja' | 'en' }) => Promise<Response> };
type Early = { startApplyPageData: (pathname: string) => boolean };

const calls: string[] = [];
beforeEach(() => {
  calls.length = 0;
  global.fetch = jest.fn(async (url: string | URL | Request) => {
    calls.push(String(url));
    return new Response(JSON.stringify({ from: 'server', url: String(url) }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
});
afterEach(() => delete (globalThis as { document?: unknown }).document);

/** The client's modules as a page with this element text loads them (a fresh module instance each time). */
function pageWith(elementText: string | undefined): Http & Early {
  const element = elementText === undefined ? null : { textContent: elementText };
  Object.assign(globalThis, { document: { cookie: '', documentElement: { lang: 'ja' }, getElementById: (id: string) => (id === EARLY_ANSWERS_ELEMENT_ID ? element : null) } });
  let modules!: Http & Early;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    modules = { ...(require('../../client/src/common/api/http') as Http), ...(require('../../client/src/resident/apply/earlyApplyData') as Early) };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return modules;
}

const procedure = { procedure: { id: 'risai-shomeisho' }, version: { version: 3 } };
const municipality = { code: '082015', name: '水戸市' };

test('carried answers are taken from the page, once; one in another language, or not carried, is asked for', async () => {
  const page = pageWith(
    JSON.stringify({
      '/api/v1/municipalities/082015/procedures/risai-shomeisho?lang=ja': procedure,
      '/api/v1/municipalities/082015?lang=ja': municipality,
      '/api/v1/municipalities/082015/disasters?lang=en': { items: [] },
    }),
  );
  expect(page.startApplyPageData('/m/082015/p/risai-shomeisho/apply')).toBe(true);
  expect(calls).toEqual(['/api/v1/municipalities/082015/disasters?lang=ja']);
  expect(await (await page.apiFetch('/municipalities/082015/procedures/risai-shomeisho', { language: 'ja' })).json()).toEqual(procedure);
  expect(await (await page.apiFetch('/municipalities/082015', { language: 'ja' })).json()).toEqual(municipality);
  expect(calls).toHaveLength(1);
  // Taken once: asking again (a reload of the page's data) goes to the server.
  expect(await (await page.apiFetch('/municipalities/082015', { language: 'ja' })).json()).toEqual({ from: 'server', url: '/api/v1/municipalities/082015?lang=ja' });
  expect(calls).toHaveLength(2);
});

test('a page without the element, or with an unreadable one, asks for everything', async () => {
  for (const text of [undefined, '{"/api/v1/municipalities/082015?lang=ja": {"cut off']) {
    calls.length = 0;
    const page = pageWith(text);
    page.startApplyPageData('/m/082015/p/risai-shomeisho/apply');
    expect(calls).toHaveLength(3);
    expect(await (await page.apiFetch('/municipalities/082015', { language: 'ja' })).json()).toEqual({ from: 'server', url: '/api/v1/municipalities/082015?lang=ja' });
  }
});
