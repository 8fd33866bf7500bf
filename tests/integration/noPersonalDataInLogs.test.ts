/**
 * No log line, error body or header ever carries a 個人番号 in clear, and every
 * page is served with the security headers (strict CSP, no inline script).
 */
import request from 'supertest';
import { Writable } from 'node:stream';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { myNumberCheckDigit } from '@madoguchi/shared';
import { CLIENT_DIST } from '../../server/src/app';
import { allPresets } from '../helpers/testApp';
import { buildApp, type TestApp } from '../helpers/buildApp';
import { makeTempDir } from '../helpers/tempDir';
import type { Answers } from '../helpers/answers';

const MY_NUMBER = `56781234567${myNumberCheckDigit('56781234567')}`;
const WRONG_MY_NUMBER = `56781234567${(myNumberCheckDigit('56781234567') + 1) % 10}`;

describe('personal data stays out of logs and error bodies', () => {
  it('logs nothing of the answers, even for invalid or failing requests', async () => {
    const dir = makeTempDir();
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) });
    const logger = pino({ level: 'trace' }, sink);
    const base = await buildApp({ dataDir: dir.path, logger, env: { RATE_LIMIT_INTAKE_PER_MIN: '0' } });
    const app = base.app;
    const example = structuredClone(allPresets().find((p) => p.procedure.id === 'jidou-teate-nintei')!.example!) as Answers;
    const url = '/api/v1/municipalities/082015/procedures/jidou-teate-nintei/submissions';
    const withNumber = (n: string) => JSON.parse(JSON.stringify(example).replace(/"\d{12}"/g, `"${n}"`));
    const bodies = [
      await request(app)
        .post(url)
        .send({ data: withNumber(MY_NUMBER) }),
      await request(app)
        .post(url)
        .send({ data: withNumber(WRONG_MY_NUMBER) }),
      await request(app).post(url).set('Content-Type', 'application/json').send(`{"data":{"myNumber":"${MY_NUMBER}"`),
      await request(app)
        .post(`${url}?myNumber=${MY_NUMBER}`)
        .send({ data: { myNumber: MY_NUMBER, __proto__x: 1 } }),
    ];
    // An accepted submission carrying the number too (罹災 needs no attachments).
    const risai = structuredClone(allPresets().find((p) => p.procedure.id === 'risai-shomeisho')!.example!);
    bodies.push(
      await request(app)
        .post('/api/v1/municipalities/082015/procedures/risai-shomeisho/submissions')
        .send({ data: { ...risai, note: MY_NUMBER } }),
    );
    expect(bodies.map((b) => b.status)).toEqual([422, 422, 400, 422, 201]);
    const everything = lines.join('\n') + bodies.map((b) => JSON.stringify(b.body) + JSON.stringify(b.headers)).join('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(everything).not.toContain(MY_NUMBER);
    expect(everything).not.toContain(WRONG_MY_NUMBER);
    await base.storage.close();
    dir.remove();
  });
});

describe.each([
  ['http', 'http://192.0.2.10:3000'],
  ['https', 'https://madoguchi.city.example.jp'],
])('security headers on every page (PUBLIC_URL %s)', (scheme, publicUrl) => {
  const https = scheme === 'https';
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await buildApp({ clientDist: CLIENT_DIST, env: { PUBLIC_URL: publicUrl } });
  });
  afterAll(() => ctx.close());

  it.each(['/', '/m/082015', '/m/082015/p/risai-shomeisho', '/status', '/staff/login', '/api/v1/health', '/api/v1/nope'])('%s', async (path) => {
    const res = await request(ctx.app).get(path);
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // One framing policy (CSP frame-ancestors), and no browser feature the app does not use.
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['permissions-policy']).toContain('geolocation=()');
    // Upgrading to https only where https is served: over plain HTTP it would blank the page.
    expect(csp.includes('upgrade-insecure-requests')).toBe(https);
    expect(res.headers['strict-transport-security'] !== undefined).toBe(https);
  });

  it('ships a page without inline script', () => {
    const html = join(CLIENT_DIST, 'index.html');
    expect(existsSync(html)).toBe(true);
    const scripts = readFileSync(html, 'utf8').match(/<script\b[^>]*>([\s\S]*?)<\/script>/g) ?? [];
    for (const tag of scripts) expect(tag).toMatch(/<script\b[^>]*\bsrc=/);
  });
});
