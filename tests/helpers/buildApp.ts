/**
 * The one way tests build the real app: a real SQLite file in a temporary
 * directory (or one given), the real presets unless asked otherwise, the
 * environment a test chooses, and an optional clock. Every other helper
 * (buildTestApp, buildAuthApp, buildInboxApp, startLiveServer) is this with
 * different defaults.
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { loadPresets, type LoadedPreset } from '@madoguchi/presets';
import { createApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { createStorage } from '../../server/src/storage/createStorage';
import { MunicipalityRegistry } from '../../server/src/modules/municipalities/registry';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';
import { DataCipher } from '../../server/src/security/dataCipher';
import type { Services } from '../../server/src/services';
import type { Storage } from '../../server/src/storage/types';
import { makeTempDir } from './tempDir';

let registry: MunicipalityRegistry | undefined;
let presets: LoadedPreset[] | undefined;

export const municipalities = () => (registry ??= MunicipalityRegistry.fromCsv());
export const allPresets = () => (presets ??= loadPresets());

export interface BuildOptions {
  /** Environment variables on top of DATA_DIR and LOG_LEVEL=silent. */
  env?: Record<string, string>;
  now?: () => Date;
  /** A data directory the test owns (not removed by `close`); default: a fresh temporary one. */
  dataDir?: string;
  /** The server key; default: random. */
  key?: Buffer;
  /** The data-encryption key; default: the server key. */
  dataKey?: Buffer;
  /** The built client to serve; default: none. */
  clientDist?: string;
  /** Load and publish the presets (default true). */
  presets?: boolean;
  logger?: Logger;
}

export interface TestApp {
  app: Express;
  storage: Storage;
  services: Services;
  config: Config;
  secretKey: Buffer;
  dataDir: string;
  /** Stops the outbox dispatcher, closes the store and removes a temporary data directory. */
  close: () => Promise<void>;
}

export async function buildApp(options: BuildOptions = {}): Promise<TestApp> {
  const dir = options.dataDir ? { path: options.dataDir, remove: () => undefined } : makeTempDir();
  const config = loadConfig({ DATA_DIR: dir.path, LOG_LEVEL: 'silent', ...options.env });
  const secretKey = options.key ?? randomBytes(32);
  const storage = await createStorage({ dataDir: dir.path, cipher: new DataCipher([options.dataKey ?? secretKey]) });
  const withPresets = options.presets !== false;
  if (withPresets) await syncPresets(storage, allPresets());
  const app = createApp({
    config,
    storage,
    municipalities: municipalities(),
    secretKey,
    presetCount: withPresets ? allPresets().length : 0,
    clientDist: options.clientDist ?? '/nonexistent',
    ...(options.now ? { now: options.now } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const services = app.locals.services as Services;
  return {
    app,
    storage,
    services,
    config,
    secretKey,
    dataDir: dir.path,
    close: async () => {
      await services.desk.dispatcher.stop();
      await storage.close();
      dir.remove();
    },
  };
}
