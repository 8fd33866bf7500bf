/**
 * Builds the Express application from its dependencies: the services come
 * from the composition root, this file only wires HTTP. No listening, no
 * environment reading: tests build it on a temporary data directory.
 */
import express, { type Express, type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from './services';
import { createServices } from './composition';
import { createLogger, requestLogger } from './http/logging';
import { securityHeaders } from './http/securityHeaders';
import { clientAssets } from './http/clientAssets';
import { formPageAnswers } from './http/formPageAnswers';
import { publicReads } from './http/publicReads';
import compression from 'compression';
import { errorHandler, notFoundHandler } from './http/errorHandler';
import { publicRoutes } from './http/publicRoutes';
import { INTAKE_PATHS, intakeRoutes } from './http/intakeRoutes';
import { installStaffApi } from './http/staff/installStaffApi';
import { residentRoutes } from './http/residentRoutes';
import { publicCertificateRoutes } from './http/certificateRoutes';
import { publicNoticeRoutes } from './http/noticeRoutes';
import { residentCardRoutes } from './http/residentCardRoutes';
import { counterTabletRoutes } from './http/counterTabletRoutes';
import { jsonGuard, refuseInvalidUtf8 } from './http/inputGuards';
import { createRateLimits } from './http/rateLimits';
import { admissionControl } from './http/admissionControl';
import { residentCorrectionRoutes } from './http/inboxRoutes';
import { residentMessageRoutes } from './http/messageRoutes';
import { backofficeRoutes } from './http/backofficeRoutes';
import { openApiRoutes } from './http/openapi/openapiRoutes';

export const CLIENT_DIST = join(__dirname, '..', '..', 'client', 'dist');

/** A resident's application POST (one procedure or a bundle). */
const SUBMISSION_POST = /^\/api\/v1\/municipalities\/[^/]+\/(procedures\/[^/]+\/submissions|bundles)\/?$/;

/** API answers are never kept by a browser or a proxy. */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export function createApp(deps: AppDeps): Express {
  const services = createServices(deps);
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const app = express();
  // main.ts starts the outbox dispatcher and retention job from here; tests drive them directly.
  app.locals.services = services;
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.use(requestLogger(logger));
  app.use(...securityHeaders(deps.config.publicUrl, deps.config.cardAgentUrls));
  // JSON answers (and anything not precompressed) go out compressed when the browser accepts it; responses that
  // already carry a Content-Encoding (the precompressed assets) are left alone.
  const compress = compression({ brotli: { params: {} } });
  // Except an application's POST: its answer is a receipt of a few hundred bytes (below compression's 1 KB threshold),
  // but wrapping the response for it cost about 3 % of intake CPU.
  app.use((req, res, next) => (req.method === 'POST' && SUBMISSION_POST.test(req.path) ? next() : compress(req, res, next)));

  const limits = createRateLimits(deps.config.rateLimits, deps.storage.rateCounters);
  const { admission } = services;
  const jsonBody = express.json({ limit: deps.config.maxJsonBytes, type: ['application/json', 'application/*+json'], verify: refuseInvalidUtf8 });

  // A resident's application first, with only the layers it needs: under a surge it is most of the traffic, and
  // walking the staff API and every other public route's limits first cost it 7–12 % of its CPU per request.
  // Per-address limits first, then admission control under a surge (503 + Retry-After), both before any body
  // is read: a slot covers receiving the body, and a refused request never has its body parsed or buffered.
  const intakeApi = express.Router();
  intakeApi.post(INTAKE_PATHS, limits.intake, admissionControl(admission.submissions, admission.retryAfterSeconds, 'submission'), jsonBody, jsonGuard, noStore);
  intakeApi.use(intakeRoutes(services));
  // Only a POST can be an application: every other request (the staff inbox's GETs among them) passes by at once.
  app.use('/api/v1', (req, res, next) => (req.method === 'POST' ? intakeApi(req, res, next) : next()));

  // Staff sign-in and the staff API (/api/v1/staff), every route behind the one authorisation layer.
  installStaffApi(app, deps, services);

  const api = express.Router();
  api.post('/municipalities/:code/uploads', limits.upload, admissionControl(admission.uploads, admission.retryAfterSeconds, 'upload'));
  api.use(jsonBody);
  api.use(jsonGuard);
  api.get(['/submissions/:receiptNumber/status', '/submissions/:receiptNumber/pdf', '/bundles/:receiptNumber/status'], limits.lookup, limits.receipt);
  api.use('/submissions/:receiptNumber/correction', limits.lookup, limits.receipt);
  api.use('/submissions/:receiptNumber/revisions', limits.lookup, limits.receipt);
  api.use('/submissions/:receiptNumber/messages', limits.lookup, limits.receipt);
  api.use('/drafts', limits.lookup);
  // 罹災証明書: the resident's copy like the application's; checks by number and code are guesses at a secret too.
  api.get(['/submissions/:receiptNumber/certificate', '/submissions/:receiptNumber/certificate/pdf'], limits.lookup, limits.receipt);
  api.get(['/submissions/:receiptNumber/notice', '/submissions/:receiptNumber/notice/pdf'], limits.lookup, limits.receipt);
  api.get(['/certificates/verify', '/certificates/reference'], limits.lookup);
  // Each card sign-in or signing starts a round trip with the provider: limited like look-ups, so it cannot be used to flood it.
  api.get(['/resident/card/login', '/resident/card/callback'], limits.lookup);
  api.post(['/resident/card/sign', '/resident/card/sign-bundle'], limits.lookup);
  // Six digits are guessable only by many tries: each address gets a few per minute.
  api.post('/counter/tablet/pair', limits.pairing);
  api.use(noStore);
  api.use(publicRoutes(services));
  api.use(residentRoutes(services, deps.config.maxUploadBytes));
  api.use(publicCertificateRoutes(services, deps.config.publicUrl));
  api.use(publicNoticeRoutes(services));
  api.use(residentCardRoutes(services, deps.config.publicUrl));
  api.use(residentCorrectionRoutes(services));
  api.use(residentMessageRoutes(services, deps.config.maxUploadBytes));
  api.use(counterTabletRoutes(services, deps.config.publicUrl.startsWith('https:')));
  api.use('/backoffice', backofficeRoutes(services));
  api.use(openApiRoutes());
  api.use(notFoundHandler);
  app.use('/api/v1', api);

  const clientDist = deps.clientDist ?? CLIENT_DIST;
  if (existsSync(join(clientDist, 'index.html'))) {
    app.use(clientAssets(clientDist, formPageAnswers(publicReads(services))));
  }
  app.use(errorHandler);
  return app;
}
