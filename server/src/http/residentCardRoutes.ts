/**
 * The resident's My Number Card routes (sign-in, signing, the provider's
 * redirect back). The browser holds only an opaque, HttpOnly session cookie;
 * everything else stays on the server (modules/identity).
 */
import type { Request, Response } from 'express';
import type { Services } from '../services';
import { NotFoundError } from '../errors';
import { msg } from '../i18n/messages';
import { AppError } from '../errors';
import { ContractRouter } from './contract/contractRouter';
import { RESIDENT_COOKIE } from '../modules/identity/residentSessions';
import { safeReturnPath, withQuery } from '../modules/identity/myNumberCardService';
import { requestLanguage } from '../i18n/language';

/** The resident session cookie's value, read without a cookie parser (one name, one value). */
export function residentSessionId(req: Request): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === RESIDENT_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/** The resident session cookie: HttpOnly, SameSite=Lax (it must come back with the provider's redirect), API only. */
export function setResidentCookie(res: Response, sid: string, card: { sessionMinutes: number; secureCookie: boolean }): void {
  res.cookie(RESIDENT_COOKIE, sid, { httpOnly: true, sameSite: 'lax', secure: card.secureCookie, path: '/api/v1', maxAge: card.sessionMinutes * 60_000 });
}

export function residentCardRoutes(services: Services, publicUrl: string): ContractRouter['router'] {
  const router = new ContractRouter();
  const card = () => {
    if (!services.card) throw new NotFoundError(msg('cardNotConfigured'), 'card_not_configured');
    return services.card;
  };
  const setCookie = (res: Response, sid: string) => setResidentCookie(res, sid, card());

  router.get('/resident/card', async (req, res) => {
    const municipality = typeof req.query.municipality === 'string' ? req.query.municipality : undefined;
    const available = !!services.card && (!municipality || services.card.service.offeredIn(municipality));
    res.json({ available, identity: available ? await services.card!.service.identity(residentSessionId(req)) : null });
  });

  router.get('/resident/card/login', async (req, res) => {
    const { sid, url } = await card().service.startSignIn(residentSessionId(req), safeReturnPath(req.query.returnTo));
    setCookie(res, sid);
    res.redirect(302, url);
  });

  router.get('/resident/card/callback', async (req, res) => {
    const sid = residentSessionId(req);
    const callbackUrl = new URL(req.originalUrl, publicUrl);
    const back = (await card().service.pendingReturn(sid, callbackUrl.searchParams.get('state'))) ?? '/';
    try {
      const done = await card().service.finish(sid, callbackUrl);
      if (done.sid) setCookie(res, done.sid);
      res.redirect(303, done.location);
    } catch (error) {
      // The resident returns to the page they came from, which explains the refusal in their language.
      if (!(error instanceof AppError) || error.code === 'card_not_configured') throw error;
      res.redirect(303, withQuery(back, 'cardError', error.code));
    }
  });

  router.post('/resident/card/logout', async (req, res) => {
    if (services.card) await services.card.service.signOut(residentSessionId(req));
    res.clearCookie(RESIDENT_COOKIE, { path: '/api/v1' });
    res.status(204).end();
  });

  router.post('/resident/card/sign', async (req, res) => {
    const body = req.body as { municipalityCode: string; procedureId: string; data: Record<string, unknown>; attachments?: Record<string, string[]>; returnTo?: string };
    const { sid, url } = await card().service.startSigning(
      residentSessionId(req),
      { municipalityCode: body.municipalityCode, procedureId: body.procedureId, data: body.data, attachments: body.attachments ?? {}, returnTo: body.returnTo ?? '/' },
      requestLanguage(req),
    );
    setCookie(res, sid);
    res.json({ url });
  });

  router.post('/resident/card/sign-bundle', async (req, res) => {
    const body = req.body as { municipalityCode: string; items: Array<{ procedureId: string; data: Record<string, unknown>; attachments?: Record<string, string[]> }>; returnTo?: string };
    const { sid, url } = await card().service.startBundleSigning(
      residentSessionId(req),
      { municipalityCode: body.municipalityCode, items: body.items, returnTo: body.returnTo ?? '/' },
      requestLanguage(req),
    );
    setCookie(res, sid);
    res.json({ url });
  });

  router.get('/resident/card/jwks', (_req, res) => {
    res.json(card().jwks);
  });

  return router.router;
}
