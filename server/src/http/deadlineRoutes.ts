/** 標準処理期間 per procedure (issue #21): `/api/v1/staff/municipalities/:code/processing-periods`; registered in http/staff/index.ts. */
import { can, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { requestLanguage } from '../i18n/language';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

export function deadlineRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const deadlines = ctx.services.desk.deadlines;
  const inMunicipality = municipalityParam(ctx.registry);
  const base = '/municipalities/:code/processing-periods';

  routes.get(base, can('deadlines.manage', inMunicipality), async (req, res) => {
    res.json({ items: await deadlines.list(param(req, 'code')) });
  });
  routes.put(`${base}/:procedureId`, can('deadlines.manage', inMunicipality), async (req, res) => {
    res.json(await deadlines.set(param(req, 'code'), param(req, 'procedureId'), req.user!.id, req.body ?? {}, requestLanguage(req)));
  });
  routes.delete(`${base}/:procedureId`, can('deadlines.manage', inMunicipality), async (req, res) => {
    await deadlines.remove(param(req, 'code'), param(req, 'procedureId'), req.user!.id);
    res.status(204).end();
  });
}
