/**
 * RJSF 6 depends on `@x0k/json-schema-merge`, which ships ES modules only,
 * and the root jest config transforms no node_modules package but a few
 * auth ones. This compiles that package to CommonJS with SWC on first use,
 * for jsdom component tests only (the app itself is bundled by Vite).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { transformSync } from '@swc/core';

const cache = new Map<string, Record<string, unknown>>();

/** Loads an ES module file (and its relative imports) as CommonJS. */
export function requireEsm(file: string): Record<string, unknown> {
  const cached = cache.get(file);
  if (cached) return cached;
  const module = { exports: {} as Record<string, unknown> };
  cache.set(file, module.exports); // before running: import cycles see the same object
  const { code } = transformSync(readFileSync(file, 'utf8'), { filename: file, jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const localRequire = (spec: string) => (spec.startsWith('.') ? requireEsm(resolve(dirname(file), spec)) : require(spec));
  new Function('module', 'exports', 'require', code)(module, module.exports, localRequire);
  return module.exports;
}

/** The file of `@x0k/json-schema-merge` for a sub path ('' or 'lib/array'). */
export const jsonSchemaMergeFile = (subPath: string) => join(__dirname, '..', '..', 'node_modules', '@x0k', 'json-schema-merge', 'dist', subPath === '' ? 'index.js' : `${subPath}.js`);
