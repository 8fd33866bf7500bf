/**
 * Chooses the storage adapter from configuration: MongoDB when MONGODB_URI is
 * set, otherwise the embedded SQLite file in DATA_DIR. Both seal personal data
 * with the given cipher.
 */
import type { Storage } from './types';
import type { DataCipher } from '../security/dataCipher';
import { createSqliteStorage } from './sqlite';
import { createMongoStorage } from './mongo';

export async function createStorage(options: {
  dataDir: string;
  mongodbUri?: string;
  cipher: DataCipher;
  sqliteBusyTimeoutMs?: number;
  /** SQLite: checkpoint the WAL on a worker thread (the server does; see sqlite/walCheckpointer.ts). */
  walCheckpointThread?: boolean;
  warn?: (message: string) => void;
}): Promise<Storage> {
  if (options.mongodbUri) return createMongoStorage(options.mongodbUri, options.cipher);
  return createSqliteStorage(options.dataDir, options.cipher, { busyTimeoutMs: options.sqliteBusyTimeoutMs, walCheckpointThread: options.walCheckpointThread, warn: options.warn });
}
