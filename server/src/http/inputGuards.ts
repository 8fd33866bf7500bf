/**
 * Checks on the shape of every JSON body before any service sees it:
 * nesting depth (a deep body can exhaust the stack), prototype keys
 * (`__proto__`, `constructor`, `prototype` can poison objects) and operator
 * keys (`$gt`, `$where` would reach MongoDB as query operators).
 */
import type { RequestHandler } from 'express';
import { BadRequestError } from '../errors';
import { requestLanguage } from '../i18n/language';

export const MAX_JSON_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns what is wrong with a parsed JSON value, or undefined when it is acceptable. */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): 'too-deep' | 'forbidden-key' | 'operator-key' | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return 'too-deep';
    if (Array.isArray(node)) {
      for (const child of node) stack.push([child, depth + 1]);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return 'forbidden-key';
      if (key.startsWith('$')) return 'operator-key';
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}

/** Express middleware: refuses unsafe JSON bodies with a clear 400 before anything else runs. */
export const jsonGuard: RequestHandler = (req, _res, next) => {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object') return next();
  const problem = inspectJson(req.body);
  if (!problem) return next();
  const en = requestLanguage(req) === 'en';
  const messages = {
    'too-deep': en ? 'The data is nested too deeply.' : '送信されたデータの入れ子が深すぎます。',
    'forbidden-key': en ? 'The data contains a forbidden key.' : '送信されたデータに使用できない項目名が含まれています。',
    'operator-key': en ? 'Keys may not start with "$".' : '項目名を「$」で始めることはできません。',
  } as const;
  next(new BadRequestError(messages[problem], 'unsafe_json'));
};
