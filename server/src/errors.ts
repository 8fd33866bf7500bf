/**
 * One error hierarchy for the whole server. Services throw these; the HTTP
 * layer maps them to responses in one place (http/errorHandler.ts).
 * `isPublic` says whether `message` may be shown to the caller as it is.
 */
import type { FieldError } from '@madoguchi/shared';

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 500,
    readonly isPublic: boolean = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad data from the caller; `fields` carries per-field messages in the caller's language. */
export class ValidationError extends AppError {
  constructor(message: string, readonly fields: FieldError[] = []) {
    super('validation_failed', message, 422, true);
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, code = 'bad_request') {
    super(code, message, 400, true);
  }
}

export class NotFoundError extends AppError {
  constructor(message = '見つかりませんでした。', code = 'not_found') {
    super(code, message, 404, true);
  }
}

/** A write that collides with existing data (duplicate key, stale version, wrong state). */
export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict', readonly conflictOn?: string) {
    super(code, message, 409, true);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'ログインが必要です。') {
    super('unauthorized', message, 401, true);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'この操作を行う権限がありません。') {
    super('forbidden', message, 403, true);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message = '送信されたデータが大きすぎます。') {
    super('payload_too_large', message, 413, true);
  }
}

/** The store cannot take writes now (disk full, database down). Nothing was stored; retrying later is safe. */
export class StorageUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('storage_unavailable', message, 503, false, options);
  }
}

/** Configuration that would make the server misbehave; start-up stops. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
