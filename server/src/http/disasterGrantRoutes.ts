/**
 * 応援職員 in the staff API (issue #20): the affected municipality's admin
 * (disaster.manage) lends one disaster to accounts of other municipalities
 * and revokes them; a lent account lists where it helps (応援先).
 * Who gets in with a grant: auth/disasterAccess.ts.
 */
import type { Request } from 'express';
import { can, signedIn, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { requestLanguage } from '../i18n/language';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

export function disasterGrantRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const grants = ctx.services.disasterGrants;
  const manage = can('disaster.manage', municipalityParam(ctx.registry));
  const base = '/municipalities/:code/disasters/:disasterId/grants';
  const actor = (req: Request) => ({ userId: req.user!.id });

  routes.get(base, manage, async (req, res) => {
    res.json({ items: await grants.list(param(req, 'code'), param(req, 'disasterId'), requestLanguage(req)) });
  });
  routes.post(base, manage, async (req, res) => {
    res.status(201).json(await grants.grant(param(req, 'code'), param(req, 'disasterId'), req.body, actor(req), requestLanguage(req)));
  });
  routes.post(`${base}/:grantId/revoke`, manage, async (req, res) => {
    res.json(await grants.revoke(param(req, 'code'), param(req, 'disasterId'), param(req, 'grantId'), actor(req), requestLanguage(req)));
  });
  routes.get('/me/disaster-grants', signedIn, async (req, res) => {
    res.json({ items: await grants.mine(req.user!) });
  });
}
