/**
 * The staff catalog API (`/api/v1/staff/...`): a municipality's catalog,
 * adopted presets with local edits, procedures of its own (builder drafts,
 * publish, retire, duplicate, export, import, start from a template), and the preset library for
 * platform admins. Thin: every route is declared through StaffRoutes (the one
 * authorisation layer; requests are checked against the API contract before
 * the handler), calls a catalog service and answers.
 */
import type { Request, Response } from 'express';
import type { Decision } from '@madoguchi/shared';
import { can, type ResourceResolver, type StaffRoutes } from '../auth/staffRouter';
import { platform } from '../auth/resources';
import type { MunicipalityRegistry } from '../modules/municipalities/registry';
import { NotFoundError } from '../errors';
import type { Actor } from '../modules/catalog';
import { publishWarnings } from '../modules/catalog/publishWarnings';
import { requestLanguage } from '../i18n/language';
import type { StaffContext } from './staff/context';
import { msg } from '../i18n/messages';
import { param } from './routeParams';

const actor = (req: Request): Actor => ({ userId: req.user!.id });
const body = (req: Request): Record<string, unknown> => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});

/** The municipality in the path, and the procedure the request acts on (path parameter or body field), for staff scoped to some procedures. */
function inMunicipality(registry: MunicipalityRegistry, procedure?: { param?: string; bodyField?: string }): ResourceResolver {
  return (req) => {
    const code = param(req, 'code');
    if (!registry.get(code)) throw new NotFoundError(msg('municipalityNotFound'), 'municipality_not_found');
    const fromBody = procedure?.bodyField ? body(req)[procedure.bodyField] : undefined;
    const procedureId = procedure?.param ? param(req, procedure.param) : typeof fromBody === 'string' ? fromBody : undefined;
    return { municipalityCode: code, ...(procedureId !== undefined ? { procedureId } : {}) };
  };
}

function sendFile(res: Response, fileName: string, content: unknown): void {
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.json(content);
}

export function catalogRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const { adoptions, procedures, presets, overview } = ctx.services.staffCatalog;
  const m = (procedure?: { param?: string; bodyField?: string }) => inMunicipality(ctx.registry, procedure);
  const preset = { param: 'presetId' };
  const own = { param: 'procedureId' };
  const base = '/municipalities/:code/catalog';

  routes.get(base, can('catalog.read', m()), async (req, res) => {
    res.json({ items: await overview.listFor(param(req, 'code')) });
  });

  // Adopted presets: local edits layered over a preset version.
  routes.post(`${base}/adoptions`, can('catalog.edit', m({ bodyField: 'presetId' })), async (req, res) => {
    const { view, created } = await adoptions.adopt(param(req, 'code'), body(req).presetId as string, actor(req));
    res.status(created ? 201 : 200).json(view);
  });
  routes.get(`${base}/adoptions/:presetId`, can('catalog.read', m(preset)), async (req, res) => {
    res.json(await adoptions.view(param(req, 'code'), param(req, 'presetId')));
  });
  routes.put(`${base}/adoptions/:presetId/edits`, can('catalog.edit', m(preset)), async (req, res) => {
    res.json(await adoptions.saveEdits(param(req, 'code'), param(req, 'presetId'), body(req).ops, body(req).revision as number, actor(req)));
  });
  routes.post(`${base}/adoptions/:presetId/publish`, can('catalog.publish', m(preset)), async (req, res) => {
    const { version, unchanged } = await adoptions.publish(param(req, 'code'), param(req, 'presetId'), actor(req));
    res
      .status(unchanged ? 200 : 201)
      .json({ version: version.version, status: version.status, publishedAt: version.publishedAt, unchanged, warnings: publishWarnings(version.procedure, requestLanguage(req)) });
  });
  routes.post(`${base}/adoptions/:presetId/update-preview`, can('catalog.read', m(preset)), async (req, res) => {
    res.json(await adoptions.previewUpdate(param(req, 'code'), param(req, 'presetId'), (body(req).decisions ?? {}) as Record<string, Decision>));
  });
  routes.post(`${base}/adoptions/:presetId/update`, can('catalog.edit', m(preset)), async (req, res) => {
    const b = body(req);
    res.json(await adoptions.takeUpdate(param(req, 'code'), param(req, 'presetId'), (b.decisions ?? {}) as Record<string, Decision>, b.revision as number, actor(req)));
  });
  routes.put(`${base}/adoptions/:presetId/withdrawn`, can('catalog.publish', m(preset)), async (req, res) => {
    res.json(await adoptions.setWithdrawn(param(req, 'code'), param(req, 'presetId'), body(req).withdrawn as boolean, actor(req)));
  });
  routes.delete(`${base}/adoptions/:presetId`, can('catalog.publish', m(preset)), async (req, res) => {
    await adoptions.discard(param(req, 'code'), param(req, 'presetId'), actor(req));
    res.status(204).end();
  });
  routes.get(`${base}/adoptions/:presetId/export`, can('catalog.read', m(preset)), async (req, res) => {
    const view = await adoptions.view(param(req, 'code'), param(req, 'presetId'));
    sendFile(res, `${view.presetId}.json`, { format: 'madoguchi-procedure', formatVersion: 1, exportedAt: ctx.now().toISOString(), ...view.document });
  });

  // Procedures of the municipality's own.
  routes.post(`${base}/procedures`, can('catalog.edit', m({ bodyField: 'id' })), async (req, res) => {
    res.status(201).json(await procedures.create(param(req, 'code'), body(req), actor(req)));
  });
  routes.post(`${base}/procedures/import`, can('catalog.edit', m({ bodyField: 'id' })), async (req, res) => {
    res.status(201).json(await procedures.import(param(req, 'code'), body(req), actor(req)));
  });
  routes.get(`${base}/templates`, can('catalog.read', m()), (_req, res) => {
    res.json({ items: procedures.listTemplates() });
  });
  routes.post(`${base}/procedures/from-template`, can('catalog.edit', m({ bodyField: 'id' })), async (req, res) => {
    res.status(201).json(await procedures.fromTemplate(param(req, 'code'), body(req), actor(req)));
  });
  routes.get(`${base}/procedures/:procedureId`, can('catalog.read', m(own)), async (req, res) => {
    res.json(await procedures.view(param(req, 'code'), param(req, 'procedureId')));
  });
  routes.put(`${base}/procedures/:procedureId/draft`, can('catalog.edit', m(own)), async (req, res) => {
    res.json(await procedures.saveDraft(param(req, 'code'), param(req, 'procedureId'), body(req), actor(req)));
  });
  routes.post(`${base}/procedures/:procedureId/publish`, can('catalog.publish', m(own)), async (req, res) => {
    const { version } = await procedures.publish(param(req, 'code'), param(req, 'procedureId'), actor(req));
    res.status(201).json({ version: version.version, status: version.status, publishedAt: version.publishedAt, unchanged: false, warnings: publishWarnings(version.procedure, requestLanguage(req)) });
  });
  routes.post(`${base}/procedures/:procedureId/retire`, can('catalog.publish', m(own)), async (req, res) => {
    await procedures.retire(param(req, 'code'), param(req, 'procedureId'), actor(req));
    res.status(204).end();
  });
  routes.post(`${base}/procedures/:procedureId/duplicate`, can('catalog.edit', m({ bodyField: 'newId' })), async (req, res) => {
    res.status(201).json(await procedures.duplicate(param(req, 'code'), param(req, 'procedureId'), body(req), actor(req)));
  });
  routes.get(`${base}/procedures/:procedureId/export`, can('catalog.read', m(own)), async (req, res) => {
    const version = req.query.version === undefined ? undefined : Number(req.query.version);
    sendFile(res, `${param(req, 'procedureId')}.json`, await procedures.export(param(req, 'code'), param(req, 'procedureId'), version));
  });

  // The preset library (platform admins).
  routes.get('/presets', can('preset.edit', platform), async (_req, res) => {
    res.json({ items: await presets.list() });
  });
  routes.get('/presets/:presetId', can('preset.edit', platform), async (req, res) => {
    res.json(await presets.view(param(req, 'presetId')));
  });
  routes.put('/presets/:presetId/edits', can('preset.edit', platform), async (req, res) => {
    res.json(await presets.saveEdits(param(req, 'presetId'), body(req).ops, body(req).revision as number, actor(req)));
  });
  routes.delete('/presets/:presetId/edits', can('preset.edit', platform), async (req, res) => {
    await presets.discardEdits(param(req, 'presetId'));
    res.status(204).end();
  });
  routes.post('/presets/:presetId/publish', can('preset.publish', platform), async (req, res) => {
    const { version, unchanged } = await presets.publish(param(req, 'presetId'), body(req).note, actor(req));
    res.status(unchanged ? 200 : 201).json({ version: version.version, status: version.status, publishedAt: version.publishedAt, unchanged });
  });
  routes.get('/presets/:presetId/diff', can('preset.edit', platform), async (req, res) => {
    res.json(await presets.diff(param(req, 'presetId'), Number(req.query.from), Number(req.query.to)));
  });
}
