/** Staff sign-in through real HTTP: cookies, CSRF, session rotation, lockout, rate limit, timeouts, logout, audit. */
import { buildAuthApp, makeUser, MITO, PASSWORD, sessionCookie, StaffClient, type AuthApp } from '../helpers/staffAuth';
import { buildApp } from '../helpers/buildApp';
import { makeTempDir } from '../helpers/tempDir';

describe('staff sign-in', () => {
  let clock = Date.parse('2026-11-20T09:00:00Z');
  let ctx: AuthApp;
  beforeAll(async () => {
    ctx = await buildAuthApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '8' }, () => new Date(clock));
  });
  afterAll(() => ctx.close());

  it('tells an anonymous visitor the CSRF token and that the first admin is still to be set up', async () => {
    const client = new StaffClient(ctx.app);
    const res = await client.session();
    expect(res.body).toMatchObject({ user: null, setupRequired: true, permissions: [] });
    expect(res.body.csrfToken).toMatch(/^[\w-]{32}$/);
  });

  it('refuses a write without the CSRF token', async () => {
    const client = new StaffClient(ctx.app);
    await client.session();
    const res = await client.agent.post('/api/v1/staff/login').send({ email: 'a@example.jp', password: 'x' }).expect(403);
    expect(res.body.error).toMatchObject({ code: 'csrf_failed', message: expect.stringContaining('再読み込み') });
  });

  it('signs in with a password: new session id, HttpOnly SameSite=Lax cookie, no secrets in the answer, audited', async () => {
    const user = await makeUser(ctx.storage, 'staff', MITO);
    const client = new StaffClient(ctx.app);
    const before = sessionCookie(await client.session())!;
    expect(before).toMatch(/HttpOnly/i);
    expect(before).toMatch(/SameSite=Lax/i);
    expect(before).toMatch(/Path=\/api\/v1\/staff/);
    expect(before).not.toMatch(/Secure/i);
    const res = await client.post('/login', { email: user.email.toUpperCase(), password: PASSWORD }).expect(200);
    const after = sessionCookie(res)!;
    expect(after.split(';')[0]).not.toEqual(before.split(';')[0]);
    expect(res.body).toMatchObject({ status: 'signed_in', user: { id: user.id, role: 'staff', municipalityCode: MITO, municipalityName: '水戸市', totpEnabled: false } });
    expect(res.body.municipality).toMatchObject({ code: MITO, name: '水戸市' });
    expect(res.body.permissions).toEqual(expect.arrayContaining(['inbox.read', 'catalog.edit']));
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt|totpSecret/);
    const events = await ctx.storage.audit.list({ targetId: user.id, limit: 10 });
    expect(events[0]).toMatchObject({ action: 'auth.sign_in', actor: user.id, municipalityCode: MITO, details: { method: 'password' } });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
    const history = await client.get('/me/sign-ins').expect(200);
    expect(history.body.items[0]).toMatchObject({ action: 'auth.sign_in', method: 'password' });
  });

  it('answers a wrong password in Japanese, or in English when asked', async () => {
    const user = await makeUser(ctx.storage, 'staff', MITO);
    const client = new StaffClient(ctx.app);
    await client.session();
    const ja = await client.post('/login', { email: user.email, password: 'wrong password 123' }).expect(401);
    expect(ja.body.error.message).toBe('メールアドレスまたはパスワードが正しくありません。');
    const en = await client.agent.post('/api/v1/staff/login?lang=en').set('X-CSRF-Token', client.csrf).send({ email: 'nobody@example.jp', password: 'x' }).expect(401);
    expect(en.body.error.message).toBe('The e-mail address or password is incorrect.');
    const failed = await ctx.storage.audit.list({ targetId: user.id, limit: 5 });
    expect(failed[0]).toMatchObject({ action: 'auth.sign_in_failed', details: { reason: 'wrong_password', failures: 1 } });
  });

  it('locks an account after repeated failures, refuses even the right password, and opens again later', async () => {
    const user = await makeUser(ctx.storage, 'municipal-admin', MITO);
    const client = new StaffClient(ctx.app);
    await client.session();
    await client.post('/login', { email: user.email, password: 'wrong-1-wrong-1' }).expect(401);
    await client.post('/login', { email: user.email, password: 'wrong-2-wrong-2' }).expect(401);
    const locked = await client.post('/login', { email: user.email, password: 'wrong-3-wrong-3' }).expect(401);
    const stillLocked = await client.post('/login', { email: user.email, password: PASSWORD }).expect(401);
    // A locked real address is answered exactly like an address that has no account.
    const unknown = await client.post('/login', { email: 'nobody-here@example.jp', password: PASSWORD }).expect(401);
    const shape = (r: { status: number; body: { error: { code: string; message: string } } }) => [r.status, r.body.error.code, r.body.error.message];
    expect(shape(locked)).toEqual(shape(unknown));
    expect(shape(stillLocked)).toEqual(shape(unknown));
    expect((await ctx.storage.audit.list({ targetId: user.id, limit: 10 })).map((e) => e.action)).toContain('auth.lockout');
    clock += 16 * 60_000;
    await client.post('/login', { email: user.email, password: PASSWORD }).expect(200);
    expect(await ctx.storage.users.findById(user.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('ends a session after 30 idle minutes and after 8 hours in any case, saying why', async () => {
    const user = await makeUser(ctx.storage, 'staff', MITO);
    const client = new StaffClient(ctx.app);
    await client.login(user.email);
    clock += 29 * 60_000;
    await client.get('/me/sign-ins').expect(200);
    clock += 31 * 60_000;
    const idle = await client.get('/me/sign-ins').expect(401);
    expect(idle.body.error).toMatchObject({ code: 'session_expired', message: expect.stringContaining('ログアウトしました') });
    expect((await client.session()).body).toMatchObject({ user: null, expired: true });

    await client.login(user.email);
    for (let i = 0; i < 17; i++) {
      clock += 29 * 60_000; // busy all day: never idle
      await client.get('/me/sign-ins');
    }
    await client.get('/me/sign-ins').expect(401);
  });

  it('signs out: the session no longer works and the sign-out is audited', async () => {
    const user = await makeUser(ctx.storage, 'staff', MITO);
    const client = new StaffClient(ctx.app);
    await client.login(user.email);
    const out = await client.post('/logout').expect(200);
    expect(out.body.user).toBeNull();
    client.csrf = out.body.csrfToken;
    await client.get('/me/sign-ins').expect(401);
    expect((await ctx.storage.audit.list({ targetId: user.id, limit: 5 }))[0]).toMatchObject({ action: 'auth.sign_out' });
  });

  it('ends the sessions of a disabled account at its next request', async () => {
    const user = await makeUser(ctx.storage, 'staff', MITO);
    const client = new StaffClient(ctx.app);
    await client.login(user.email);
    await ctx.storage.users.update(user.id, { disabled: true }, new Date(clock));
    await client.get('/me/sign-ins').expect(401);
    await client.post('/login', { email: user.email, password: PASSWORD }).expect(401);
  });

  it('changes the password with the current one', async () => {
    const user = await makeUser(ctx.storage, 'staff', MITO);
    const client = new StaffClient(ctx.app);
    await client.login(user.email);
    const short = await client.post('/me/password', { currentPassword: PASSWORD, newPassword: 'short' }).expect(422);
    expect(short.body.error.fields[0]).toMatchObject({ pointer: '/newPassword', message: 'パスワードは12文字以上にしてください。' });
    await client.post('/me/password', { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' }).expect(401);
    const elsewhere = new StaffClient(ctx.app); // the same account signed in on another computer
    await elsewhere.login(user.email);
    await elsewhere.get('/me/sign-ins').expect(200);
    await client.post('/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }).expect(204);
    // Every other session of the account ends (ASVS 3.3.3); the one that changed the password stays.
    await elsewhere.get('/me/sign-ins').expect(401);
    await client.get('/me/sign-ins').expect(200);
    const again = new StaffClient(ctx.app);
    await again.login(user.email, 'a brand new passphrase').then((r) => expect(r.status).toBe(200));
    expect((await ctx.storage.audit.list({ targetId: user.id, limit: 5 })).find((e) => e.action === 'user.password_changed')).toMatchObject({ details: { endedSessions: 1 } });
  });
});

describe('staff sign-in limits and cookies', () => {
  it('rate-limits sign-in attempts per client', async () => {
    const ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const client = new StaffClient(ctx.app);
      await client.session();
      for (let i = 0; i < 3; i++) await client.post('/login', { email: 'x@example.jp', password: 'nope nope nope' }).expect(401);
      const res = await client.post('/login', { email: 'x@example.jp', password: 'nope nope nope' }).expect(429);
      expect(res.body.error).toMatchObject({ code: 'rate_limited', message: 'ログインの試行が多すぎます。しばらくたってからもう一度お試しください。' });
    } finally {
      await ctx.close();
    }
  });

  it('holds the sign-in limit across two instances on one store (issue #23)', async () => {
    const dir = makeTempDir();
    const first = await buildApp({ env: { LOGIN_RATE_LIMIT: '3' }, presets: false, dataDir: dir.path });
    const second = await buildApp({ env: { LOGIN_RATE_LIMIT: '3' }, presets: false, dataDir: dir.path, key: first.secretKey });
    try {
      const clients = [new StaffClient(first.app), new StaffClient(second.app)];
      for (const client of clients) await client.session();
      // Two failures on one instance, one on the other: the limit of 3 is used up on both.
      for (const client of [clients[0]!, clients[1]!, clients[0]!]) await client.post('/login', { email: 'x@example.jp', password: 'nope nope nope' }).expect(401);
      const res = await clients[1]!.post('/login', { email: 'x@example.jp', password: 'nope nope nope' }).expect(429);
      expect(res.body.error).toMatchObject({ code: 'rate_limited', message: 'ログインの試行が多すぎます。しばらくたってからもう一度お試しください。' });
      await clients[0]!.post('/login', { email: 'x@example.jp', password: 'nope nope nope' }).expect(429);
    } finally {
      await second.close();
      await first.close();
      dir.remove();
    }
  });

  it('counts only failed attempts: a town hall behind one address signs in all day', async () => {
    const ctx = await buildAuthApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      // 20 colleagues sign in from the same address (one NAT, LGWAN): none is refused.
      for (let i = 0; i < 20; i++) {
        const user = await makeUser(ctx.storage, 'staff', MITO);
        const res = await new StaffClient(ctx.app).login(user.email);
        expect([i, res.status]).toEqual([i, 200]);
      }
      const client = new StaffClient(ctx.app);
      await client.session();
      for (let i = 0; i < 3; i++) await client.post('/login', { email: 'x@example.jp', password: 'nope nope nope' }).expect(401);
      await client.post('/login', { email: 'x@example.jp', password: 'nope nope nope' }).expect(429);
    } finally {
      await ctx.close();
    }
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const ctx = await buildAuthApp({ PUBLIC_URL: 'https://madoguchi.example.jp', TRUST_PROXY: 'true' });
    try {
      const client = new StaffClient(ctx.app);
      const res = await client.agent.get('/api/v1/staff/session').set('X-Forwarded-Proto', 'https').expect(200);
      expect(sessionCookie(res)).toMatch(/; Secure/i);
    } finally {
      await ctx.close();
    }
  });
});
