/**
 * Builds the Express application from its dependencies. No listening, no
 * environment reading: tests build it on a temporary data directory.
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { FormValidator } from '@madoguchi/shared';
import type { Config } from './config';
import type { Storage } from './storage/types';
import { MunicipalityRegistry } from './modules/municipalities/registry';
import { CatalogService } from './modules/procedures/catalogService';
import { IntakeService } from './modules/intake/intakeService';
import { SecretDeriver } from './security/keys';
import { createLogger, requestLogger } from './http/logging';
import { errorHandler, notFoundHandler } from './http/errorHandler';
import { publicRoutes } from './http/publicRoutes';
import { installAuth } from './auth/installAuth';
import { residentRoutes } from './http/residentRoutes';
import { jsonGuard, refuseInvalidUtf8 } from './http/inputGuards';
import { createRateLimits } from './http/rateLimits';
import { UploadService } from './modules/uploads/uploadService';
import { FileScanService } from './modules/uploads/fileScans';
import { ClamdClient, type MalwareScanner } from './modules/uploads/clamdClient';
import { DraftService } from './modules/drafts/draftService';
import { createDeskServices, type DeskServices } from './modules/inbox/deskServices';
import type { MailTransport } from './modules/inbox/applicantNotice';
import { residentCorrectionRoutes } from './http/inboxRoutes';
import { backofficeRoutes } from './http/backofficeRoutes';
import { openApiRoutes } from './http/openapi/openapiRoutes';

export interface AppDeps {
  config: Config;
  storage: Storage;
  municipalities: MunicipalityRegistry;
  /** 32-byte server key (see security/keys.ts). */
  secretKey: Buffer;
  presetCount: number;
  logger?: Logger;
  now?: () => Date;
  /** Directory of the built resident/staff app; served when present. */
  clientDist?: string;
  /** Replaces the SMTP transport built from SMTP_URL (applicant notices). */
  mailTransport?: MailTransport;
  /** Replaces the clamd client built from CLAMD_* (malware scanning of uploads). */
  scanner?: MalwareScanner;
}

export interface Services {
  storage: Storage;
  municipalities: MunicipalityRegistry;
  catalog: CatalogService;
  intake: IntakeService;
  uploads: UploadService;
  /** Malware scanning of uploads and the rescan of pending files (main.ts runs it on a timer; issue #8). */
  fileScans: FileScanService;
  drafts: DraftService;
  /** Inbox, corrections, exports, API keys, pull API, webhooks, outbox dispatcher, retention (issue #7). */
  desk: DeskServices;
  presetCount: number;
  version: string;
}

export const CLIENT_DIST = join(__dirname, '..', '..', 'client', 'dist');

export function createServices(deps: AppDeps): Services {
  const catalog = new CatalogService(deps.storage, deps.municipalities);
  const validator = new FormValidator();
  const secrets = new SecretDeriver(deps.secretKey);
  const desk = createDeskServices({
    storage: deps.storage, config: deps.config, catalog, municipalities: deps.municipalities, validator,
    ...(deps.now ? { now: deps.now } : {}), ...(deps.mailTransport ? { mailTransport: deps.mailTransport } : {}), ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const scanConfig = deps.config.malwareScan;
  const scanner = deps.scanner ?? (scanConfig ? new ClamdClient(scanConfig.target, scanConfig.timeoutMs) : undefined);
  const fileScans = new FileScanService(deps.storage, scanner, deps.now, deps.logger);
  return {
    storage: deps.storage,
    municipalities: deps.municipalities,
    catalog,
    intake: new IntakeService(deps.storage, catalog, validator, secrets, deps.now),
    uploads: new UploadService(deps.storage, catalog, deps.now, fileScans),
    fileScans,
    drafts: new DraftService(deps.storage, catalog, deps.config.draftTtlDays, deps.now),
    desk,
    presetCount: deps.presetCount,
    version: process.env.npm_package_version ?? '0.1.0',
  };
}

export function createApp(deps: AppDeps): Express {
  const services = createServices(deps);
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const app = express();
  // main.ts starts the outbox dispatcher and retention job from here; tests drive them directly.
  app.locals.services = services;
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);
  app.use(requestLogger(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"], connectSrc: ["'self'"], frameAncestors: ["'none'"] },
      },
    }),
  );

  // Staff sign-in and the staff API (/api/v1/staff), every route behind the one authorisation layer.
  installAuth(app, deps, services);

  const api = express.Router();
  api.use(express.json({ limit: deps.config.maxJsonBytes, type: ['application/json', 'application/*+json'], verify: refuseInvalidUtf8 }));
  api.use(jsonGuard);
  const limits = createRateLimits(deps.config.rateLimits);
  api.post('/municipalities/:code/procedures/:procedureId/submissions', limits.intake);
  api.post('/municipalities/:code/uploads', limits.upload);
  api.get(['/submissions/:receiptNumber/status', '/submissions/:receiptNumber/pdf'], limits.lookup, limits.receipt);
  api.use('/submissions/:receiptNumber/correction', limits.lookup, limits.receipt);
  api.use('/submissions/:receiptNumber/revisions', limits.lookup, limits.receipt);
  api.use('/drafts', limits.lookup);
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(publicRoutes(services));
  api.use(residentRoutes(services, deps.config.maxUploadBytes));
  api.use(residentCorrectionRoutes(services));
  api.use('/backoffice', backofficeRoutes(services));
  api.use(openApiRoutes());
  api.use(notFoundHandler);
  app.use('/api/v1', api);

  const clientDist = deps.clientDist ?? CLIENT_DIST;
  if (existsSync(join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    // The client routes (/, /m/:code/…) all load the single page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(clientDist, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
