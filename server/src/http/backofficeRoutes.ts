/**
 * The back-office API (`/api/v1/backoffice`, API key in `Authorization:
 * Bearer mdg_…`) and the admin routes that manage keys, webhooks, deliveries
 * and retention (`/api/v1/staff/municipalities/:code/…`). Both ask the one
 * policy (auth/policy.ts): `authorize` for staff, `authorizeApiKey` for keys.
 */
import { type Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { normalizeReceiptNumber, type Language } from '@madoguchi/shared';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors';
import type { Services } from '../services';
import { can, type StaffRoutes } from '../auth/staffRouter';
import { municipalityParam } from '../auth/resources';
import { authorizeApiKey, type Action } from '../auth/policy';
import type { StaffContext } from './staff/context';
import { requestLanguage } from '../i18n/language';
import type { ApiActor } from '../modules/inbox/actor';
import { noticeOf, sendNoticePdf } from './noticeRoutes';
import { inboxText } from '../modules/inbox/messages';
import { envelopeOf } from '../modules/backoffice/events';
import { fileHeaders } from '../modules/exports/download';
import type { ApiKey, DeliveryStatus } from '../storage/types';
import { ContractRouter } from './contract/contractRouter';
import { param } from './routeParams';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Admin routes for integrations and retention; registered in http/staff/index.ts (STAFF_ROUTE_MODULES). */
export function integrationRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const desk = ctx.services.desk;
  const inMunicipality = municipalityParam(ctx.registry);
  const base = '/municipalities/:code';
  const code = (req: Request) => param(req, 'code');
  const lang = (req: Request) => requestLanguage(req);

  routes.get(`${base}/api-keys`, can('integrations.manage', inMunicipality), async (req, res) => {
    res.json({ items: await desk.apiKeys.list(code(req)) });
  });
  routes.post(`${base}/api-keys`, can('integrations.manage', inMunicipality), async (req, res) => {
    res.status(201).json(await desk.apiKeys.create(code(req), req.user!.id, req.body ?? {}, lang(req)));
  });
  routes.post(`${base}/api-keys/:keyId/revoke`, can('integrations.manage', inMunicipality), async (req, res) => {
    res.json(await desk.apiKeys.revoke(code(req), param(req, 'keyId'), req.user!.id, lang(req)));
  });

  routes.get(`${base}/webhooks`, can('integrations.manage', inMunicipality), async (req, res) => {
    res.json({ items: await desk.webhooks.list(code(req)) });
  });
  routes.post(`${base}/webhooks`, can('integrations.manage', inMunicipality), async (req, res) => {
    res.status(201).json(await desk.webhooks.create(code(req), req.user!.id, req.body ?? {}, lang(req)));
  });
  routes.patch(`${base}/webhooks/:webhookId`, can('integrations.manage', inMunicipality), async (req, res) => {
    res.json(await desk.webhooks.update(code(req), param(req, 'webhookId'), req.user!.id, req.body ?? {}, lang(req)));
  });
  routes.delete(`${base}/webhooks/:webhookId`, can('integrations.manage', inMunicipality), async (req, res) => {
    await desk.webhooks.remove(code(req), param(req, 'webhookId'), req.user!.id, lang(req));
    res.status(204).end();
  });
  /** Sends a signed `ping` now and reports what the receiver answered (no retries: a test button). */
  routes.post(`${base}/webhooks/:webhookId/ping`, can('integrations.manage', inMunicipality), async (req, res) => {
    const webhook = await desk.webhooks.get(code(req), param(req, 'webhookId'), lang(req));
    const at = ctx.now().toISOString();
    const envelope = { ...envelopeOf({ id: `ping-${Date.now()}`, type: 'submission.received', createdAt: at, municipalityCode: webhook.municipalityCode, data: {} }), type: 'ping' as const };
    res.json(await desk.sender.post(webhook, envelope, envelope.id));
  });

  routes.get(`${base}/deliveries`, can('integrations.manage', inMunicipality), async (req, res) => {
    const status = (['pending', 'delivered', 'failed'] as const).find((s) => s === req.query.status) as DeliveryStatus | undefined;
    const webhookId = str(req.query.webhookId);
    res.json({ items: await desk.webhooks.deliveries(code(req), { ...(webhookId ? { webhookId } : {}), ...(status ? { status } : {}) }) });
  });
  routes.post(`${base}/deliveries/:deliveryId/retry`, can('integrations.manage', inMunicipality), async (req, res) => {
    res.json(await desk.webhooks.retry(code(req), param(req, 'deliveryId'), req.user!.id, lang(req)));
  });

  routes.get(`${base}/retention`, can('retention.manage', inMunicipality), async (req, res) => {
    res.json({ items: await desk.retention.list(code(req)) });
  });
  routes.put(`${base}/retention/:procedureId`, can('retention.manage', inMunicipality), async (req, res) => {
    res.json(await desk.retention.set(code(req), param(req, 'procedureId'), req.user!.id, req.body ?? {}, lang(req)));
  });
  routes.delete(`${base}/retention/:procedureId`, can('retention.manage', inMunicipality), async (req, res) => {
    await desk.retention.remove(code(req), param(req, 'procedureId'), req.user!.id);
    res.status(204).end();
  });
}

/** Finds the API key of the request (401 without a valid one) and leaves it in `res.locals.apiKey`. */
function apiKeyAuth(services: Services): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const language = requestLanguage(req);
    const header = req.get('Authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    res.setHeader('WWW-Authenticate', 'Bearer realm="madoguchi-backoffice"');
    if (!token) return next(new UnauthorizedError(inboxText(language, 'apiKeyMissing')));
    const key = await services.desk.apiKeys.verify(token);
    if (!key) return next(new UnauthorizedError(inboxText(language, 'apiKeyInvalid')));
    res.removeHeader('WWW-Authenticate');
    res.locals.apiKey = key;
    next();
  };
}

/** Asks the policy whether the request's key may do `action` in its municipality. */
const allow =
  (action: Action): RequestHandler =>
  (req, res, next) => {
    const key = res.locals.apiKey as ApiKey;
    next(
      authorizeApiKey(key, action, { municipalityCode: key.municipalityCode })
        ? undefined
        : new ForbiddenError(requestLanguage(req) === 'en' ? 'This API key may not do this.' : 'このAPIキーにはこの操作の権限がありません。'),
    );
  };

const apiActor = (res: Response): ApiActor => {
  const key = res.locals.apiKey as ApiKey;
  return { kind: 'api-key', keyId: key.id, municipalityCode: key.municipalityCode };
};

/** The pull API for back-office systems. */
export function backofficeRoutes(services: Services): Router {
  const router = new ContractRouter('/backoffice');
  const { pull, workflow } = services.desk;
  const receipt = (req: Request) => normalizeReceiptNumber(param(req, 'receiptNumber'));
  const lang = (req: Request): Language => requestLanguage(req);
  router.use(apiKeyAuth(services));

  router.get('/submissions', allow('inbox.read'), async (req, res) => {
    const limit = req.query.limit === undefined ? undefined : Number(req.query.limit);
    const procedureId = str(req.query.procedureId);
    const after = str(req.query.after);
    res.json(
      await pull.changes(apiActor(res), { ...(after ? { after } : {}), ...(limit !== undefined && Number.isFinite(limit) ? { limit } : {}), ...(procedureId ? { procedureId } : {}) }, lang(req)),
    );
  });

  router.get('/submissions/:receiptNumber', allow('inbox.read'), async (req, res) => {
    res.json(await pull.get(apiActor(res), receipt(req), { embedAttachments: req.query.embed === 'attachments' }, lang(req)));
  });

  router.get('/submissions/:receiptNumber/files/:fileId', allow('inbox.read'), async (req, res) => {
    const { meta, content } = await pull.file(apiActor(res), receipt(req), param(req, 'fileId'), lang(req));
    res.set(fileHeaders(meta.fileName, meta.mediaType, false)).send(content);
  });

  /** Records that the system took the submission (does not change it for residents or staff): read scope suffices. */
  router.post('/submissions/:receiptNumber/ack', allow('inbox.read'), async (req, res) => {
    res.json(await pull.acknowledge(apiActor(res), receipt(req), req.body?.revision, lang(req)));
  });

  router.post('/submissions/:receiptNumber/status', allow('inbox.update'), async (req, res) => {
    const meta = await pull.meta(apiActor(res), receipt(req), lang(req));
    const s = await workflow.changeStatus(
      apiActor(res),
      meta.id,
      { to: req.body?.to, expected: req.body?.expected, publicNote: typeof req.body?.publicNote === 'string' ? req.body.publicNote : undefined, reason: req.body?.reason },
      lang(req),
    );
    res.json({ receiptNumber: s.receiptNumber, status: s.status, updatedAt: s.updatedAt, ...(await noticeOf(services.desk.notices, s.id)) });
  });

  router.get('/submissions/:receiptNumber/notice/pdf', allow('inbox.read'), async (req, res) => {
    await sendNoticePdf(res, await pull.notice(apiActor(res), receipt(req), lang(req)));
  });

  router.use((req, _res, next) => next(new NotFoundError(requestLanguage(req) === 'en' ? 'No such API endpoint.' : '指定されたAPIはありません。', 'no_route')));
  return router.router;
}
