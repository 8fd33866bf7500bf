/**
 * Checks on the shape of every JSON body before any service sees it:
 * nesting depth (a deep body can exhaust the stack), prototype keys
 * (`__proto__`, `constructor`, `prototype` can poison objects), operator
 * keys (`$gt`, `$where` would reach MongoDB as query operators) and text
 * that is not text: bytes that are not UTF-8 (`ED A0 80`) and unpaired
 * surrogates (`"\ud800"`). Both would be stored and shown as `���`;
 * they are refused (400 `invalid_text_encoding`) before anything is stored.
 */
import { isUtf8 } from 'node:buffer';
import type { Request, RequestHandler } from 'express';
import { BadRequestError } from '../errors';
import { requestLanguage } from '../i18n/language';

export const MAX_JSON_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// With the `u` flag a well-formed pair is one code point, so this finds only unpaired surrogates.
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

/** True when `text` is well-formed Unicode (no unpaired surrogate) and has no U+FFFD left by undecodable bytes. */
export function isReadableText(text: string): boolean {
  return !UNPAIRED_SURROGATE.test(text) && !text.includes('\uFFFD');
}

/** The refusal of a body or field that is not valid text, in the caller's language. */
export function invalidTextError(req: Request): BadRequestError {
  return new BadRequestError(
    requestLanguage(req) === 'en'
      ? 'The data contains something that is not valid text (bytes that are not UTF-8, or an unpaired surrogate). Nothing was saved; please enter it again.'
      : '送信されたデータに、文字として読み取れない部分（UTF-8 でないバイト列や、対になっていないサロゲート）が含まれています。保存されていません。入力し直してください。',
    'invalid_text_encoding',
  );
}

/**
 * `verify` option of express.json: refuses a body whose bytes are not UTF-8
 * (the parser would otherwise replace them with U+FFFD without a word).
 */
export function refuseInvalidUtf8(req: Request, _res: unknown, body: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body)) throw invalidTextError(req);
}

export type JsonProblem = 'too-deep' | 'forbidden-key' | 'operator-key' | 'invalid-text';

/**
 * Returns what is wrong with a parsed JSON value, or undefined when it is acceptable.
 * `keys: false` leaves out the key checks (staff bodies carry JSON Schemas, whose keys start with `$`).
 */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH, keys = true): JsonProblem | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') {
      if (UNPAIRED_SURROGATE.test(node)) return 'invalid-text';
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return 'too-deep';
    if (Array.isArray(node)) {
      for (const child of node) stack.push([child, depth + 1]);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (keys && FORBIDDEN_KEYS.has(key)) return 'forbidden-key';
      if (keys && key.startsWith('$')) return 'operator-key';
      if (UNPAIRED_SURROGATE.test(key)) return 'invalid-text';
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}

function guard(maxDepth: number, keys: boolean): RequestHandler {
  return (req, _res, next) => {
    if (req.body === undefined || req.body === null || typeof req.body !== 'object') return next();
    const problem = inspectJson(req.body, maxDepth, keys);
    if (!problem) return next();
    if (problem === 'invalid-text') return next(invalidTextError(req));
    const en = requestLanguage(req) === 'en';
    const messages = {
      'too-deep': en ? 'The data is nested too deeply.' : '送信されたデータの入れ子が深すぎます。',
      'forbidden-key': en ? 'The data contains a forbidden key.' : '送信されたデータに使用できない項目名が含まれています。',
      'operator-key': en ? 'Keys may not start with "$".' : '項目名を「$」で始めることはできません。',
    } as const;
    next(new BadRequestError(messages[problem], 'unsafe_json'));
  };
}

/** Express middleware: refuses unsafe JSON bodies with a clear 400 before anything else runs. */
export const jsonGuard: RequestHandler = guard(MAX_JSON_DEPTH, true);

/**
 * Text only, for staff bodies: they carry whole JSON Schemas, with `$`-keys
 * (`$ref`, `$schema`; never used as query keys) and deep nesting.
 */
export const staffJsonGuard: RequestHandler = guard(Infinity, false);
