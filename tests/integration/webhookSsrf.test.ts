/**
 * A municipal admin cannot point a webhook at the server's own network: the
 * URL is refused when saved, in the admin's language, and nothing is stored.
 * No request is sent anywhere (the addresses are refused before any socket).
 */
import { buildInboxApp, MITO, signIn, type InboxApp } from '../helpers/inboxApp';

describe('webhooks and internal addresses', () => {
  let ctx: InboxApp;
  beforeAll(async () => {
    ctx = await buildInboxApp({ WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOWED_NETWORKS: '10.20.0.0/16' });
  });
  afterAll(() => ctx.close());

  it.each([
    'https://127.0.0.1/hook',
    'http://localhost:3000/hook',
    'https://[::1]/hook',
    'https://0.0.0.0/',
    'https://2130706433/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.5/hook',
    'https://192.168.1.10/hook',
  ])('refuses %s when it is saved', async (url) => {
    const { client } = await signIn(ctx, 'municipal-admin', MITO);
    const res = await client.post(`/municipalities/${MITO}/webhooks`, { url, events: ['submission.received'] }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'webhook_address_refused', message: expect.stringContaining('この送信先には送信できません') });
    const en = await client.post(`/municipalities/${MITO}/webhooks?lang=en`, { url, events: ['submission.received'] }).expect(400);
    expect(en.body.error.message).toContain('cannot be sent to this address');
    expect((await client.get(`/municipalities/${MITO}/webhooks`).expect(200)).body.items).toEqual([]);
  });

  it('accepts a receiver in a private network the operator listed (LGWAN) and a public host name', async () => {
    const { client } = await signIn(ctx, 'municipal-admin', MITO);
    await client.post(`/municipalities/${MITO}/webhooks`, { url: 'https://10.20.4.5/madoguchi', events: ['submission.received'] }).expect(201);
    await client.post(`/municipalities/${MITO}/webhooks`, { url: 'https://receiver.city.example.jp/hook', events: ['submission.received'] }).expect(201);
  });
});
