/** Signing in and out: session info, password and TOTP steps, the first admin's setup link, invitations, logout. */
import type { Request } from 'express';
import type { User } from '../../storage/types';
import { UnauthorizedError } from '../../errors';
import { requestLanguage } from '../../i18n/language';
import { authText } from '../../auth/messages';
import { clientMeta } from '../../auth/audit';
import { publicAccess, type StaffRoutes } from '../../auth/staffRouter';
import type { StaffContext } from './context';
import { completeSignIn, endSession, sessionView } from './signInFlow';

/** A password step is good for this long before its TOTP step. */
const PENDING_TOTP_MS = 5 * 60_000;

/** passport-local, run as a promise: the account, or a thrown 401/429. */
function passwordStep(ctx: StaffContext, req: Request): Promise<User> {
  return new Promise((resolve, reject) => {
    ctx.passport.authenticate('local', { session: false }, (error: unknown, user: User | false) => {
      if (error) return reject(error);
      if (!user) return reject(new UnauthorizedError(authText(requestLanguage(req), 'badCredentials')));
      resolve(user);
    })(req, req.res!, reject);
  });
}

export function sessionRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const limit = ctx.secretAttemptLimiter;

  routes.get('/session', publicAccess, async (req, res) => {
    res.json(await sessionView(ctx, req));
  });

  routes.post('/login', publicAccess, limit, async (req, res) => {
    const user = await passwordStep(ctx, req);
    if (user.totpSecret) {
      req.session.pendingTotp = { userId: user.id, at: ctx.now().getTime() };
      res.json({ status: 'totp_required', ...(await sessionView(ctx, req)) });
      return;
    }
    await completeSignIn(ctx, req, user, 'password');
    res.json({ status: 'signed_in', ...(await sessionView(ctx, req)) });
  });

  routes.post('/login/totp', publicAccess, limit, async (req, res) => {
    const lang = requestLanguage(req);
    const pending = req.session.pendingTotp;
    const user = pending && ctx.now().getTime() - pending.at < PENDING_TOTP_MS ? await ctx.storage.users.findById(pending.userId) : null;
    if (!user || user.disabled) throw new UnauthorizedError(authText(lang, 'totpNoPending'));
    const checked = await ctx.signIn.checkTotp(user, req.body?.code, clientMeta(req), lang);
    await completeSignIn(ctx, req, checked, 'totp');
    res.json({ status: 'signed_in', ...(await sessionView(ctx, req)) });
  });

  routes.post('/logout', publicAccess, async (req, res) => {
    const user = req.user;
    const viaOidc = req.session.auth?.method === 'oidc';
    if (user) await ctx.audit.record('auth.sign_out', user.id, user, clientMeta(req));
    await endSession(req);
    const endSessionUrl = viaOidc && ctx.oidc ? await ctx.oidc.endSessionUrl().catch(() => null) : null;
    res.json({ ...(await sessionView(ctx, req)), ...(endSessionUrl ? { endSessionUrl } : {}) });
  });

  routes.post('/setup', publicAccess, limit, async (req, res) => {
    const user = await ctx.users.setupFirstAdmin(req.body ?? {}, requestLanguage(req));
    await completeSignIn(ctx, req, user, 'setup');
    res.status(201).json({ status: 'signed_in', ...(await sessionView(ctx, req)) });
  });

  routes.post('/invites/lookup', publicAccess, limit, async (req, res) => {
    res.json(await ctx.users.lookupInvite(req.body?.token, requestLanguage(req)));
  });

  routes.post('/invites/accept', publicAccess, limit, async (req, res) => {
    const user = await ctx.users.acceptInvite(req.body ?? {}, requestLanguage(req));
    await completeSignIn(ctx, req, user, 'invite');
    res.status(201).json({ status: 'signed_in', ...(await sessionView(ctx, req)) });
  });
}
