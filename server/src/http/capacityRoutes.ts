/** 定員と予約状況 (issue #22): `/api/v1/staff/municipalities/:code/procedures/:procedureId/capacity`; registered in http/staff/index.ts. */
import { can, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { requestLanguage } from '../i18n/language';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

export function capacityRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const capacity = ctx.services.capacity;
  const inMunicipality = municipalityParam(ctx.registry);
  const base = '/municipalities/:code/procedures/:procedureId/capacity';

  // The bookings name applications (receipt numbers): the desk's read permission.
  routes.get(base, can('inbox.read', inMunicipality), async (req, res) => {
    res.json(await capacity.bookings(param(req, 'code'), param(req, 'procedureId')));
  });
  // Changing a capacity changes the procedure as residents see it: the procedure editors' permission.
  routes.put(base, can('catalog.edit', inMunicipality), async (req, res) => {
    res.json(await capacity.setCapacity(req.user!.id, param(req, 'code'), param(req, 'procedureId'), req.body ?? {}, requestLanguage(req)));
  });
}
