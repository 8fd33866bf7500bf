/** Translates MongoDB driver errors into domain errors. */
import { ConflictError, StorageUnavailableError, type ErrorText } from '../../errors';
import { msg } from '../../i18n/messages';

/**
 * Server error codes meaning "no writable primary here right now": a step-down,
 * an election, a node shutting down, a network failure seen by the server.
 * The driver retries such a write once by itself (retryWrites); when that
 * retry fails too the answer is 503, and the resident's retry with the same
 * Idempotency-Key is safe.
 */
const UNAVAILABLE_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  64, // WriteConcernFailed (w: majority not reached in time)
  89, // NetworkTimeout
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10058, // LegacyNotPrimary
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/** Labels the driver puts on errors that a later attempt may not meet. */
const TRANSIENT_LABELS = ['RetryableWriteError', 'TransientTransactionError', 'UnknownTransactionCommitResult'];

/** Driver and mongoose classes for "cannot reach a usable server" (matched by name: mongoose wraps some). */
const UNAVAILABLE_NAMES = /^(MongoNetwork|MongoServerSelection|MongooseServerSelection|MongoNotConnected|MongoTopologyClosed|MongoWriteConcern|MongoPoolClosed|MongoWaitQueueTimeout)/;

interface DriverErrorShape {
  name?: string;
  code?: number;
  message?: string;
  errorLabels?: string[];
  hasErrorLabel?: (label: string) => boolean;
  keyPattern?: Record<string, unknown>;
}

/** Whether a driver error means the deployment cannot take the operation now (→ 503, retry later). */
export function isMongoUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as DriverErrorShape;
  if (e.name && UNAVAILABLE_NAMES.test(e.name)) return true;
  if (typeof e.code === 'number' && UNAVAILABLE_CODES.has(e.code)) return true;
  const hasLabel = (label: string) => (typeof e.hasErrorLabel === 'function' ? e.hasErrorLabel(label) : (e.errorLabels ?? []).includes(label));
  if (TRANSIENT_LABELS.some(hasLabel)) return true;
  // mongoose queues operations while disconnected and gives up with this message.
  return e.name === 'MongooseError' && /buffering timed out/.test(e.message ?? '');
}

export function mapMongoError(error: unknown, conflictMessage: ErrorText = msg('duplicate')): never {
  if (error instanceof ConflictError || error instanceof StorageUnavailableError) throw error;
  const e = error as DriverErrorShape;
  if (e.code === 11000) {
    const keys = Object.keys(e.keyPattern ?? {});
    const on = keys.includes('idempotencyKey') ? 'idempotencyKey' : keys.includes('receiptNumber') ? 'receiptNumber' : keys.includes('emailLower') ? 'email' : keys.join(',');
    throw new ConflictError(conflictMessage, 'duplicate', on);
  }
  if (isMongoUnavailable(error)) {
    throw new StorageUnavailableError(`MongoDB unavailable (${e.name ?? 'error'}${e.code !== undefined ? ` ${e.code}` : ''})`, { cause: error });
  }
  throw error;
}

export async function guardedMongo<T>(fn: () => Promise<T>, conflictMessage?: ErrorText): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    return mapMongoError(error, conflictMessage);
  }
}
