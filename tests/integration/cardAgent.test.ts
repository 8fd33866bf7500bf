/**
 * The card-reader agent through real PC/SC: pcscd with vsmartcard's vpcd
 * reader, a virtual My Number Card plugged into it (its own process), the
 * agent reading it with the native binding, and its HTTP API on 127.0.0.1.
 * No physical card or reader is used here.
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { ensurePcscd, startCardAgentHarness, stopOurPcscd, TEST_CARDS, type CardAgentHarness } from '../helpers/cardAgentHarness';
import { startCardAgent } from '../../card-agent/src/index';

const CONSOLE = 'http://localhost:3000';

interface CallOptions {
  origin?: string | null;
  token?: string;
  body?: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the agent's JSON answers, checked field by field
type Json = any;

async function call(url: string, method: string, path: string, options: CallOptions = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const origin = options.origin === undefined ? CONSOLE : options.origin;
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(origin === null ? {} : { Origin: origin }),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

async function pair(h: CardAgentHarness): Promise<string> {
  const answer = await call(h.agentUrl, 'POST', '/pair', { body: { code: h.pairingCode } });
  expect(answer.status).toBe(200);
  return answer.body.token as string;
}

let harness: CardAgentHarness | null = null;

beforeAll(() => ensurePcscd());
afterEach(async () => {
  await harness?.close();
  harness = null;
});
afterAll(() => stopOurPcscd());

describe('reading the card through PC/SC', () => {
  it('reports the reader and the card, then reads the 基本4情報 after pairing', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.standard);
    const status = await call(harness.agentUrl, 'GET', '/status');
    expect(status.body).toMatchObject({ agent: 'madoguchi-card-agent', pcscAvailable: true, readerPresent: true, cardPresent: true, readerName: 'Virtual PCD 00 00' });
    const token = await pair(harness);
    const read = await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: '1234' } });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ name: '窓口 花子', address: '茨城県水戸市笠原町978番6', birthdate: '1985-04-07', sex: '女', sexCode: '2' });
    expect(read.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect((await harness.card.state()).commands).not.toContain('SELECT EF 0001');
  });

  it('reads a long address (several READ BINARY commands)', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.longAddress);
    const token = await pair(harness);
    const read = await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: TEST_CARDS.longAddress.pin } });
    expect(read.body).toMatchObject({ address: TEST_CARDS.longAddress.address, birthdate: '1970-01-01', sex: '男' });
  });

  it('a wrong PIN says how many tries are left and reads nothing', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.standard);
    const token = await pair(harness);
    const wrong = await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: '9999' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'pin_wrong', attemptsLeft: 2, message: { ja: '暗証番号が違います。あと2回間違えるとロックされます。' } });
    const card = await harness.card.state();
    expect(card.triesLeft).toBe(2);
    expect(card.commands.some((c) => c.startsWith('READ BINARY') || c === 'SELECT EF 0002')).toBe(false);
    // The token still works and the right PIN then reads (and restores the tries).
    expect((await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: '1234' } })).status).toBe(200);
    expect((await harness.card.state()).triesLeft).toBe(3);
  });

  it('a PIN that is not 4 digits never reaches the card', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.standard);
    const token = await pair(harness);
    const answer = await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: '12a4' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('pin_format');
    expect((await harness.card.state()).commands).toEqual([]);
  });

  it('with one try left the PIN is only sent when the request says so', async () => {
    harness = await startCardAgentHarness({ ...TEST_CARDS.standard, triesLeft: 1 });
    const token = await pair(harness);
    const refused = await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: '1234' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'pin_last_attempt', attemptsLeft: 1 });
    expect((await harness.card.state()).commands).not.toContain('VERIFY');
    const read = await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: '1234', allowLastAttempt: true } });
    expect(read.status).toBe(200);
  });

  it('a locked PIN gets the blocked message in ja and en', async () => {
    harness = await startCardAgentHarness({ ...TEST_CARDS.standard, triesLeft: 0 });
    const token = await pair(harness);
    const answer = await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: '1234', allowLastAttempt: true } });
    expect(answer.status).toBe(423);
    expect(answer.body.error.code).toBe('pin_blocked');
    expect(answer.body.error.message.ja).toContain('ロックされています');
    expect(answer.body.error.message.en).toContain('locked');
  });
});

describe('who may use the agent', () => {
  it('refuses a page from another origin: 403 with ja/en and no CORS header, also for the preflight', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.standard);
    for (const [method, path] of [
      ['GET', '/status'],
      ['POST', '/pair'],
      ['OPTIONS', '/basic-info'],
    ] as const) {
      const answer = await call(harness.agentUrl, method, path, { origin: 'http://localhost:3001', ...(method === 'POST' ? { body: { code: harness.pairingCode } } : {}) });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      if (method !== 'OPTIONS')
        expect(answer.body.error).toMatchObject({ code: 'origin_refused', message: { ja: expect.stringContaining('許可されていない'), en: expect.stringContaining('not allowed') } });
    }
  });

  it('answers the preflight of the console with CORS and Private Network Access headers', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.standard);
    const response = await fetch(`${harness.agentUrl}/basic-info`, {
      method: 'OPTIONS',
      headers: { Origin: CONSOLE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,authorization', 'Access-Control-Request-Private-Network': 'true' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('refuses state-changing calls without an Origin, and a Host that is not loopback', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.standard);
    expect((await call(harness.agentUrl, 'POST', '/pair', { origin: null, body: { code: harness.pairingCode } })).status).toBe(403);
    expect((await call(harness.agentUrl, 'GET', '/status', { origin: null })).status).toBe(200);
    const port = Number(new URL(harness.agentUrl).port);
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/status', headers: { Host: `attacker.example:${port}`, Origin: CONSOLE } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
  });

  it('reads nothing without pairing; a wrong code is refused and pairing locks after 5', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.standard);
    const unpaired = await call(harness.agentUrl, 'POST', '/basic-info', { body: { pin: '1234' } });
    expect(unpaired.status).toBe(401);
    expect(unpaired.body.error.code).toBe('not_paired');
    expect((await call(harness.agentUrl, 'POST', '/basic-info', { token: 'made-up', body: { pin: '1234' } })).status).toBe(401);
    const wrong = harness.pairingCode === '000000' ? '000001' : '000000';
    for (let i = 1; i < 5; i++) {
      const answer = await call(harness.agentUrl, 'POST', '/pair', { body: { code: wrong } });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('pairing_code_wrong');
    }
    expect((await call(harness.agentUrl, 'POST', '/pair', { body: { code: wrong } })).body.error.code).toBe('pairing_locked');
    const right = await call(harness.agentUrl, 'POST', '/pair', { body: { code: harness.pairingCode } });
    expect(right.status).toBe(429);
    expect(right.body.error.message.ja).toContain('再起動');
    expect((await harness.card.state()).commands).toEqual([]);
  });
});

describe('the 個人番号', () => {
  it('is refused without consent and a procedure, before the card is touched', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.standard);
    const token = await pair(harness);
    for (const body of [{ pin: '1234' }, { pin: '1234', consent: true }, { pin: '1234', consent: 'yes', purpose: 'juminhyo' }, { pin: '1234', purpose: 'juminhyo' }]) {
      const answer = await call(harness.agentUrl, 'POST', '/my-number', { token, body });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('consent_required');
    }
    expect((await harness.card.state()).commands).toEqual([]);
  });

  it('is read with consent for a named procedure', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.standard);
    const token = await pair(harness);
    const answer = await call(harness.agentUrl, 'POST', '/my-number', { token, body: { pin: '1234', consent: true, purpose: 'jidou-teate' } });
    expect(answer.body).toEqual({ myNumber: TEST_CARDS.standard.myNumber });
  });
});

describe('what the agent keeps to itself', () => {
  it('logs no PIN, no card data and no token', async () => {
    harness = await startCardAgentHarness(TEST_CARDS.longAddress);
    const token = await pair(harness);
    await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: '0000' } });
    await call(harness.agentUrl, 'POST', '/basic-info', { token, body: { pin: TEST_CARDS.longAddress.pin } });
    await call(harness.agentUrl, 'POST', '/my-number', { token, body: { pin: TEST_CARDS.longAddress.pin, consent: true, purpose: 'p1' } });
    const log = harness.logs.join('\n');
    expect(harness.logs).toContain('[card-agent] POST /basic-info 200');
    for (const secret of [TEST_CARDS.longAddress.pin, '0000', '長住所', '北海道', '19700101', '1970-01-01', TEST_CARDS.longAddress.myNumber, token]) expect(log).not.toContain(secret);
  });

  it('`npm start` prints the pairing code, and nothing personal afterwards', async () => {
    await ensurePcscd();
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'card-agent', 'dist', 'main.js')], {
      env: { ...process.env, CARD_AGENT_PORT: '0', CARD_AGENT_READER: 'Virtual PCD 00 00' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      for (let i = 0; i < 100 && !/pairing code:\s+\d{6}/.test(output); i++) await new Promise((r) => setTimeout(r, 100));
      const banner = output.length;
      const code = /pairing code:\s+(\d{6})/.exec(output)?.[1];
      const url = /listening:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect(code).toBeDefined();
      expect(output).toContain('ペアリングコード');
      const token = (await call(url!, 'POST', '/pair', { body: { code } })).body.token as string;
      // No card in this test: the agent answers no_card (or card data if one is left in the slot) but logs neither.
      await call(url!, 'POST', '/basic-info', { token, body: { pin: '7391' } });
      for (let i = 0; i < 50 && !output.includes('POST /basic-info'); i++) await new Promise((r) => setTimeout(r, 100));
      const after = output.slice(banner);
      expect(after).toContain('POST /basic-info');
      expect(after).not.toContain('7391');
      expect(after).not.toContain(token);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});

describe('without PC/SC', () => {
  it('starts and says what to install (ja/en); reading answers 503', async () => {
    const agent = await startCardAgent({ port: 0, binding: null, log: () => undefined });
    try {
      const status = await call(agent.url, 'GET', '/status');
      expect(status.body).toMatchObject({ pcscAvailable: false, readerPresent: false, cardPresent: false });
      expect(status.body.problem.ja).toContain('pcscd libpcsclite-dev');
      expect(status.body.problem.en).toContain('staff type the data');
      const token = (await call(agent.url, 'POST', '/pair', { body: { code: agent.pairingCode } })).body.token as string;
      const read = await call(agent.url, 'POST', '/basic-info', { token, body: { pin: '1234' } });
      expect(read.status).toBe(503);
      expect(read.body.error.code).toBe('pcsc_unavailable');
    } finally {
      await agent.close();
    }
  });
});
