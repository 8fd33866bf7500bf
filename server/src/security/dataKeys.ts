/**
 * The data cipher as the configuration describes it, in one place for the
 * server and the tools: DATA_ENCRYPTION_KEY (or the key generated into
 * DATA_DIR) seals, DATA_ENCRYPTION_OLD_KEYS only open data sealed before a rotation.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { ConfigError } from '../errors';
import { DataCipher } from './dataCipher';
import { loadOrCreateKey } from './keys';

export const DATA_KEY_FILE = 'data-encryption.key';

type KeyConfig = Pick<Config, 'dataDir' | 'dataEncryptionKey' | 'dataEncryptionOldKeys'>;

/** `create: false` (tools): a missing key is an error, never a fresh key that could seal data nobody else can read. */
export function dataCipherFromConfig(config: KeyConfig, options: { create: boolean } = { create: true }): DataCipher {
  if (!config.dataEncryptionKey && !options.create && !existsSync(join(config.dataDir, DATA_KEY_FILE))) {
    throw new ConfigError(`DATA_ENCRYPTION_KEY is not set and ${join(config.dataDir, DATA_KEY_FILE)} does not exist`);
  }
  return new DataCipher([loadOrCreateKey(config.dataDir, DATA_KEY_FILE, config.dataEncryptionKey), ...config.dataEncryptionOldKeys.map((k) => Buffer.from(k, 'base64'))]);
}
