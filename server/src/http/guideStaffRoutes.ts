/**
 * The municipality's life-event guides in the staff console
 * (`/api/v1/staff/municipalities/:code/guides`). Guides belong to the
 * catalog, so the catalog's permissions apply: reading, editing (drafts,
 * new guides) and publishing (publish, hide) as for procedures.
 */
import type { Request } from 'express';
import type { LifeEventGuide } from '@madoguchi/shared';
import { can, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { requestLanguage } from '../i18n/language';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

const actor = (req: Request) => ({ userId: req.user!.id });

export function guideStaffRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const editor = ctx.services.guideEditor;
  const m = municipalityParam(ctx.registry);
  const base = '/municipalities/:code/guides';

  routes.get(base, can('catalog.read', m), async (req, res) => {
    res.json({ items: await editor.list(param(req, 'code')) });
  });
  routes.post(base, can('catalog.edit', m), async (req, res) => {
    const body = req.body as { id: string; lifeEvent: string; title: string };
    res.status(201).json(await editor.create(param(req, 'code'), body, actor(req), requestLanguage(req)));
  });
  routes.get(`${base}/:guideId`, can('catalog.read', m), async (req, res) => {
    res.json(await editor.view(param(req, 'code'), param(req, 'guideId')));
  });
  routes.put(`${base}/:guideId/draft`, can('catalog.edit', m), async (req, res) => {
    const body = req.body as { guide: LifeEventGuide; version: number; hidden?: boolean };
    res.json(await editor.save(param(req, 'code'), param(req, 'guideId'), body, actor(req), requestLanguage(req)));
  });
  routes.post(`${base}/:guideId/publish`, can('catalog.publish', m), async (req, res) => {
    res.status(201).json(await editor.publish(param(req, 'code'), param(req, 'guideId'), actor(req), requestLanguage(req)));
  });
  routes.put(`${base}/:guideId/hidden`, can('catalog.publish', m), async (req, res) => {
    res.json(await editor.setHidden(param(req, 'code'), param(req, 'guideId'), (req.body as { hidden: boolean }).hidden, actor(req), requestLanguage(req)));
  });
}
