/** Finishing a sign-in (new session id, timeouts start, audit) and what the console learns from `GET /session`. */
import type { Request } from 'express';
import type { User } from '../../storage/types';
import { csrfToken, type SessionAuth } from '../../auth/session';
import { clientMeta } from '../../auth/audit';
import { permissionsOf } from '../../auth/policy';
import { toPublicUser } from '../../modules/users/publicUser';
import type { StaffContext } from './context';

/** Signs `user` in: passport rotates the session id (no fixation), then the session gets its own timestamps and CSRF token. */
export async function completeSignIn(ctx: StaffContext, req: Request, user: User, method: SessionAuth['method']): Promise<void> {
  await new Promise<void>((resolve, reject) => req.login(user, (error) => (error ? reject(error) : resolve())));
  const t = ctx.now().getTime();
  req.session.auth = { at: t, seenAt: t, method };
  csrfToken(req);
  await ctx.signIn.succeeded(user, method, clientMeta(req));
}

/** Signs out, keeping a fresh anonymous session (with a new CSRF token) for the sign-in page. */
export async function endSession(req: Request): Promise<void> {
  await new Promise<void>((resolve, reject) => req.logout((error) => (error ? reject(error) : resolve())));
  csrfToken(req);
}

export async function sessionView(ctx: StaffContext, req: Request) {
  const user = req.user;
  const expired = req.session.expired === true;
  delete req.session.expired;
  const policy = user?.municipalityCode ? await ctx.storage.authPolicies.get(user.municipalityCode) : null;
  const municipality = user?.municipalityCode ? ctx.registry.get(user.municipalityCode) : undefined;
  return {
    csrfToken: csrfToken(req),
    user: user ? toPublicUser(user, ctx.registry, ctx.now()) : null,
    municipality: municipality ? { code: municipality.code, name: municipality.name, prefecture: municipality.prefecture } : null,
    permissions: user ? permissionsOf(user) : [],
    totpEnrolmentRequired: !!user && !user.totpSecret && policy?.requireTotp === true,
    pendingTotp: !user && !!req.session.pendingTotp,
    setupRequired: !user && (await ctx.storage.users.count()) === 0,
    expired,
    oidc: ctx.oidc ? { label: ctx.oidc.config.label, loginUrl: '/api/v1/staff/oidc/login' } : null,
  };
}
