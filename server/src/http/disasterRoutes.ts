/**
 * 被災者支援 in the staff API (`/api/v1/staff/municipalities/:code/disasters`):
 * a municipal admin (disaster.manage) declares, corrects and closes the
 * municipality's disasters; its staff (inbox.read) see them (modules/disasters).
 */
import type { Request } from 'express';
import { can, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { canInDisaster, lentFrom } from '../auth/disasterAccess';
import { requestLanguage } from '../i18n/language';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

export function disasterRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const disasters = ctx.services.disasters;
  const m = municipalityParam(ctx.registry);
  const base = '/municipalities/:code/disasters';
  const actor = (req: Request) => ({ userId: req.user!.id });

  routes.get(base, can('inbox.read', m), async (req, res) => {
    res.json({ items: await disasters.list(param(req, 'code')) });
  });
  routes.post(base, can('disaster.manage', m), async (req, res) => {
    res.status(201).json(await disasters.declare(param(req, 'code'), req.body, actor(req), requestLanguage(req)));
  });
  // Lent staff of other municipalities (応援職員) read the disaster they help with; their reads are audited.
  routes.get(`${base}/:disasterId`, canInDisaster('inbox.read', ctx), async (req, res) => {
    const disaster = await disasters.get(param(req, 'code'), param(req, 'disasterId'), requestLanguage(req));
    await ctx.services.disasterGrants.recordLentAction(lentFrom(res), disaster.municipalityCode, req.user!.id, 'disaster.read', 'disaster', disaster.id);
    res.json(disaster);
  });
  routes.put(`${base}/:disasterId`, can('disaster.manage', m), async (req, res) => {
    res.json(await disasters.amend(param(req, 'code'), param(req, 'disasterId'), req.body, actor(req), requestLanguage(req)));
  });
  routes.post(`${base}/:disasterId/close`, can('disaster.manage', m), async (req, res) => {
    res.json(await disasters.close(param(req, 'code'), param(req, 'disasterId'), actor(req), requestLanguage(req)));
  });
}
