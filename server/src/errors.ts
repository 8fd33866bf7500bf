/**
 * One error hierarchy for the whole server. Services throw these; the HTTP
 * layer maps them to responses in one place (http/errorHandler.ts).
 * `isPublic` says whether `message` may be shown to the caller as it is.
 */
import type { FieldError, Language } from '@madoguchi/shared';
import { isMessageRef, localize, type MessageRef } from './i18n/messages';

/** Finished text (already in the caller's language), or a message key resolved when the answer is written. */
export type ErrorText = string | MessageRef;

export class AppError extends Error {
  /** Set when the error was raised with a message key: the text follows the caller's language. */
  readonly messageRef?: MessageRef;

  constructor(
    readonly code: string,
    message: ErrorText,
    readonly status: number = 500,
    readonly isPublic: boolean = false,
    options?: { cause?: unknown },
  ) {
    // Error.message holds the Japanese text (the server's default language) for logs and old callers.
    super(isMessageRef(message) ? localize(message, 'ja') : message, options);
    if (isMessageRef(message)) this.messageRef = message;
    this.name = new.target.name;
  }

  /** The message in `language`: keyed messages are translated, finished text is returned as it is. */
  messageIn(language: Language): string {
    return this.messageRef ? localize(this.messageRef, language) : this.message;
  }
}

/** Bad data from the caller; `fields` carries per-field messages in the caller's language. */
export class ValidationError extends AppError {
  constructor(
    message: ErrorText,
    readonly fields: FieldError[] = [],
  ) {
    super('validation_failed', message, 422, true);
  }
}

export class BadRequestError extends AppError {
  constructor(message: ErrorText, code = 'bad_request') {
    super(code, message, 400, true);
  }
}

export class NotFoundError extends AppError {
  constructor(message: ErrorText = '見つかりませんでした。', code = 'not_found') {
    super(code, message, 404, true);
  }
}

/** A write that collides with existing data (duplicate key, stale version, wrong state). */
export class ConflictError extends AppError {
  constructor(
    message: ErrorText,
    code = 'conflict',
    readonly conflictOn?: string,
  ) {
    super(code, message, 409, true);
  }
}

/** A conflict about particular answers (an option that became full): `fields` names them as a 422 would. */
export class FieldConflictError extends ConflictError {
  constructor(
    message: ErrorText,
    code: string,
    readonly fields: FieldError[],
  ) {
    super(message, code);
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
