/**
 * The built client gives @rjsf/core registries whose seldom-used parts load on first render
 * (client/src/resident/form/rjsfRegistry, swapped in by client/vite.config.ts `rjsf-slim-registry`). They
 * must offer every widget, field and template RJSF's own registry has, under the same names: after an RJSF
 * upgrade that adds one, this fails instead of a form that asks for it rendering nothing. (The modules
 * import @rjsf/core's ES files, which jest does not load; their object literals are read as text.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Registry } from '@rjsf/utils';
import './clientModules'; // RJSF's ES-only dependency, for jest

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getDefaultRegistry } = require('@rjsf/core') as { getDefaultRegistry: () => Omit<Registry, 'schemaUtils'> };

const source = (file: string) => readFileSync(join(__dirname, '../../client/src/resident/form/rjsfRegistry', file), 'utf8');

/** The keys of the object literal `const <name>: … = { … };`, at the given indentation. */
function keysOf(text: string, name: string, indent = 2): string[] {
  const start = text.indexOf(`const ${name}`);
  const body = text.slice(start, text.indexOf('\n};', start));
  return [...body.matchAll(new RegExp(`^ {${indent}}(\\w+)[:,]`, 'gm'))].map((m) => m[1]!).sort();
}

const core = getDefaultRegistry();
const sorted = (o: object) => Object.keys(o).sort();

test('the widgets are RJSF’s, by name', () => {
  expect(keysOf(source('widgets.ts'), 'slimWidgets')).toEqual(sorted(core.widgets));
});

test('the fields are RJSF’s, by name', () => {
  expect(keysOf(source('fields.ts'), 'slimFields')).toEqual(sorted(core.fields));
});

test('the templates and button templates are RJSF’s, by name', () => {
  const text = source('templates.ts');
  expect(keysOf(text, 'slimTemplates')).toEqual(sorted(core.templates));
  const buttons = text.slice(text.indexOf('ButtonTemplates: {'), text.indexOf('\n  },', text.indexOf('ButtonTemplates: {')));
  expect([...buttons.matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]).sort()).toEqual(sorted(core.templates.ButtonTemplates));
});
