/** The one place errors become HTTP responses (shape: ApiErrorBody). */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '@madoguchi/shared';
import { AppError, PayloadTooLargeError, BadRequestError, ValidationError, NotFoundError, StorageUnavailableError, FieldConflictError } from '../errors';
import { isStoreUnavailable } from '../storage/unavailable';
import { requestLanguage } from '../i18n/language';

const INTERNAL = { ja: 'システムで問題が発生しました。時間をおいてもう一度お試しください。', en: 'Something went wrong on our side. Please try again later.' };
const UNAVAILABLE = {
  ja: 'ただいま混み合っているか、保守中です。入力内容は送信されていません。時間をおいてもう一度送信してください。',
  en: 'The service is temporarily unavailable. Nothing was submitted; please try again later.',
};

/** Errors thrown by body parsers and multer, translated into our hierarchy. */
function fromFramework(error: unknown, en: boolean): AppError | undefined {
  const e = error as { type?: string; status?: number; code?: string };
  if (e.type === 'entity.too.large' || e.code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeError(en ? 'The data sent is too large.' : '送信されたデータが大きすぎます。');
  if (e.type === 'entity.parse.failed') return new BadRequestError(en ? 'The request body is not valid JSON.' : '送信されたデータの形式（JSON）が正しくありません。', 'malformed_json');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new BadRequestError(en ? 'Unsupported encoding.' : '対応していない文字コードです。', 'bad_encoding');
  if (e.code === 'LIMIT_FILE_COUNT' || e.code === 'LIMIT_UNEXPECTED_FILE' || e.code === 'LIMIT_PART_COUNT')
    return new BadRequestError(en ? 'Too many files or unexpected file field.' : 'ファイルの数が多すぎるか、想定しない項目です。', 'bad_upload');
  // multer's own limits (field sizes, counts) and busboy's parse errors on broken multipart bodies.
  const message = (error as Error)?.message ?? '';
  if ((error as Error)?.name === 'MulterError' || /Unexpected end of form|Malformed part header|Boundary not found|Multipart: /.test(message)) {
    return new BadRequestError(en ? 'The upload could not be read. Please try again.' : 'ファイルの送信内容を読み取れませんでした。もう一度お試しください。', 'bad_upload');
  }
  if (e.status === 400 && error instanceof URIError) return new BadRequestError(en ? 'The address is malformed.' : 'URLの形式が正しくありません。', 'bad_url');
  return undefined;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(requestLanguage(req) === 'en' ? 'No such API endpoint.' : '指定されたAPIはありません。', 'no_route'));
};

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const en = requestLanguage(req) === 'en';
  const appError = error instanceof AppError ? error : (fromFramework(error, en) ?? (isStoreUnavailable(error) ? new StorageUnavailableError('store unavailable', { cause: error }) : undefined));
  const requestId = String(req.id ?? '');
  if (!appError || !appError.isPublic) {
    req.log?.error({ err: error }, 'request failed');
  }
  const status = appError?.status ?? 500;
  const message = appError?.isPublic ? appError.messageIn(en ? 'en' : 'ja') : status === 503 ? UNAVAILABLE[en ? 'en' : 'ja'] : INTERNAL[en ? 'en' : 'ja'];
  const body: ApiErrorBody = {
    error: {
      code: appError?.code ?? 'internal_error',
      message,
      requestId,
      ...((appError instanceof ValidationError || appError instanceof FieldConflictError) && appError.fields.length ? { fields: appError.fields } : {}),
    },
  };
  if (status === 503) res.setHeader('Retry-After', '30');
  res.status(status).json(body);
};
