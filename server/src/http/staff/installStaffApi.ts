/**
 * Mounts staff sign-in and the staff API on the app: JSON body, no caching,
 * store-backed session, passport (local + optional OIDC), timeouts, CSRF,
 * then every staff route module behind the one authorisation layer.
 * Call before the public API router.
 */
import express, { type Express, type Request } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { rateLimit } from 'express-rate-limit';
import { SharedCounterStore } from '../storeRateLimitStore';
import type { AppDeps, Services } from '../../services';
import { requestLanguage } from '../../i18n/language';
import { clientMeta } from '../../auth/audit';
import { StaffOidc } from '../../auth/oidc';
import { StaffRoutes } from '../../auth/staffRouter';
import { AuthLookupCache } from '../../auth/authLookupCache';
import { TooManyRequestsError } from '../../auth/authErrors';
import { authText } from '../../auth/messages';
import { requireCsrf, sessionMiddleware, sessionTimeouts, STAFF_API_PATH } from '../../auth/session';
import { STAFF_ROUTE_MODULES } from './index';
import type { StaffContext } from './context';
import { operationFor, withCheck } from '../contract/contractRouter';
import { refuseInvalidUtf8, staffJsonGuard } from '../inputGuards';
import { errorHandler, notFoundHandler } from '../errorHandler';

/** Where the staff API sits under /api/v1 (the contract's paths are relative to /api/v1). */
const STAFF_API_PREFIX = '/staff';

/** Installs sign-in and the staff API; returns the route table (also at `app.locals.staffRoutes`, for the access-matrix test). */
export function installStaffApi(app: Express, deps: AppDeps, services: Services): StaffRoutes {
  const { config, storage } = deps;
  const auth = config.auth;
  const { now, secrets } = services;
  const { signIn, users, audit, account } = services.auth;

  // Passport and the OIDC strategy are HTTP machinery, so they are made here rather than in the composition root.
  // One passport instance per app (tests build many apps in one process).
  const pp = new passport.Passport();
  pp.serializeUser((user, done) => done(null, user.id));
  // Accounts and sign-in policies are cached, checked against the store's auth version on every request (issue #23).
  const lookups = new AuthLookupCache(storage);
  pp.deserializeUser<string, Request>((req, id, done) => {
    // A disabled account loses its sessions on its next request.
    lookups.user(req, id).then((user) => done(null, user && !user.disabled ? user : false), done);
  });
  pp.use(
    'local',
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', passReqToCallback: true }, (req, email, password, done) => {
      signIn.checkPassword(email, password, clientMeta(req), requestLanguage(req)).then((user) => done(null, user), done);
    }),
  );
  const oidc = auth.oidc
    ? new StaffOidc(pp, auth.oidc, config.publicUrl, async ({ email, name }) => {
        const existing = await storage.users.findByEmail(email);
        const user = existing ?? (await users.acceptInviteByEmail(email, name));
        if (!user || user.disabled) return 'oidc_no_account';
        if (auth.oidc!.municipalityCode && user.municipalityCode !== auth.oidc!.municipalityCode) return 'oidc_wrong_municipality';
        return user;
      })
    : undefined;

  const ctx: StaffContext = {
    services,
    storage,
    registry: services.municipalities,
    config,
    passport: pp,
    signIn,
    users,
    audit,
    now,
    account,
    ...(oidc ? { oidc } : {}),
    secretAttemptLimiter: rateLimit({
      windowMs: 15 * 60_000,
      limit: auth.loginRateLimit,
      store: new SharedCounterStore(storage.rateCounters, 'sign-in:'), // one limit across every instance (issue #23)
      // Only refused attempts count: staff behind one address (a town hall's NAT, LGWAN) must not lock each other out.
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (req, _res, next) => next(new TooManyRequestsError(authText(requestLanguage(req), 'rateLimited'), 'rate_limited')),
    }),
  };
  // Every staff route is checked against its operation in the API contract, after its guard.
  const routes = new StaffRoutes(
    (req, code) => lookups.policy(req, code),
    (method, path, handlers) => withCheck(operationFor(method, STAFF_API_PREFIX + path), handlers),
  );
  for (const module of STAFF_ROUTE_MODULES) module(routes, ctx);

  // Its own app, not a router, for one setting: no ETag. Every staff answer is no-store, so no browser ever asks with
  // If-None-Match, and hashing each body cost about 5 % of an inbox page (the bench's profile).
  const staff = express();
  staff.set('etag', false);
  staff.disable('x-powered-by'); // an app's own default, which mounting does not take from the parent
  staff.use(express.json({ limit: config.maxJsonBytes, verify: refuseInvalidUtf8 }), staffJsonGuard);
  staff.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  staff.use(sessionMiddleware({ config: auth, publicUrl: config.publicUrl, trustProxy: config.trustProxy, sessions: storage.sessions, secrets, now }));
  staff.use(pp.initialize(), pp.session(), sessionTimeouts(auth, now), requireCsrf);
  staff.use(routes.router);
  // Its errors and unknown paths are answered here, by this app, so that they too go out without an ETag.
  staff.use(notFoundHandler, errorHandler);
  app.use(STAFF_API_PATH, staff);
  app.locals.staffRoutes = routes;
  return routes;
}
