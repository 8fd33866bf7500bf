/**
 * Starts Madoguchi: reads configuration, opens the store, loads the presets,
 * and serves the API and the app. `npm start` runs this (after building).
 */
import { identityStartupWarnings } from './modules/identity/identityConfig';
import { loadPresets } from '@madoguchi/presets';
import { loadConfig } from './config';
import { createApp } from './app';
import type { Services } from './services';
import { createStorage } from './storage/createStorage';
import { MunicipalityRegistry } from './modules/municipalities/registry';
import { syncPresets } from './modules/procedures/presetSync';
import { loadOrCreateKey } from './security/keys';
import { widePermissions } from './security/privateFiles';
import { dataCipherFromConfig } from './security/dataKeys';
import { createLogger } from './http/logging';
import { ConfigError } from './errors';
import { announceSetupLink } from './auth/oneTimeTokens';
import { runCleanup } from './modules/maintenance/cleanup';
import { processRole, superviseWorkers } from './cluster';
import { PeriodicJobs } from './modules/maintenance/periodicJobs';
import { JobLeases } from './modules/maintenance/jobLeases';
import { createAuditAnchor } from './modules/auditAnchor/createAuditAnchor';
import { RequestDrainer } from './http/gracefulShutdown';
import { createServer } from 'node:http';
import { refoldStoredNames } from './modules/inbox/applicantIndex';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mongodbUri && (!config.secretKey || !config.dataEncryptionKey)) {
    throw new ConfigError('SECRET_KEY and DATA_ENCRYPTION_KEY must be set when MONGODB_URI is set (all instances must share them)');
  }
  const logger = createLogger(config.logLevel);
  const role = processRole(config.workers);
  const presets = loadPresets(); // throws on an invalid preset: start-up stops
  const cipher = dataCipherFromConfig(config);
  // The primary of a cluster only migrates and syncs presets, then closes the store: its workers checkpoint.
  const storage = await createStorage({ ...config, cipher, walCheckpointThread: role !== 'primary', warn: (message) => logger.warn(message) });
  if (role !== 'worker') {
    // Once per start (the primary does it for its workers): migrations ran in createStorage.
    const sync = await syncPresets(storage, presets);
    const refolded = await refoldStoredNames(storage); // 異体字 folding of names indexed before it (modules/inbox/applicantIndex.ts)
    if (refolded > 0) logger.info({ refolded }, 'name index: variant kanji folded');
    logger.info({ storage: storage.kind, dataDir: storage.kind === 'sqlite' ? config.dataDir : undefined, presets: presets.length, newlyPublished: sync.published.length }, 'store ready');
    // Personal data lives in DATA_DIR: say so when other accounts on the machine may read it.
    for (const wide of widePermissions(config.dataDir)) {
      logger.warn({ path: wide.path, mode: wide.mode }, 'DATA_DIR: other accounts may read this (restrict the directory to 700 and its files to 600)');
    }
    if (config.identity) logger.info({ issuer: config.identity.issuer, trustAnchors: config.identity.trustAnchorsFile ?? null }, 'My Number Card (デジタル認証アプリ) configured');
    for (const warning of identityStartupWarnings(config.identity)) logger.warn(warning);
  }
  if (role === 'primary') {
    loadOrCreateKey(config.dataDir, 'secret.key', config.secretKey); // created once, before workers read it
    await announceSetupLink(storage, config.publicUrl, (text) => console.log(text));
    await storage.close();
    superviseWorkers({
      workers: config.workers,
      log: (message) => logger.warn(message),
      onListening: (port) => console.log(`Madoguchi is serving on http://localhost:${port} (${config.workers} workers)`),
    });
    return;
  }
  const secretKey = loadOrCreateKey(config.dataDir, 'secret.key', config.secretKey);
  const municipalities = MunicipalityRegistry.fromCsv();
  const app = createApp({ config, storage, municipalities, secretKey, presetCount: presets.length, logger });
  // No account yet: print a one-time link for the first platform admin (never a default password).
  if (role === 'single') await announceSetupLink(storage, config.publicUrl, (text) => console.log(text));
  // Requests pass through the drainer so that SIGTERM can finish the ones in flight (http/gracefulShutdown.ts).
  const drainer = new RequestDrainer();
  const server = createServer(drainer.handler(app)).listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port }, `Madoguchi is serving on http://localhost:${port}`);
    // The address is printed even when LOG_LEVEL hides info lines: operators and scripts look for it.
    if (!logger.isLevelEnabled('info') && role === 'single') console.log(`Madoguchi is serving on http://localhost:${port}`);
  });

  // Background jobs: each runs in the one instance holding its lease in the store (modules/maintenance/jobLeases.ts),
  // whether the instances are cluster workers or separate servers on one store; a dead holder's jobs move on.
  const leases = new JobLeases(storage.leases, { ttlMs: config.jobLeaseSeconds * 1000, logger });
  const jobs = new PeriodicJobs(leases);
  // Housekeeping: remove files of drafts never submitted, expired drafts and sessions, answers of counter visits left open.
  const cleanup = () =>
    runCleanup(storage, config.abandonedUploadHours, new Date(), (app.locals.services as Services).counter.sessions)
      .then((removed) => logger.info({ removed }, 'cleanup done'))
      .catch((error: unknown) => logger.error({ err: error }, 'cleanup failed'));
  jobs.every('cleanup', 3600_000, cleanup, { now: true });

  // Webhooks and applicant e-mail: the outbox is delivered from the store, so a restart resumes where a crash stopped.
  const desk = (app.locals.services as Services).desk;
  leases.watch('job:outbox', {
    gained: () => {
      if (!stopping) desk.dispatcher.start();
    },
    lost: () => void desk.dispatcher.stop(),
  });
  if (!config.auth.smtpUrl) logger.info('SMTP_URL is not set: applicants are not e-mailed about their submissions');
  // Retention: closed submissions past their procedure's period are deleted or stripped.
  const retention = () =>
    desk.retention
      .run()
      .then((removed) => (removed.deleted || removed.stripped) && logger.info({ removed }, 'retention done'))
      .catch((error: unknown) => logger.error({ err: error }, 'retention failed'));
  jobs.every('retention', config.backoffice.retentionIntervalMinutes * 60_000, retention, { now: true });
  // 期限 digest: checked every 10 minutes, written once a Japan day from 08:00 (claimed in the store).
  const digest = () =>
    desk.digest
      .run()
      .then((written) => written && logger.info({ written }, 'deadline digests written'))
      .catch((error: unknown) => logger.error({ err: error }, 'deadline digest failed'));
  jobs.every('deadline-digest', 600_000, digest, { now: true });

  // Audit trail anchor: signed checkpoints of the chain's head, outside the database (modules/auditAnchor).
  // Built by the first instance that holds its lease (that one creates the checkpoint key on a first start).
  let anchor: ReturnType<typeof createAuditAnchor> | undefined;
  const checkpoint = () =>
    Promise.resolve()
      .then(() => (anchor ??= createAuditAnchor(config, storage, desk.sender, logger)).checkpoint())
      .then((c) => c && logger.debug({ seq: c.seq }, 'audit checkpoint written'))
      .catch((error: unknown) => logger.error({ err: error }, 'audit checkpoint failed'));
  jobs.every('audit-checkpoint', config.auditAnchor.intervalMinutes * 60_000, checkpoint, { now: true });

  // Malware scanning: files accepted while clamd was unreachable are scanned again until they get a verdict.
  const fileScans = (app.locals.services as Services).fileScans;
  if (config.malwareScan) {
    logger.info({ clamd: config.malwareScan.target }, 'uploads are scanned for malware by clamd');
    const rescan = () =>
      fileScans
        .rescanPending()
        .then((done) => (done.clean || done.infected || done.pending) && logger.info({ done }, 'malware rescan done'))
        .catch((error: unknown) => logger.error({ err: error }, 'malware rescan failed'));
    jobs.every('malware-rescan', config.malwareScan.rescanMinutes * 60_000, rescan);
  } else {
    logger.info('CLAMD_SOCKET / CLAMD_HOST are not set: uploads are not scanned for malware');
  }

  // Stop taking requests, finish those in flight (bounded), stop the jobs, then close the store:
  // the store closes last so no acknowledged write is cut off. Exit 0 only if nothing was cut.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const graceMs = config.shutdownGraceSeconds * 1000;
    logger.info({ signal, requestsInFlight: drainer.requestsInFlight }, 'shutting down');
    setTimeout(() => process.exit(1), graceMs + 15_000).unref(); // last resort: a job or the store hangs
    void Promise.all([drainer.drain(server, graceMs), jobs.stop(), desk.dispatcher.stop()])
      .then(async ([finished]) => {
        // The last events of this run are anchored before the store closes (by the checkpoint's lease holder only).
        if (await leases.confirm('job:audit-checkpoint')) await checkpoint();
        await leases.stop(); // released: another instance takes the jobs over at once
        await storage.close();
        if (!finished) logger.warn({ graceSeconds: config.shutdownGraceSeconds }, 'requests still running at the deadline were cut off');
        logger.info('stopped');
        process.exit(finished ? 0 : 1);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  leases.start(); // every job is registered: try for their leases now, then renew or retry every third of the lease time
}

main().catch((error: unknown) => {
  // Start-up failures are configuration or preset problems: say which and stop.
  console.error(`Madoguchi could not start: ${(error as Error).message}`);
  process.exit(1);
});
