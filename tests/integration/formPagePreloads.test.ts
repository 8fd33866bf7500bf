/**
 * The form page names its chunks in its HTML (server/src/http/formPagePreloads.ts), so a phone on a slow
 * network fetches them together with the entry script instead of one lazy import after another, and carries
 * the API answers it starts with (server/src/http/formPageAnswers.ts). Other pages are served as built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { CLIENT_DIST } from '../../server/src/app';
import { EARLY_ANSWERS_ELEMENT_ID } from '@madoguchi/shared';
import { chunksOf, withAnswers } from '../../server/src/http/formPagePreloads';
import { buildApp, type TestApp } from '../helpers/buildApp';

const manifest = JSON.parse(readFileSync(join(CLIENT_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string }>;
const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+)">/g)].map((m) => m[1]);

let ctx: TestApp;
beforeAll(async () => {
  ctx = await buildApp({ clientDist: CLIENT_DIST });
});
afterAll(async () => ctx.close());

test('the form page preloads the resident app, the form page and the form renderer; each is served', async () => {
  const res = await request(ctx.app).get('/m/082015/p/risai-shomeisho/apply?step=1').expect(200);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.headers['cache-control']).toBe('no-cache');
  const named = preloads(res.text);
  expect(named).toEqual(expect.arrayContaining([manifest['src/resident/ResidentApp.tsx']!.file, manifest['src/resident/apply/ApplyPage.tsx']!.file]));
  // Everything the form page imports statically, and nothing named twice.
  expect(new Set(named).size).toBe(named.length);
  expect(named.length).toBeGreaterThanOrEqual(4);
  for (const file of named) await request(ctx.app).get(`/${file}`).expect(200);
});

const dataPreloads = (html: string) => [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map((m) => m[1]!);
/** The answers the page carries (URL → body), as the browser's entry script reads them. */
const carried = (html: string): Record<string, unknown> => {
  const match = new RegExp(`<script type="application/json" id="${EARLY_ANSWERS_ELEMENT_ID}">([^<]*)</script>`).exec(html);
  return match ? (JSON.parse(match[1]!) as Record<string, unknown>) : {};
};

test('the form page carries its API answers, under URLs in the language of its cookie, each what the API answers', async () => {
  const ja = await request(ctx.app).get('/m/082015/p/risai-shomeisho/apply').expect(200);
  expect(ja.headers.vary).toMatch(/Cookie/);
  const answers = carried(ja.text);
  const urls = ['/api/v1/municipalities/082015/procedures/risai-shomeisho?lang=ja', '/api/v1/municipalities/082015?lang=ja', '/api/v1/municipalities/082015/disasters?lang=ja'];
  expect(Object.keys(answers)).toEqual(urls);
  // Nothing left for the browser to ask for.
  expect(dataPreloads(ja.text)).toEqual([]);
  for (const url of urls) expect(answers[url]).toEqual((await request(ctx.app).get(url).expect(200)).body);
  expect((answers[urls[0]!] as { procedure: { id: string } }).procedure.id).toBe('risai-shomeisho');

  const en = await request(ctx.app).get('/m/082015/p/risai-shomeisho/apply').set('Cookie', 'other=1; madoguchi_lang=en').expect(200);
  expect(Object.keys(carried(en.text))).toEqual(urls.map((u) => u.replace('lang=ja', 'lang=en')));
});

test('an answer the server cannot give is left to the browser, named for it to preload; its error comes in the language of its URL', async () => {
  const res = await request(ctx.app).get('/m/082015/p/no-such/apply').expect(200);
  expect(dataPreloads(res.text)).toEqual(['/api/v1/municipalities/082015/procedures/no-such?lang=ja']);
  expect(Object.keys(carried(res.text))).toEqual(['/api/v1/municipalities/082015?lang=ja', '/api/v1/municipalities/082015/disasters?lang=ja']);
  // The URL's language wins over the browser's Accept-Language (a preload sends the browser's own).
  const missing = await request(ctx.app).get('/api/v1/municipalities/082015/procedures/no-such?lang=ja').set('Accept-Language', 'en-US,en').expect(404);
  expect(missing.body.error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  const missingEn = await request(ctx.app).get('/api/v1/municipalities/082015/procedures/no-such?lang=en').set('Accept-Language', 'ja').expect(404);
  expect(missingEn.body.error.message).not.toMatch(/[ぁ-んァ-ン一-龥]/);
  // No such municipality: nothing is carried.
  const nowhere = await request(ctx.app).get('/m/999999/p/risai-shomeisho/apply').expect(200);
  expect(carried(nowhere.text)).toEqual({});
  expect(dataPreloads(nowhere.text)).toHaveLength(3);
});

test('a form page whose path cannot be decoded carries and names no API answers', async () => {
  const res = await request(ctx.app).get('/m/%E0%A4%A/p/risai-shomeisho/apply').expect(200);
  expect(dataPreloads(res.text)).toEqual([]);
  expect(carried(res.text)).toEqual({});
});

test('text in a carried answer cannot close its element or start a script', () => {
  const html = '<html><head></head><body><div id="root"></div></body></html>';
  const hostile = { title: '</script><script>alert(1)</script><!--', lines: 'a\u2028b\u2029c' };
  const page = withAnswers(html, { answered: { '/api/v1/x?lang=ja': hostile }, unanswered: [] });
  expect(page.match(/<script/g)).toHaveLength(1);
  expect(page).not.toContain('</script><script>');
  expect(page).not.toContain('<!--');
  expect(carried(page)).toEqual({ '/api/v1/x?lang=ja': hostile });
});

test('other pages are the built index.html as it is', async () => {
  const built = readFileSync(join(CLIENT_DIST, 'index.html'), 'utf8');
  for (const path of ['/', '/m/082015', '/m/082015/p/risai-shomeisho', '/m/082015/p/risai-shomeisho/apply/extra']) {
    const res = await request(ctx.app).get(path).expect(200);
    expect(res.text).toBe(built);
  }
});

test('chunksOf follows static imports once and collects their styles', () => {
  const m = {
    'src/a.tsx': { file: 'assets/a.js', imports: ['_shared.js', '_b.js'], css: ['assets/a.css'] },
    '_b.js': { file: 'assets/b.js', imports: ['_shared.js'] },
    '_shared.js': { file: 'assets/shared.js', imports: ['src/a.tsx'] },
  };
  expect(chunksOf(m, ['src/a.tsx', 'src/missing.tsx'])).toEqual({ js: ['assets/a.js', 'assets/shared.js', 'assets/b.js'], css: ['assets/a.css'] });
});
