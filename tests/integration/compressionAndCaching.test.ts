/**
 * What a phone on a slow network receives: the built scripts as brotli or
 * gzip (the copy made at build time, chosen by Accept-Encoding), cached for a
 * year because their names carry a content hash; the page itself revalidated
 * on every visit (304 when unchanged); JSON answers compressed too; staff answers never stored, so sent without an ETag.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLIENT_DIST } from '../../server/src/app';
import { buildApp, type TestApp } from '../helpers/buildApp';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET over real HTTP that keeps the bytes as sent (supertest would decode them). */
function rawGet(server: Server, path: string, acceptEncoding: string): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('compression and caching', () => {
  let ctx: TestApp;
  let server: Server;
  const entry = readdirSync(join(CLIENT_DIST, 'assets')).find((f) => /^index-.*\.js$/.test(f))!;
  const original = readFileSync(join(CLIENT_DIST, 'assets', entry));
  beforeAll(async () => {
    ctx = await buildApp({ clientDist: CLIENT_DIST });
    server = await new Promise((resolve) => {
      const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
    });
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await ctx.close();
  });

  it('sends the brotli copy of a hashed script to a browser that accepts it, cached for a year', async () => {
    const res = await rawGet(server, `/assets/${entry}`, 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(res.headers['cache-control']).toMatch(/immutable/);
    const body = res.body;
    expect(body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(body).equals(original)).toBe(true);
  });

  it('falls back to gzip, and to the plain file', async () => {
    const gz = await rawGet(server, `/assets/${entry}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await rawGet(server, `/assets/${entry}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('revalidates the page itself, so a new deployment is seen at once', async () => {
    for (const path of ['/', '/m/082015/p/risai-shomeisho']) {
      const res = await request(ctx.app).get(path).expect(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      // Revalidation is cheap: the repeat visit gets 304 and no body when the page did not change.
      expect(res.headers.etag).toBeTruthy();
      await request(ctx.app).get(path).set('If-None-Match', res.headers.etag!).expect(304);
    }
  });

  it('sends staff answers without an ETag: they are never stored, so never revalidated', async () => {
    const res = await request(ctx.app).get('/api/v1/staff/session').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Refusals and unknown staff paths too: they are answered inside the staff app, not by the parent's error handler.
    for (const [path, status] of [
      ['/api/v1/staff/municipalities/082015/inbox', 401],
      ['/api/v1/staff/no-such-thing', 404],
    ] as const) {
      const refused = await request(ctx.app).get(path).expect(status);
      expect(refused.headers['cache-control']).toBe('no-store');
      expect(refused.headers.etag).toBeUndefined();
      expect(refused.body.error.message).toMatch(/[ぁ-んァ-ン一-龥]/); // in Japanese, as any API error
    }
    // The public API keeps its ETag.
    expect((await request(ctx.app).get('/api/v1/openapi.json').expect(200)).headers.etag).toBeTruthy();
  });

  it('answers an unknown asset with 404, never with the page', async () => {
    await request(ctx.app).get('/assets/index-nothere.js').expect(404);
  });

  it('compresses JSON answers', async () => {
    const res = await rawGet(server, `/api/v1/municipalities?q=${encodeURIComponent('かわ')}`, 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.body).toString()).items.length).toBeGreaterThan(10);
    const gz = await rawGet(server, '/api/v1/openapi.json', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
  });
});
