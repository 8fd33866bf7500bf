/**
 * The last line for store errors that reach the HTTP layer unmapped (a read
 * path without a guard, a write after the retries): whatever the adapter,
 * "the store cannot serve this now" must answer 503 + Retry-After, never 500.
 */
import { isSqliteUnavailable } from './sqlite/database';
import { isMongoUnavailable } from './mongo/errors';

export function isStoreUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return isSqliteUnavailable(code);
  return isMongoUnavailable(error);
}
