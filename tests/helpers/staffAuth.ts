/**
 * Helpers for staff sign-in tests: an app on a fresh SQLite file with chosen
 * environment (and clock), accounts made directly in the store, and a
 * supertest agent that keeps the session cookie and sends the CSRF token.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { hashPassword } from '../../server/src/auth/passwords';
import { buildApp } from './buildApp';
import type { Storage, User, UserRole } from '../../server/src/storage/types';

export const MITO = '082015';
export const SAPPORO = '011002';
export const PASSWORD = 'correct horse battery staple';

export interface AuthApp {
  app: Express;
  storage: Storage;
  close: () => Promise<void>;
}

/** The real app without presets (sign-in tests need none), with extra environment variables and an optional clock. */
export function buildAuthApp(env: Record<string, string> = {}, now?: () => Date, clientDist?: string): Promise<AuthApp> {
  return buildApp({ env, presets: false, ...(now ? { now } : {}), ...(clientDist ? { clientDist } : {}) });
}

/** An account straight in the store (password hashed like the real thing). */
export async function makeUser(storage: Storage, role: UserRole, municipalityCode: string | null, overrides: Partial<User> = {}): Promise<User> {
  const at = new Date().toISOString();
  const user: User = {
    id: randomUUID(),
    email: `${role}-${randomUUID().slice(0, 8)}@example.jp`,
    displayName: `${role} テスト`,
    role,
    municipalityCode,
    passwordHash: await hashPassword(PASSWORD),
    totpSecret: null,
    failedLogins: 0,
    lockedUntil: null,
    disabled: false,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
  await storage.users.create(user);
  return user;
}

const BASE = '/api/v1/staff';

/** A browser-like staff client: cookie jar, CSRF token from GET /session. */
export class StaffClient {
  readonly agent: ReturnType<typeof request.agent>;
  csrf = '';

  constructor(app: Express) {
    this.agent = request.agent(app);
  }

  async session() {
    const res = await this.agent.get(`${BASE}/session`).expect(200);
    this.csrf = res.body.csrfToken;
    return res;
  }

  get(path: string) {
    return this.agent.get(`${BASE}${path}`);
  }

  send(method: 'post' | 'put' | 'patch' | 'delete', path: string, body: object = {}) {
    return this.agent[method](`${BASE}${path}`).set('X-CSRF-Token', this.csrf).send(body);
  }

  post(path: string, body: object = {}) {
    return this.send('post', path, body);
  }

  /** Signs in with a password (fetching the CSRF token first); returns the login response. */
  async login(email: string, password = PASSWORD) {
    await this.session();
    const res = await this.post('/login', { email, password });
    if (res.body.csrfToken) this.csrf = res.body.csrfToken;
    return res;
  }
}

/** The session cookie's attributes from a response. */
export function sessionCookie(res: request.Response): string | undefined {
  const cookies = res.headers['set-cookie'] as unknown as string[] | undefined;
  return cookies?.find((c) => c.startsWith('madoguchi_staff='));
}
