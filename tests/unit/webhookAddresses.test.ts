/**
 * Server-side request forgery through webhooks: which addresses a webhook may
 * reach, in every spelling, and that a refused address is never connected to
 * — also when a host name resolves to it only at send time (DNS rebinding).
 * The only sockets opened here are on 127.0.0.1, and the refusal cases prove
 * by a connection counter that they opened none.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookAddressPolicy } from '../../server/src/modules/backoffice/webhookAddresses';
import { WebhookSender } from '../../server/src/modules/backoffice/webhookSender';
import { loadConfig } from '../../server/src/config';

const envelope = { id: 'evt-1', type: 'submission.received', createdAt: '2026-12-05T00:00:00Z', municipalityCode: '082015', data: {} } as const;
const hostOf = (url: string) => new URL(url).hostname;

describe('webhook address policy', () => {
  const policy = new WebhookAddressPolicy();

  it.each([
    'http://127.0.0.1/',
    'http://127.8.9.10/',
    'http://[::1]/',
    'http://localhost/',
    'http://api.localhost/',
    'http://0.0.0.0/',
    'http://[::]/',
    'http://2130706433/',
    'http://0x7f.0.0.1/',
    'http://017700000001/',
    'http://[::ffff:127.0.0.1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://[fd00:ec2::254]/',
    'http://10.0.0.5/',
    'http://172.16.3.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://[fc00::1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[2002:7f00:1::1]/',
  ])('refuses %s', (url) => {
    expect(policy.refusalForHost(hostOf(url))).not.toBeNull();
  });

  it('lets public addresses and host names through the save-time check (names are checked on connection)', () => {
    expect(policy.refusalForHost('8.8.8.8')).toBeNull();
    expect(policy.refusalForHost('[2001:4860:4860::8888]')).toBeNull();
    expect(policy.refusalForHost('receiver.city.example.jp')).toBeNull();
  });

  it('opens only the private networks the operator lists, never loopback or metadata', () => {
    const lgwan = new WebhookAddressPolicy({ allowedNetworks: ['10.20.0.0/16', 'fd12:3456::/32'] });
    expect(lgwan.refusal('10.20.1.2')).toBeNull();
    expect(lgwan.refusal('fd12:3456::9')).toBeNull();
    expect(lgwan.refusal('::ffff:10.20.1.2')).toBeNull();
    expect(lgwan.refusal('10.21.0.1')).toBe('private_not_allowed');
    expect(lgwan.refusal('127.0.0.1')).toBe('loopback_or_reserved');
    expect(lgwan.refusal('169.254.169.254')).toBe('metadata');
  });

  it('refuses a configuration that would open loopback or link-local, and the test switch outside tests', () => {
    expect(() => loadConfig({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' })).toThrow(/WEBHOOK_ALLOWED_NETWORKS/);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_NETWORKS: '169.254.0.0/16' })).toThrow(/WEBHOOK_ALLOWED_NETWORKS/);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_NETWORKS: 'lgwan' })).toThrow(/WEBHOOK_ALLOWED_NETWORKS/);
    expect(() => loadConfig({ WEBHOOK_TEST_ALLOW_LOOPBACK: 'true', NODE_ENV: 'production' })).toThrow(/test suite only/);
    expect(loadConfig({ WEBHOOK_ALLOWED_NETWORKS: '10.20.0.0/16, 192.168.10.0/24' }).backoffice.webhookAllowedNetworks).toEqual(['10.20.0.0/16', '192.168.10.0/24']);
  });
});

describe('webhook sender', () => {
  let receiver: Server;
  let connections = 0;
  let port = 0;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    receiver.on('connection', () => connections++);
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  });
  beforeEach(() => {
    connections = 0;
  });
  const rebinding = (allowLoopbackForTests: boolean) => new WebhookAddressPolicy({ allowLoopbackForTests, resolve: async (host) => (host === 'rebind.test' ? ['127.0.0.1'] : []) });
  const send = (policy: WebhookAddressPolicy, url: string) => new WebhookSender(policy, 2000, () => new Date()).post({ url, secret: 's' }, envelope, 'd1');

  it('never connects to an address written in the URL that the policy refuses', async () => {
    const result = await send(new WebhookAddressPolicy(), `http://127.0.0.1:${port}/hook`);
    expect(result).toMatchObject({ ok: false, error: 'address_refused' });
    expect(connections).toBe(0);
  });

  it('never connects when a host name resolves to a refused address at send time (DNS rebinding)', async () => {
    const result = await send(rebinding(false), `http://rebind.test:${port}/hook`);
    expect(result).toMatchObject({ ok: false, error: 'address_refused' });
    expect(connections).toBe(0);
    // The same send with loopback allowed (the test suite's switch) reaches the receiver: the counter works.
    expect(await send(rebinding(true), `http://rebind.test:${port}/hook`)).toMatchObject({ ok: true, statusCode: 204 });
    expect(connections).toBe(1);
  });

  it('says only that the connection failed, never which port answered what', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const result = await send(new WebhookAddressPolicy({ allowLoopbackForTests: true }), `http://127.0.0.1:${closedPort}/`);
    expect(result).toMatchObject({ ok: false, error: 'connection_failed' });
    expect(JSON.stringify(result)).not.toContain(String(closedPort));
    expect(JSON.stringify(result)).not.toContain('ECONNREFUSED');
  });
});
