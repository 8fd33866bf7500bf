/**
 * The built client gives @rjsf/utils a small URI helper instead of fast-uri (client/vite.config.ts,
 * `rjsf-uri-lite`): on the references a schema can carry it must answer as fast-uri does.
 */
import fastUri from 'fast-uri';
import { loadClient } from './clientModules';

const { equal, resolve } = loadClient<{ equal: (a: string, b: string) => boolean; resolve: (base: string, ref: string) => string }>('resident/form/uriLite');

// Hierarchical (http/https) ids: an `urn:` id has no path to resolve against and is out of scope.
const BASES = ['https://madoguchi.example/schemas/form.json', 'https://madoguchi.example/schemas/', 'http://madoguchi.example/a/b/c.json'];
const REFS = ['#/definitions/address', 'address.json', '../common/name.json#/definitions/kana', 'https://other.example/x.json', '#'];

test.each(BASES.flatMap((base) => REFS.map((ref) => [base, ref] as const)))('resolve(%s, %s) matches fast-uri', (base, ref) => {
  expect(resolve(base, ref)).toBe(fastUri.resolve(base, ref));
});

test('a fragment against a relative base keeps the base, as RJSF needs for #/… references', () => {
  expect(resolve('form.json', '#/definitions/a')).toBe('form.json#/definitions/a');
});

test.each([
  ['https://madoguchi.example/a.json', 'https://madoguchi.example/a.json', true],
  ['HTTPS://MADOGUCHI.example:443/a.json', 'https://madoguchi.example/a.json', true],
  ['https://madoguchi.example/a.json', 'https://madoguchi.example/b.json', false],
  ['https://madoguchi.example/a.json#x', 'https://madoguchi.example/a.json', false],
])('equal(%s, %s) is %s like fast-uri', (a, b, same) => {
  expect(equal(a, b)).toBe(same);
  expect(fastUri.equal(a, b)).toBe(same);
});
