/**
 * Checks a request against its operation in the API contract before the
 * handler runs: path parameters, query and JSON body. A refusal names the
 * code and message the contract gives for the part that failed (x-refusal),
 * or a generic 400 in the caller's language. Nothing else checks shapes.
 */
import type { RequestHandler } from 'express';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv, type Language } from '@madoguchi/shared';
import { REFUSAL_KEYWORD, type Operation, type RequestRefusal } from '@madoguchi/shared/contract';
import { AppError } from '../../errors';
import { requestLanguage } from '../../i18n/language';

const ajv = createAjv();
ajv.addKeyword({ keyword: REFUSAL_KEYWORD, schemaType: 'object' });

type Part = 'params' | 'query' | 'body';
const PART_NAMES: Record<Part, Record<Language, string>> = {
  params: { ja: 'URL', en: 'URL' },
  query: { ja: '検索条件', en: 'query' },
  body: { ja: '送信内容', en: 'body' },
};

/** The innermost refusal on the way from the root to the schema that failed. */
function refusalFor(root: unknown, error: ErrorObject): RequestRefusal | undefined {
  const segments = error.schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root as Record<string, unknown> | undefined;
  let found = node?.[REFUSAL_KEYWORD] as RequestRefusal | undefined;
  for (const segment of segments) {
    node = node?.[segment] as Record<string, unknown> | undefined;
    if (!node || typeof node !== 'object') break;
    found = (node[REFUSAL_KEYWORD] as RequestRefusal | undefined) ?? found;
  }
  return found;
}

export class RequestRefusedError extends AppError {
  constructor(code: string, message: string, status: number) {
    super(code, message, status, true);
  }
}

function refuse(part: Part, schema: unknown, errors: ErrorObject[], language: Language): RequestRefusedError {
  const first = errors[0]!;
  const refusal = refusalFor(schema, first);
  if (refusal) return new RequestRefusedError(refusal.code, refusal[language], refusal.status ?? 400);
  const where = `${PART_NAMES[part][language]} ${first.instancePath || '/'}`;
  return new RequestRefusedError('bad_request', language === 'en' ? `The request is malformed (${where}: ${first.message ?? 'invalid'}).` : `リクエストの形式が正しくありません（${where}）。`, 400);
}

const compiled = new WeakMap<object, ValidateFunction>();
const validatorOf = (schema: object) => {
  let v = compiled.get(schema);
  if (!v) compiled.set(schema, (v = ajv.compile(schema)));
  return v;
};

/** Middleware that lets the request through only if it matches `operation`. */
export function checkRequest(operation: Operation): RequestHandler {
  const parts: Array<[Part, object | undefined]> = [
    ['params', operation.params],
    ['query', operation.query],
    ['body', operation.bodyType === 'multipart/form-data' ? undefined : operation.body],
  ];
  const checks = parts.filter((p): p is [Part, object] => p[1] !== undefined).map(([part, schema]) => [part, schema, validatorOf(schema)] as const);
  return (req, _res, next) => {
    for (const [part, schema, validate] of checks) {
      const value = part === 'body' && req.body === undefined && operation.bodyRequired === false ? {} : ((req[part] as unknown) ?? {});
      if (!validate(value)) return next(refuse(part, schema, validate.errors ?? [], requestLanguage(req)));
    }
    next();
  };
}
