/** Translates MongoDB driver errors into domain errors. */
import { ConflictError, StorageUnavailableError } from '../../errors';

export function mapMongoError(error: unknown, conflictMessage = '同じデータが既に登録されています。'): never {
  if (error instanceof ConflictError) throw error;
  const e = error as { code?: number; name?: string; keyPattern?: Record<string, unknown> };
  if (e.code === 11000) {
    const keys = Object.keys(e.keyPattern ?? {});
    const on = keys.includes('idempotencyKey') ? 'idempotencyKey' : keys.includes('receiptNumber') ? 'receiptNumber' : keys.includes('emailLower') ? 'email' : keys.join(',');
    throw new ConflictError(conflictMessage, 'duplicate', on);
  }
  if (e.name && /MongoNetwork|MongoServerSelection|MongoNotConnected|MongoWriteConcern/.test(e.name)) {
    throw new StorageUnavailableError(`MongoDB unavailable (${e.name})`, { cause: error });
  }
  throw error;
}

export async function guardedMongo<T>(fn: () => Promise<T>, conflictMessage?: string): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    return mapMongoError(error, conflictMessage);
  }
}
