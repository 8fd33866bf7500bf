/**
 * The first admin's one-time setup link, then invitations: mailed through a
 * real SMTP server (smtp-server) when SMTP_URL is set, shown to the admin
 * otherwise; one use each, expiring; accounts changed and disabled by admins.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { announceSetupLink } from '../../server/src/auth/oneTimeTokens';
import { buildAuthApp, makeUser, MITO, PASSWORD, SAPPORO, StaffClient, type AuthApp } from '../helpers/staffAuth';

describe('first platform admin from the setup link', () => {
  let ctx: AuthApp;
  beforeAll(async () => {
    ctx = await buildAuthApp();
  });
  afterAll(() => ctx.close());

  it('prints a one-time link at first start; it works once, then never', async () => {
    const printed: string[] = [];
    const url = await announceSetupLink(ctx.storage, 'https://madoguchi.example.jp', (t) => printed.push(t));
    expect(url).toMatch(/^https:\/\/madoguchi\.example\.jp\/staff\/setup#[\w-]{43}$/);
    expect(printed.join('\n')).toContain(url!);
    const token = url!.split('#')[1]!;

    const client = new StaffClient(ctx.app);
    await client.session();
    await client.post('/setup', { token: 'wrong', email: 'admin@example.jp', displayName: '管理 太郎', password: PASSWORD }).expect(400);
    const invalid = await client.post('/setup', { token, email: 'not-an-address', displayName: '', password: 'short' }).expect(422);
    expect(invalid.body.error.fields.map((f: { pointer: string }) => f.pointer)).toEqual(['/email', '/displayName', '/password']);

    const res = await client.post('/setup', { token, email: 'admin@example.jp', displayName: '管理 太郎', password: PASSWORD }).expect(201);
    expect(res.body).toMatchObject({ status: 'signed_in', user: { role: 'platform-admin', municipalityCode: null }, setupRequired: false });
    expect(res.body.permissions).toContain('platform.manage');
    const created = await ctx.storage.users.findByEmail('admin@example.jp');
    expect((await ctx.storage.audit.list({ targetId: created!.id, limit: 5 })).map((e) => e.action)).toEqual(['auth.sign_in', 'user.created']);

    const again = new StaffClient(ctx.app);
    await again.session();
    const reuse = await again.post('/setup', { token, email: 'intruder@example.jp', displayName: '侵入 者', password: PASSWORD }).expect(409);
    expect(reuse.body.error.code).toBe('setup_done');
    expect(await announceSetupLink(ctx.storage, 'https://madoguchi.example.jp', () => undefined)).toBeNull();
    expect(await ctx.storage.users.count()).toBe(1);
  });
});

describe('invitations', () => {
  const mails: Array<{ to: string; raw: string }> = [];
  let smtp: SMTPServer;
  let clock = Date.parse('2026-11-20T09:00:00Z');
  let ctx: AuthApp;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    ctx = await buildAuthApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'http://madoguchi.test', INVITE_TTL_HOURS: '48' }, () => new Date(clock));
  });
  afterAll(async () => {
    await ctx.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  /** The invitation link in the last mail (quoted-printable soft breaks undone). */
  const lastLink = () => {
    const body = mails[mails.length - 1]!.raw.replace(/=\r?\n/g, '');
    return /http:\/\/madoguchi\.test\/staff\/invite#([\w-]+)/.exec(body)![1]!;
  };

  it('mails a one-time link; the invitee creates the account once; the link then stops working', async () => {
    const platform = await makeUser(ctx.storage, 'platform-admin', null);
    const admin = new StaffClient(ctx.app);
    await admin.login(platform.email);
    const res = await admin.post('/invites', { email: 'mito-admin@city.mito.example', role: 'municipal-admin', municipalityCode: MITO }).expect(201);
    expect(res.body).toMatchObject({ delivery: 'email', invite: { email: 'mito-admin@city.mito.example', role: 'municipal-admin', municipalityCode: MITO } });
    expect(res.body.link).toBeUndefined();
    expect(mails[mails.length - 1]!.to).toBe('mito-admin@city.mito.example');
    const token = lastLink();
    expect(JSON.stringify(res.body)).not.toContain(token);

    const invitee = new StaffClient(ctx.app);
    await invitee.session();
    const lookup = await invitee.post('/invites/lookup', { token }).expect(200);
    expect(lookup.body).toMatchObject({ email: 'mito-admin@city.mito.example', role: 'municipal-admin', municipalityName: '水戸市' });
    const accepted = await invitee.post('/invites/accept', { token, displayName: '水戸 管理者', password: PASSWORD }).expect(201);
    expect(accepted.body).toMatchObject({ status: 'signed_in', user: { role: 'municipal-admin', municipalityCode: MITO, displayName: '水戸 管理者' } });

    const twice = new StaffClient(ctx.app);
    await twice.session();
    const reuse = await twice.post('/invites/accept', { token, displayName: '二回目', password: PASSWORD }).expect(400);
    expect(reuse.body.error).toMatchObject({ code: 'invite_invalid', message: expect.stringContaining('招待リンクは無効') });
    const events = await ctx.storage.audit.list({ municipalityCode: MITO, limit: 10 });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['user.invited', 'user.created']));
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('lets a municipal admin invite only into their municipality, and never a platform admin', async () => {
    const mitoAdmin = await makeUser(ctx.storage, 'municipal-admin', MITO);
    const client = new StaffClient(ctx.app);
    await client.login(mitoAdmin.email);
    await client.post('/invites', { email: 'clerk1@city.mito.example', role: 'staff', municipalityCode: MITO, procedureIds: ['risai-shomeisho'] }).expect(201);
    await client.post('/invites', { email: 'clerk2@city.sapporo.example', role: 'staff', municipalityCode: SAPPORO }).expect(403);
    await client.post('/invites', { email: 'boss@example.jp', role: 'platform-admin' }).expect(403);
    const list = await client.get(`/municipalities/${MITO}/users`).expect(200);
    expect(list.body.invites.map((i: { email: string }) => i.email)).toContain('clerk1@city.mito.example');
    expect(list.body.invites.find((i: { email: string }) => i.email === 'clerk1@city.mito.example').procedureIds).toEqual(['risai-shomeisho']);
  });

  it('expires invitations', async () => {
    const mitoAdmin = await makeUser(ctx.storage, 'municipal-admin', MITO);
    const client = new StaffClient(ctx.app);
    await client.login(mitoAdmin.email);
    await client.post('/invites', { email: 'late@city.mito.example', role: 'staff', municipalityCode: MITO }).expect(201);
    const token = lastLink();
    clock += 49 * 3_600_000;
    const invitee = new StaffClient(ctx.app);
    await invitee.session();
    await invitee.post('/invites/lookup', { token }).expect(400);
    await invitee.post('/invites/accept', { token, displayName: '遅い 人', password: PASSWORD }).expect(400);
  });

  it('changes roles and disables accounts, audited; admins cannot disable themselves', async () => {
    const mitoAdmin = await makeUser(ctx.storage, 'municipal-admin', MITO);
    const clerk = await makeUser(ctx.storage, 'staff', MITO);
    const client = new StaffClient(ctx.app);
    await client.login(mitoAdmin.email);
    const promoted = await client.send('patch', `/users/${clerk.id}`, { role: 'municipal-admin' }).expect(200);
    expect(promoted.body.role).toBe('municipal-admin');
    await client.send('patch', `/users/${clerk.id}`, { role: 'platform-admin' }).expect(403);
    const disabled = await client.send('patch', `/users/${clerk.id}`, { disabled: true }).expect(200);
    expect(disabled.body.disabled).toBe(true);
    await client.send('patch', `/users/${mitoAdmin.id}`, { disabled: true }).expect(409);
    const actions = (await ctx.storage.audit.list({ targetId: clerk.id, limit: 10 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.role_changed', 'user.disabled']));
  });
});

describe('invitations without SMTP', () => {
  it('shows the link to the admin to pass on', async () => {
    const ctx = await buildAuthApp({ PUBLIC_URL: 'http://madoguchi.test' });
    try {
      const admin = await makeUser(ctx.storage, 'municipal-admin', MITO);
      const client = new StaffClient(ctx.app);
      await client.login(admin.email);
      const res = await client.post('/invites', { email: 'clerk@city.mito.example', role: 'staff', municipalityCode: MITO }).expect(201);
      expect(res.body.delivery).toBe('link');
      expect(res.body.link).toMatch(/^http:\/\/madoguchi\.test\/staff\/invite#[\w-]{43}$/);
      const revoke = await client.send('delete', `/invites/${res.body.invite.id}`).expect(204);
      expect(revoke.body).toEqual({});
      const invitee = new StaffClient(ctx.app);
      await invitee.session();
      await invitee.post('/invites/lookup', { token: res.body.link.split('#')[1] }).expect(400);
    } finally {
      await ctx.close();
    }
  });
});
