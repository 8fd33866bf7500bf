/**
 * Starts Madoguchi: reads configuration, opens the store, loads the presets,
 * and serves the API and the app. `npm start` runs this (after building).
 */
import { loadPresets } from '@madoguchi/presets';
import { loadConfig } from './config';
import { createApp, type Services } from './app';
import { createStorage } from './storage/createStorage';
import { MunicipalityRegistry } from './modules/municipalities/registry';
import { syncPresets } from './modules/procedures/presetSync';
import { loadOrCreateKey } from './security/keys';
import { DataCipher } from './security/dataCipher';
import { createLogger } from './http/logging';
import { ConfigError } from './errors';
import { announceSetupLink } from './auth/oneTimeTokens';
import { runCleanup } from './modules/maintenance/cleanup';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mongodbUri && (!config.secretKey || !config.dataEncryptionKey)) {
    throw new ConfigError('SECRET_KEY and DATA_ENCRYPTION_KEY must be set when MONGODB_URI is set (all instances must share them)');
  }
  const logger = createLogger(config.logLevel);
  const presets = loadPresets(); // throws on an invalid preset: start-up stops
  const cipher = new DataCipher([
    loadOrCreateKey(config.dataDir, 'data-encryption.key', config.dataEncryptionKey),
    ...config.dataEncryptionOldKeys.map((k) => Buffer.from(k, 'base64')),
  ]);
  const storage = await createStorage({ ...config, cipher });
  const sync = await syncPresets(storage, presets);
  logger.info({ storage: storage.kind, dataDir: storage.kind === 'sqlite' ? config.dataDir : undefined, presets: presets.length, newlyPublished: sync.published.length }, 'store ready');
  const secretKey = loadOrCreateKey(config.dataDir, 'secret.key', config.secretKey);
  const municipalities = MunicipalityRegistry.fromCsv();
  const app = createApp({ config, storage, municipalities, secretKey, presetCount: presets.length, logger });
  // No account yet: print a one-time link for the first platform admin (never a default password).
  await announceSetupLink(storage, config.publicUrl, (text) => console.log(text));
  const server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port }, `Madoguchi is serving on http://localhost:${port}`);
    // The address is printed even when LOG_LEVEL hides info lines: operators and scripts look for it.
    if (!logger.isLevelEnabled('info')) console.log(`Madoguchi is serving on http://localhost:${port}`);
  });

  // Housekeeping: remove files of drafts never submitted, expired drafts and sessions.
  const cleanup = () =>
    runCleanup(storage, config.abandonedUploadHours)
      .then((removed) => logger.info({ removed }, 'cleanup done'))
      .catch((error: unknown) => logger.error({ err: error }, 'cleanup failed'));
  void cleanup();
  setInterval(cleanup, 3600_000).unref();

  // Webhooks and applicant e-mail: the outbox is delivered from the store, so a restart resumes where a crash stopped.
  const desk = (app.locals.services as Services).desk;
  desk.dispatcher.start();
  if (!config.auth.smtpUrl) logger.info('SMTP_URL is not set: applicants are not e-mailed about their submissions');
  // Retention: closed submissions past their procedure's period are deleted or stripped.
  const retention = () =>
    desk.retention
      .run()
      .then((removed) => (removed.deleted || removed.stripped) && logger.info({ removed }, 'retention done'))
      .catch((error: unknown) => logger.error({ err: error }, 'retention failed'));
  void retention();
  const retentionTimer = setInterval(retention, config.backoffice.retentionIntervalMinutes * 60_000);
  retentionTimer.unref();

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    clearInterval(retentionTimer);
    server.close(() => {
      void desk.dispatcher
        .stop()
        .then(() => storage.close())
        .then(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Start-up failures are configuration or preset problems: say which and stop.
  console.error(`Madoguchi could not start: ${(error as Error).message}`);
  process.exit(1);
});
