/**
 * Cached accounts and sign-in policies (issue #23, auth/authLookupCache.ts):
 * repeated staff requests stop reading the account and policy from the store,
 * answer exactly as before, and every change — logout, password, role,
 * disabling, mandatory second factor — takes effect at the next request, also
 * on a second app instance on the same SQLite file whose cache is warm.
 */
import request from 'supertest';
import type { Express } from 'express';
import { buildApp, type TestApp } from '../helpers/buildApp';
import { makeUser, MITO, PASSWORD, sessionCookie, StaffClient } from '../helpers/staffAuth';
import { makeTempDir } from '../helpers/tempDir';
import type { User } from '../../server/src/storage/types';

const BASE = '/api/v1/staff';
const INBOX = `/municipalities/${MITO}/inbox`;

/** One signed-in session (its cookie and CSRF token), usable on either instance like a browser behind a load balancer. */
interface Signed {
  cookie: string;
  csrf: string;
}

async function signIn(app: Express, user: User, password = PASSWORD): Promise<Signed> {
  const client = new StaffClient(app);
  const res = await client.login(user.email, password);
  expect(res.status).toBe(200);
  return { cookie: sessionCookie(res)!.split(';')[0]!, csrf: res.body.csrfToken as string };
}

const get = (app: Express, s: Signed, path: string) => request(app).get(`${BASE}${path}`).set('Cookie', s.cookie);
const send = (app: Express, s: Signed, method: 'post' | 'patch' | 'put', path: string, body: object) =>
  request(app)[method](`${BASE}${path}`).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).send(body);

describe('cached account and policy look-ups', () => {
  const dir = makeTempDir();
  let a: TestApp;
  let b: TestApp;
  let admin: User;
  let adminSession: Signed;

  beforeAll(async () => {
    a = await buildApp({ presets: false, dataDir: dir.path });
    b = await buildApp({ presets: false, dataDir: dir.path, key: a.secretKey });
    admin = await makeUser(a.storage, 'municipal-admin', MITO);
    adminSession = await signIn(a.app, admin);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    dir.remove();
  });

  /** A staff account signed in on instance A, whose account and policy instance B has cached by answering an inbox request. */
  async function warmStaff(): Promise<{ user: User; session: Signed }> {
    const user = await makeUser(a.storage, 'staff', MITO);
    const session = await signIn(a.app, user);
    await get(a.app, session, INBOX).expect(200);
    await get(b.app, session, INBOX).expect(200);
    return { user, session };
  }

  it('reads the account and the policy once for repeated requests, and answers them exactly as before', async () => {
    const user = await makeUser(a.storage, 'staff', MITO);
    const session = await signIn(b.app, user);
    const findById = jest.spyOn(b.storage.users, 'findById');
    const policyGet = jest.spyOn(b.storage.authPolicies, 'get');
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push((await get(b.app, session, INBOX).expect(200)).body);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      expect(findById.mock.calls.filter(([id]) => id === user.id)).toHaveLength(1);
      expect(policyGet).toHaveBeenCalledTimes(1);
      const me = await get(b.app, session, '/session').expect(200);
      expect(me.body.user).toMatchObject({ id: user.id, role: 'staff' });
    } finally {
      findById.mockRestore();
      policyGet.mockRestore();
    }
  });

  it('logout on one instance ends the session on the other at once', async () => {
    const { session } = await warmStaff();
    await send(a.app, session, 'post', '/logout', {}).expect(200);
    await get(b.app, session, INBOX).expect(401);
  });

  it('a role change on one instance re-authorises the next request on the other', async () => {
    const { user, session } = await warmStaff();
    await get(b.app, session, `/municipalities/${MITO}/users`).expect(403);
    await send(a.app, adminSession, 'patch', `/users/${user.id}`, { role: 'municipal-admin' }).expect(200);
    await get(b.app, session, `/municipalities/${MITO}/users`).expect(200);
    await send(a.app, adminSession, 'patch', `/users/${user.id}`, { role: 'staff' }).expect(200);
    await get(b.app, session, `/municipalities/${MITO}/users`).expect(403);
  });

  it('disabling an account on one instance refuses its next request on the other', async () => {
    const { user, session } = await warmStaff();
    await send(a.app, adminSession, 'patch', `/users/${user.id}`, { disabled: true }).expect(200);
    await get(b.app, session, INBOX).expect(401);
    await get(a.app, session, INBOX).expect(401);
  });

  it('a password change on one instance ends the other sessions, and the old password no longer counts on the other instance', async () => {
    const { user, session } = await warmStaff();
    const second = await signIn(b.app, user);
    await get(b.app, second, INBOX).expect(200);
    await send(a.app, session, 'post', '/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }).expect(204);
    await get(b.app, second, INBOX).expect(401);
    // The session that changed it stays; instance B must check the next change against the new password, not its cached account.
    await send(b.app, session, 'post', '/me/password', { currentPassword: PASSWORD, newPassword: 'yet another passphrase' }).expect(401);
    await send(b.app, session, 'post', '/me/password', { currentPassword: 'a brand new passphrase', newPassword: 'yet another passphrase' }).expect(204);
  });

  it('a mandatory second factor set on one instance holds back accounts without one on the other at once', async () => {
    const { session } = await warmStaff();
    try {
      await send(a.app, adminSession, 'put', `/municipalities/${MITO}/auth-policy`, { requireTotp: true }).expect(200);
      const res = await get(b.app, session, INBOX).expect(403);
      expect(res.body.error.code).toBe('totp_enrolment_required');
    } finally {
      await a.storage.authPolicies.set({ municipalityCode: MITO, requireTotp: false, updatedAt: new Date().toISOString(), updatedBy: admin.id });
    }
    await get(b.app, session, INBOX).expect(200);
  });

  it('a change written straight into the store (a command-line tool) is seen too', async () => {
    const { user, session } = await warmStaff();
    await b.storage.users.update(user.id, { disabled: true }, new Date());
    await get(a.app, session, INBOX).expect(401);
  });
});
