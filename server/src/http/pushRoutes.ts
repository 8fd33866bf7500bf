/**
 * Admin routes of push targets (`/api/v1/staff/municipalities/:code/push-targets`,
 * contract: shared/src/api/contract/pushOperations.ts). Registered in
 * http/staff/index.ts (STAFF_ROUTE_MODULES); a failed delivery is retried
 * through the webhooks' `/deliveries/:deliveryId/retry`.
 */
import type { Request } from 'express';
import { can, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { requestLanguage } from '../i18n/language';
import type { DeliveryStatus } from '../storage/types';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

export function pushRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const push = ctx.services.desk.push;
  const inMunicipality = municipalityParam(ctx.registry);
  const base = '/municipalities/:code';
  const code = (req: Request) => param(req, 'code');
  const lang = (req: Request) => requestLanguage(req);
  const admin = can('integrations.manage', inMunicipality);

  routes.get(`${base}/push-targets`, admin, async (req, res) => {
    res.json({ items: await push.list(code(req)) });
  });
  routes.get(`${base}/push-targets/fields/:procedureId`, admin, async (req, res) => {
    res.json(await push.fields(code(req), param(req, 'procedureId'), lang(req)));
  });
  routes.post(`${base}/push-targets`, admin, async (req, res) => {
    res.status(201).json(await push.create(code(req), req.user!.id, req.body ?? {}, lang(req)));
  });
  routes.patch(`${base}/push-targets/:targetId`, admin, async (req, res) => {
    res.json(await push.update(code(req), param(req, 'targetId'), req.user!.id, req.body ?? {}, lang(req)));
  });
  routes.delete(`${base}/push-targets/:targetId`, admin, async (req, res) => {
    await push.remove(code(req), param(req, 'targetId'), req.user!.id, lang(req));
    res.status(204).end();
  });
  routes.get(`${base}/push-deliveries`, admin, async (req, res) => {
    const status = (['pending', 'delivered', 'failed'] as const).find((s) => s === req.query.status) as DeliveryStatus | undefined;
    const targetId = typeof req.query.targetId === 'string' && req.query.targetId ? req.query.targetId : undefined;
    res.json({ items: await push.deliveries(code(req), { ...(targetId ? { targetId } : {}), ...(status ? { status } : {}) }) });
  });
}
