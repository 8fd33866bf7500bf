/** TOTP second factor through real HTTP, with codes computed by otplib as an authenticator app would. */
import { generate } from 'otplib';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { buildAuthApp, makeUser, MITO, PASSWORD, StaffClient, type AuthApp } from '../helpers/staffAuth';

describe('TOTP second factor', () => {
  let ctx: AuthApp;
  beforeAll(async () => {
    ctx = await buildAuthApp();
  });
  afterAll(() => ctx.close());

  /** Decodes a PNG data URL holding a QR code. */
  function readQr(dataUrl: string): string | undefined {
    expect(dataUrl).toMatch(/^data:image\/png;base64,/);
    const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  }

  async function enrol(client: StaffClient): Promise<string> {
    const start = await client.post('/me/totp').expect(200);
    expect(start.body.uri).toMatch(/^otpauth:\/\/totp\//);
    // The QR code is drawn by the server and reads back as exactly the URI (nothing sent to an outside service).
    expect(readQr(start.body.qrCode)).toBe(start.body.uri);
    const secret: string = start.body.secret;
    await client.post('/me/totp/confirm', { code: '000000' }).expect(400);
    const done = await client.post('/me/totp/confirm', { code: await generate({ secret }) }).expect(200);
    expect(done.body.totpEnabled).toBe(true);
    return secret;
  }

  it('enrols, then asks for a code after the password; the secret is sealed and never shown again', async () => {
    const user = await makeUser(ctx.storage, 'staff', MITO);
    const client = new StaffClient(ctx.app);
    await client.login(user.email);
    const secret = await enrol(client);
    const stored = await ctx.storage.users.findById(user.id);
    expect(stored!.totpSecret).toMatch(/^enc1\./);
    expect(stored!.totpSecret).not.toContain(secret);
    const session = await client.session();
    expect(JSON.stringify(session.body)).not.toContain(secret);
    await client.post('/me/totp').expect(409);

    const next = new StaffClient(ctx.app);
    const step1 = await next.login(user.email);
    expect(step1.body).toMatchObject({ status: 'totp_required', user: null, pendingTotp: true });
    await next.get('/me/sign-ins').expect(401);
    const wrong = await next.post('/login/totp', { code: '123456' }).expect(401);
    expect(wrong.body.error.message).toBe('確認コードが正しくないか、有効期限が切れています。');
    // The code the first enrolment step used has been spent: a replay is refused.
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await next.post('/login/totp', { code }).expect(200);
    expect(ok.body).toMatchObject({ status: 'signed_in', user: { id: user.id, totpEnabled: true } });
    next.csrf = ok.body.csrfToken;
    await next.get('/me/sign-ins').expect(200);

    const replay = new StaffClient(ctx.app);
    await replay.login(user.email);
    await replay.post('/login/totp', { code }).expect(401);
  });

  it('lets a municipal admin make the second factor mandatory: accounts without one can only enrol', async () => {
    const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
    const clerk = await makeUser(ctx.storage, 'staff', MITO);
    const adminClient = new StaffClient(ctx.app);
    await adminClient.login(admin.email);
    await enrol(adminClient); // the admin's own account is bound by the rule too
    await adminClient.send('put', `/municipalities/${MITO}/auth-policy`, { requireTotp: true }).expect(200);

    const clerkClient = new StaffClient(ctx.app);
    const login = await clerkClient.login(clerk.email, PASSWORD);
    expect(login.body).toMatchObject({ status: 'signed_in', totpEnrolmentRequired: true });
    const blocked = await clerkClient.get(`/municipalities/${MITO}/auth-policy`).expect(403);
    expect(blocked.body.error).toMatchObject({ code: 'totp_enrolment_required', message: expect.stringContaining('2段階認証が必須') });
    const secret = await enrol(clerkClient);
    await clerkClient.get(`/municipalities/${MITO}/auth-policy`).expect(200);
    await clerkClient.post('/me/totp/disable', { code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }) }).expect(409);

    // The admin resets a lost phone; the clerk must enrol again.
    await adminClient.post(`/users/${clerk.id}/reset-totp`).expect(200);
    expect((await ctx.storage.users.findById(clerk.id))!.totpSecret).toBeNull();
    const actions = (await ctx.storage.audit.list({ targetId: clerk.id, limit: 20 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.totp_enabled', 'user.totp_reset']));
  });

  it('counts wrong codes towards the lockout', async () => {
    const local = await buildAuthApp({ LOGIN_MAX_FAILURES: '2' });
    try {
      const user = await makeUser(local.storage, 'staff', MITO);
      const client = new StaffClient(local.app);
      await client.login(user.email);
      const secret = await enrol(client);
      expect(secret).toBeTruthy();
      const next = new StaffClient(local.app);
      await next.login(user.email);
      await next.post('/login/totp', { code: '111111' }).expect(401);
      await next.post('/login/totp', { code: '222222' }).expect(429);
    } finally {
      await local.close();
    }
  });
});
