/** The signed-in account's own page: password, TOTP second factor, recent sign-ins. */
import { totpQrCode } from '../../auth/totpQrCode';
import { requestLanguage } from '../../i18n/language';
import { signedIn, type StaffRoutes } from '../../auth/staffRouter';
import { toPublicUser } from '../../modules/users/publicUser';
import type { StaffContext } from './context';

export function accountRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const { account } = ctx;

  routes.get('/me/sign-ins', signedIn, async (req, res) => {
    res.json({ items: await account.recentSignIns(req.user!) });
  });

  routes.post('/me/password', signedIn, async (req, res) => {
    await account.changePassword(req.user!, req.body?.currentPassword, req.body?.newPassword, req.sessionID, requestLanguage(req));
    res.status(204).end();
  });

  /** The secret is in this one response (to type, or to scan as a QR code made here); afterwards it is never shown. */
  routes.post('/me/totp', signedIn, async (req, res) => {
    const { secret, uri, sealed } = account.startTotp(req.user!, requestLanguage(req));
    req.session.totpEnrolment = sealed;
    res.json({ secret, uri, qrCode: await totpQrCode(uri) });
  });

  routes.post('/me/totp/confirm', signedIn, async (req, res) => {
    const updated = await account.confirmTotp(req.user!, req.session.totpEnrolment, req.body?.code, requestLanguage(req));
    delete req.session.totpEnrolment;
    res.json(toPublicUser(updated, ctx.registry, ctx.now()));
  });

  routes.post('/me/totp/disable', signedIn, async (req, res) => {
    const updated = await account.disableTotp(req.user!, req.body?.code, requestLanguage(req));
    res.json(toPublicUser(updated, ctx.registry, ctx.now()));
  });
}
