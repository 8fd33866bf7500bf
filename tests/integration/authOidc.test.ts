/**
 * Staff sign-in through OpenID Connect, end to end against a real provider
 * (oidc-provider) started in this test process: login redirect, the
 * provider's login and consent, callback, claims mapped to the invited
 * account, and logout at the provider.
 */
import { throughProvider as throughProviderTo } from '../helpers/providerBrowser';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildAuthApp, makeUser, MITO, StaffClient, type AuthApp } from '../helpers/staffAuth';

/** The parts of oidc-provider's instance this test uses (the package ships no types for CommonJS). */
interface OidcProvider {
  callback: () => (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails: (req: IncomingMessage, res: ServerResponse) => Promise<{ prompt: { name: string }; session: { accountId: string }; params: { client_id: string } }>;
  interactionFinished: (req: IncomingMessage, res: ServerResponse, result: object, options: { mergeWithLastSubmission: boolean }) => Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => { addOIDCScope: (scope: string) => void; save: () => Promise<string> };
}
// oidc-provider is ESM without types; jest compiles it (jest.config.js transformIgnorePatterns).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- required at run time: the tests' TS project cannot import its ESM types
const Provider = require('oidc-provider').default as new (issuer: string, config: object) => OidcProvider;

const PUBLIC_URL = 'http://madoguchi.test';
const CLIENT = { client_id: 'madoguchi-staff', client_secret: 'a-long-client-secret-for-tests' };

/** People known to the provider, by subject. */
const PEOPLE: Record<string, { email: string; name: string; verified: boolean }> = {
  'u-admin': { email: 'Admin.OIDC@city.mito.example', name: '水戸 一郎', verified: true },
  'u-invited': { email: 'new-clerk@city.mito.example', name: '水戸 花子', verified: true },
  'u-stranger': { email: 'stranger@example.com', name: '知らない 人', verified: true },
  'u-unverified': { email: 'admin.oidc@city.mito.example', name: '未確認', verified: false },
};

describe('staff sign-in with OpenID Connect', () => {
  let idp: Server;
  let issuer: string;
  let provider: OidcProvider;
  let signingIn = 'u-admin';
  let ctx: AuthApp;

  beforeAll(async () => {
    // The provider warns about its development keys and default lifetimes.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    idp = createServer();
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    provider = new Provider(issuer, {
      clients: [{ ...CLIENT, redirect_uris: [`${PUBLIC_URL}/api/v1/staff/oidc/callback`], post_logout_redirect_uris: [`${PUBLIC_URL}/staff/login`], token_endpoint_auth_method: 'client_secret_post' }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
      cookies: { keys: ['cookie-key-for-tests'] },
      findAccount: async (_ctx: unknown, sub: string) => ({
        accountId: sub,
        claims: async () => ({ sub, email: PEOPLE[sub]!.email, email_verified: PEOPLE[sub]!.verified, name: PEOPLE[sub]!.name }),
      }),
    });
    const callback = provider.callback();
    // The provider's login and consent pages, answered by the "person" the test chose.
    idp.on('request', async (req: IncomingMessage, res: ServerResponse) => {
      if (!req.url?.startsWith('/interaction/')) return callback(req, res);
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        return provider.interactionFinished(req, res, { login: { accountId: signingIn } }, { mergeWithLastSubmission: false });
      }
      const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope('openid email profile');
      return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    });
    ctx = await buildAuthApp({
      PUBLIC_URL,
      OIDC_ISSUER: issuer,
      ...Object.fromEntries([
        ['OIDC_CLIENT_ID', CLIENT.client_id],
        ['OIDC_CLIENT_SECRET', CLIENT.client_secret],
      ]),
      OIDC_LABEL: '水戸市職員ID',
    });
  });
  afterAll(async () => {
    await ctx.close();
    await new Promise((resolve) => idp.close(resolve));
  });

  const throughProvider = (url: string) => throughProviderTo(url, PUBLIC_URL);

  /** Login button → provider → callback; returns the callback's redirect and the client. */
  async function signIn(person: string) {
    signingIn = person;
    const client = new StaffClient(ctx.app);
    const start = await client.get('/oidc/login').expect(302);
    const authorize = new URL(start.headers.location!);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const back = await throughProvider(authorize.href);
    expect(back).toMatch(/^\/api\/v1\/staff\/oidc\/callback\?code=/);
    const landed = await client.agent.get(back).expect(303);
    return { client, location: landed.headers.location as string };
  }

  it('offers the provider on the sign-in page', async () => {
    const res = await new StaffClient(ctx.app).session();
    expect(res.body.oidc).toEqual({ label: '水戸市職員ID', loginUrl: '/api/v1/staff/oidc/login' });
  });

  it('signs in an existing account matched by its verified e-mail, and logs out at the provider too', async () => {
    const admin = await makeUser(ctx.storage, 'municipal-admin', MITO, { email: 'admin.oidc@city.mito.example' });
    const { client, location } = await signIn('u-admin');
    expect(location).toBe('/staff/');
    const session = await client.session();
    expect(session.body.user).toMatchObject({ id: admin.id, role: 'municipal-admin', municipalityCode: MITO });
    expect((await ctx.storage.audit.list({ targetId: admin.id, limit: 3 }))[0]).toMatchObject({ action: 'auth.sign_in', details: { method: 'oidc' } });
    await client.get(`/municipalities/${MITO}/users`).expect(200);

    const out = await client.post('/logout').expect(200);
    const end = new URL(out.body.endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${issuer}/session/end`);
    expect(end.searchParams.get('client_id')).toBe(CLIENT.client_id);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/staff/login`);
    expect((await fetch(end, { redirect: 'manual' })).status).toBe(200); // the provider's "sign out?" page
    await client.get(`/municipalities/${MITO}/users`).expect(401);
  });

  it('accepts a pending invitation for the verified e-mail, creating the account with the provider name', async () => {
    const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
    const inviter = new StaffClient(ctx.app);
    await inviter.login(admin.email);
    await inviter.post('/invites', { email: 'New-Clerk@city.mito.example', role: 'staff', municipalityCode: MITO }).expect(201);
    const { client, location } = await signIn('u-invited');
    expect(location).toBe('/staff/');
    const session = await client.session();
    expect(session.body.user).toMatchObject({ email: 'New-Clerk@city.mito.example', displayName: '水戸 花子', role: 'staff', municipalityCode: MITO });
    expect((await ctx.storage.users.findByEmail('new-clerk@city.mito.example'))!.passwordHash).toBeNull();
  });

  it('refuses people without an account or an invitation, and unverified addresses', async () => {
    const stranger = await signIn('u-stranger');
    expect(stranger.location).toBe('/staff/login?error=oidc_no_account');
    expect((await stranger.client.session()).body.user).toBeNull();
    const unverified = await signIn('u-unverified');
    expect(unverified.location).toBe('/staff/login?error=oidc_email_unverified');
  });
});
