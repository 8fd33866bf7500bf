/** Sign-in through the external identity provider: redirect out, come back, land in the console (or on the sign-in page with a reason). */
import type { Request, Response, NextFunction } from 'express';
import type { User } from '../../storage/types';
import { NotFoundError } from '../../errors';
import { AppError } from '../../errors';
import { requestLanguage } from '../../i18n/language';
import { authText } from '../../auth/messages';
import { publicAccess, type StaffRoutes } from '../../auth/staffRouter';
import { STAFF_OIDC_STRATEGY } from '../../auth/oidc';
import type { StaffContext } from './context';
import { completeSignIn } from './signInFlow';

export function oidcRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const ready = async (req: Request) => {
    const lang = requestLanguage(req);
    if (!ctx.oidc) throw new NotFoundError(authText(lang, 'oidcNotConfigured'), 'oidc_not_configured');
    await ctx.oidc.ready().catch((error: unknown) => {
      throw new AppError('oidc_unavailable', authText(lang, 'oidcUnavailable'), 503, true, { cause: error });
    });
  };

  routes.get('/oidc/login', publicAccess, async (req, res, next) => {
    await ready(req);
    ctx.passport.authenticate(STAFF_OIDC_STRATEGY)(req, res, next);
  });

  routes.get('/oidc/callback', publicAccess, async (req: Request, res: Response, next: NextFunction) => {
    await ready(req);
    const back = (reason: string) => res.redirect(303, `/staff/login?error=${encodeURIComponent(reason)}`);
    ctx.passport.authenticate(STAFF_OIDC_STRATEGY, (error: unknown, user: User | false, info?: { message?: string }) => {
      if (error) {
        req.log?.warn({ err: error }, 'OIDC sign-in failed');
        return back('oidc_failed');
      }
      if (!user) return back(info?.message?.startsWith('oidc_') ? info.message : 'oidc_failed');
      completeSignIn(ctx, req, user, 'oidc').then(() => res.redirect(303, '/staff/'), next);
    })(req, res, next);
  });
}
