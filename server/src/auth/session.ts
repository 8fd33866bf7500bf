/**
 * Staff sessions: a store-backed, HttpOnly, SameSite=Lax cookie (Secure when
 * PUBLIC_URL is https), signed with a secret derived from the server key;
 * idle and absolute timeouts; a per-session CSRF token for every write.
 */
/// <reference types="passport" />
import { randomBytes, timingSafeEqual } from 'node:crypto';
import session from 'express-session';
import type { Request, RequestHandler } from 'express';
import type { AuthConfig } from './authConfig';
import type { SessionRepository, User as StoredUser } from '../storage/types';
import type { SecretDeriver } from '../security/keys';
import { RepositorySessionStore } from './sessionStore';
import { AccessError } from './authErrors';
import { authText } from './messages';
import { requestLanguage } from '../i18n/language';

/** How the current sign-in happened, kept in the session. */
export interface SessionAuth {
  /** When the account signed in (absolute timeout counts from here). */
  at: number;
  /** Last request (idle timeout counts from here). */
  seenAt: number;
  method: 'password' | 'totp' | 'oidc' | 'setup' | 'invite';
}

declare module 'express-session' {
  interface SessionData {
    csrf: string;
    auth: SessionAuth;
    /** Password checked, TOTP code still due. */
    pendingTotp: { userId: string; at: number };
    /** TOTP secret being enrolled (sealed) until the first code confirms it. */
    totpEnrolment: { sealed: string; at: number };
    /** Set once when a timeout ended the previous sign-in (so the UI can say why). */
    expired: boolean;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // Passport's req.user is our stored account.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends StoredUser {}
  }
}

export const SESSION_COOKIE = 'madoguchi_staff';
/** The cookie is only sent to the staff API. */
export const STAFF_API_PATH = '/api/v1/staff';

export function sessionMiddleware(options: { config: AuthConfig; publicUrl: string; trustProxy: boolean; sessions: SessionRepository; secrets: SecretDeriver; now: () => Date }): RequestHandler {
  const { config } = options;
  return session({
    name: SESSION_COOKIE,
    secret: options.secrets.derive('staff-session-cookie', 'v1', 32),
    // The store keeps a session an hour past the idle timeout, so sessionTimeouts can tell the user why they were signed out.
    store: new RepositorySessionStore(options.sessions, (config.sessionIdleMinutes + 60) * 60_000, options.now),
    resave: false,
    saveUninitialized: false,
    proxy: options.trustProxy,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.publicUrl.startsWith('https:'),
      path: STAFF_API_PATH,
      maxAge: config.sessionMaxHours * 3_600_000,
    },
  });
}

/**
 * Ends a sign-in that has been idle or alive too long. Runs after passport has
 * loaded the user; the session itself survives (with a fresh CSRF token) so the
 * sign-in page can say what happened.
 */
export function sessionTimeouts(config: AuthConfig, now: () => Date): RequestHandler {
  const idleMs = config.sessionIdleMinutes * 60_000;
  const maxMs = config.sessionMaxHours * 3_600_000;
  return (req, _res, next) => {
    const auth = req.session?.auth;
    if (!req.user || !auth) return next();
    const t = now().getTime();
    if (t - auth.seenAt > idleMs || t - auth.at > maxMs) {
      delete (req.session as { passport?: unknown }).passport;
      delete req.session.auth;
      req.session.expired = true;
      req.user = undefined;
      return next();
    }
    // Writing the session on every request is wasteful: a minute's precision is enough.
    if (t - auth.seenAt > 60_000) auth.seenAt = t;
    next();
  };
}

/** The session's CSRF token, created on first use. */
export function csrfToken(req: Request): string {
  req.session.csrf ??= randomBytes(24).toString('base64url');
  return req.session.csrf;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses a write without the session's token in `X-CSRF-Token` (a cross-site form cannot set headers). */
export const requireCsrf: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method)) return next();
  const expected = req.session?.csrf;
  const presented = req.get('X-CSRF-Token');
  const ok = !!expected && !!presented && presented.length === expected.length && timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
  next(ok ? undefined : new AccessError('csrf_failed', authText(requestLanguage(req), 'csrf')));
};
