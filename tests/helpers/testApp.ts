/** Builds the real app on a real SQLite file in a temporary directory, with the real presets. */
import { randomBytes } from 'node:crypto';
import { loadPresets, type LoadedPreset } from '@madoguchi/presets';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { createStorage } from '../../server/src/storage/createStorage';
import { MunicipalityRegistry } from '../../server/src/modules/municipalities/registry';
import { syncPresets } from '../../server/src/modules/procedures/presetSync';
import type { Storage } from '../../server/src/storage/types';
import { DataCipher } from '../../server/src/security/dataCipher';

let registry: MunicipalityRegistry | undefined;
let presets: LoadedPreset[] | undefined;

export const municipalities = () => (registry ??= MunicipalityRegistry.fromCsv());
export const allPresets = () => (presets ??= loadPresets());

/** Rate limits are off unless a test sets them (tests send many requests from one address). */
export async function buildTestApp(dataDir: string, secretKey: Buffer = randomBytes(32), clientDist = '/nonexistent', dataKey: Buffer = secretKey, env: Record<string, string> = {}) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_INTAKE_PER_MIN: '0', RATE_LIMIT_LOOKUP_PER_MIN: '0', RATE_LIMIT_RECEIPT_PER_MIN: '0', RATE_LIMIT_UPLOAD_PER_MIN: '0', ...env });
  const cipher = new DataCipher([dataKey]);
  const storage: Storage = await createStorage({ dataDir, cipher });
  await syncPresets(storage, allPresets());
  const app = createApp({ config, storage, municipalities: municipalities(), secretKey, presetCount: allPresets().length, clientDist });
  return { app, storage, config, secretKey };
}
