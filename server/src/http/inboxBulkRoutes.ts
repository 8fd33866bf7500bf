/**
 * Bulk work and saved views in the staff inbox (issue #21), behind the same
 * authorisation layer and CSRF check as the other inbox routes. Thin: parse,
 * call a service, answer.
 */
import type { StaffRoutes } from '../auth/staffRouter';
import { can } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { requestLanguage } from '../i18n/language';
import { BulkService } from '../modules/inbox/bulkService';
import { PAGE_SIZES, SavedViewService } from '../modules/inbox/savedViews';
import { contentDisposition } from '../modules/exports/download';
import { jstText } from '../modules/exports/csvExport';
import { actorOf, sheetDeps } from './inboxRoutes';
import type { StaffContext } from './staff/context';
import { param } from './routeParams';

/** Registered in http/staff/index.ts (STAFF_ROUTE_MODULES). */
export function inboxBulkRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const desk = ctx.services.desk;
  const bulk = new BulkService(ctx.storage, desk.inbox, desk.workflow, desk.csv, sheetDeps(ctx), ctx.now);
  const views = new SavedViewService(ctx.storage, ctx.now);
  const inMunicipality = municipalityParam(ctx.registry);
  const base = '/municipalities/:code/inbox';

  routes.get(`${base}/bulk/count`, can('inbox.read', inMunicipality), async (req, res) => {
    res.json(await bulk.count(actorOf(req), req.query, requestLanguage(req)));
  });

  routes.post(`${base}/bulk/assign`, can('inbox.update', inMunicipality), async (req, res) => {
    res.json(await bulk.assign(actorOf(req), req.user!, req.body?.selection, req.body?.assigneeId ?? null, requestLanguage(req)));
  });

  routes.post(`${base}/bulk/status`, can('inbox.update', inMunicipality), async (req, res) => {
    const { selection, to, publicNote, expected, reason } = req.body ?? {};
    res.json(await bulk.changeStatus(actorOf(req), req.user!, selection, { to, publicNote, expected, reason }, requestLanguage(req)));
  });

  routes.post(`${base}/bulk/export/csv`, can('inbox.export', inMunicipality), async (req, res) => {
    const encoding = req.body?.encoding === 'cp932' ? 'cp932' : 'utf-8';
    const out = await bulk.exportCsv(actorOf(req), req.user!, req.body?.selection, { encoding, header: req.body?.header === 'keys' ? 'keys' : 'labels' }, requestLanguage(req));
    res.setHeader('Content-Type', `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'utf-8'}`);
    res.setHeader('Content-Disposition', contentDisposition('attachment', out.fileName));
    res.setHeader('X-Export-Rows', String(out.rows));
    res.setHeader('X-Export-Replaced', encodeURIComponent(out.replaced.join('')));
    res.send(out.bytes);
  });

  routes.post(`${base}/bulk/pdf`, can('inbox.export', inMunicipality), async (req, res) => {
    const { pdf, count } = await bulk.printPdf(actorOf(req), req.user!, req.body?.selection, requestLanguage(req));
    const stamp = jstText(ctx.now().toISOString()).replace(/[-: ]/g, '').slice(0, 12);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition('attachment', `申請書_${count}件_${stamp}.pdf`));
    res.setHeader('X-Export-Rows', String(count));
    res.send(pdf);
  });

  routes.get(`${base}/views`, can('inbox.read', inMunicipality), async (req, res) => {
    res.json({ items: await views.list(param(req, 'code'), req.user!) });
  });

  routes.post(`${base}/views`, can('inbox.read', inMunicipality), async (req, res) => {
    res.status(201).json(await views.create(param(req, 'code'), req.user!, req.body, requestLanguage(req)));
  });

  routes.patch(`${base}/views/:viewId`, can('inbox.read', inMunicipality), async (req, res) => {
    res.json(await views.rename(param(req, 'code'), req.user!, param(req, 'viewId'), req.body?.name, requestLanguage(req)));
  });

  routes.delete(`${base}/views/:viewId`, can('inbox.read', inMunicipality), async (req, res) => {
    await views.delete(param(req, 'code'), req.user!, param(req, 'viewId'), requestLanguage(req));
    res.status(204).end();
  });

  routes.get(`${base}/preferences`, can('inbox.read', inMunicipality), async (req, res) => {
    res.json({ pageSize: await views.pageSize(req.user!.id), pageSizes: PAGE_SIZES });
  });

  routes.put(`${base}/preferences`, can('inbox.read', inMunicipality), async (req, res) => {
    res.json({ pageSize: await views.setPageSize(req.user!.id, req.body, requestLanguage(req)), pageSizes: PAGE_SIZES });
  });
}
