/**
 * Chooses the storage adapter from configuration: MongoDB when MONGODB_URI is
 * set, otherwise the embedded SQLite file in DATA_DIR.
 */
import type { Storage } from './types';
import { createSqliteStorage } from './sqlite';
import { createMongoStorage } from './mongo';

export async function createStorage(options: { dataDir: string; mongodbUri?: string }): Promise<Storage> {
  if (options.mongodbUri) {
    return createMongoStorage(options.mongodbUri);
  }
  return createSqliteStorage(options.dataDir);
}
