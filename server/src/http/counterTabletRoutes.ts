/**
 * The tablet at the counter desk (書かない窓口, issue #19): paired by the
 * six-digit code on the clerk's screen, it holds an opaque HttpOnly cookie and
 * shows the visitor the answers to confirm (modules/counter/tabletService.ts).
 */
import type { Request, Response } from 'express';
import type { Services } from '../services';
import { ContractRouter } from './contract/contractRouter';
import { requestLanguage } from '../i18n/language';

export const TABLET_COOKIE = 'madoguchi_counter_tablet';
/** A tablet stays paired for a working day at most. */
const TABLET_COOKIE_HOURS = 12;

function tabletToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TABLET_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

export function counterTabletRoutes(services: Services, secureCookie: boolean): ContractRouter['router'] {
  const router = new ContractRouter();
  const tablet = services.counter.tablet;
  const cookie = { httpOnly: true, sameSite: 'strict' as const, secure: secureCookie, path: '/api/v1/counter' };

  router.post('/counter/tablet/pair', async (req: Request, res: Response) => {
    const { municipalityCode, code } = req.body as { municipalityCode: string; code: string };
    const token = await tablet.pair(municipalityCode, code, requestLanguage(req));
    res.cookie(TABLET_COOKIE, token, { ...cookie, maxAge: TABLET_COOKIE_HOURS * 3_600_000 });
    res.status(204).end();
  });
  router.get('/counter/tablet', async (req, res) => {
    res.json(await tablet.view(tabletToken(req), requestLanguage(req)));
  });
  router.post('/counter/tablet/confirm', async (req, res) => {
    res.json(await tablet.confirm(tabletToken(req), req.body as { revision?: unknown; signatureImage?: unknown }, requestLanguage(req)));
  });
  router.post('/counter/tablet/unpair', (_req, res) => {
    res.clearCookie(TABLET_COOKIE, cookie);
    res.status(204).end();
  });
  return router.router;
}
