/**
 * Calculated values give the same numbers and the same errors in the browser
 * (the eval-free validator the resident's form uses) as on the server (the
 * shared ajv FormValidator intake uses), for ordinary and malicious answers.
 */
import { FormValidator, type JsonSchema, type ValidationOutcome } from '@madoguchi/shared';
import { loadClient } from './clientModules';

const { browserValidator } = loadClient<{ browserValidator: { validate: (key: string, schema: JsonSchema, data: unknown, language: 'ja' | 'en') => ValidationOutcome } }>(
  'resident/form/evalFree/browserValidator',
);
const { loadCalcRuntime } = loadClient<{ loadCalcRuntime: (schema: unknown) => Promise<void> }>('resident/form/calcRuntime');
const server = new FormValidator();

const schema = {
  type: 'object',
  'x-lookup-tables': {
    fees: {
      rows: [
        { key: 'たんす', value: 1000 },
        { key: '自転車', value: 500 },
      ],
    },
  },
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['たんす', '自転車', 'ソファ'] },
          count: { type: 'number' },
          subtotal: { type: 'number', title: '小計（円）', readOnly: true, 'x-calc': "lookup('fees', kind) * count" },
        },
      },
    },
    total: { type: 'integer', title: '合計（円）', readOnly: true, 'x-calc': 'round(sum(items, subtotal) / max(count(items), 1))' },
    ratio: { type: 'number', title: '割合', readOnly: true, 'x-calc': 'total % 7 / count(items)' },
  },
} as JsonSchema;

// The form page fetches the expression language before showing a form that calculates (calcRuntime.ts).
beforeAll(() => loadCalcRuntime(schema));

const cases: unknown[] = [
  {
    items: [
      { kind: 'たんす', count: 2 },
      { kind: '自転車', count: 3 },
    ],
  },
  { items: [{ kind: 'ソファ', count: 1.5, subtotal: 99 }], total: -1, ratio: 'x' },
  { items: [] },
  { items: [{ kind: 'たんす', count: 1e13 }] },
  {
    items: [
      { kind: 'たんす', count: -4 },
      { kind: '自転車', count: 0.25 },
    ],
  },
  JSON.parse('{"__proto__": {"total": 5}, "items": [{"kind": "たんす", "count": 1, "__proto__": {"count": 9}}]}'),
];

test.each(cases.map((c, i) => [i, c]))('case %i: the same data and errors in the browser and on the server', (_i, data) => {
  for (const language of ['ja', 'en'] as const) {
    const s = server.validate('calc@1', schema, data, language);
    const b = browserValidator.validate('calc@1', schema, data, language);
    expect(b.data).toEqual(s.data);
    expect(b.errors).toEqual(s.errors);
    expect(b.valid).toBe(s.valid);
  }
});

test('the browser refuses to validate a form that calculates before its runtime is in', () => {
  jest.isolateModules(() => {
    const fresh = loadClient<{ browserValidator: { validate: (key: string, schema: JsonSchema, data: unknown, language: 'ja' | 'en') => ValidationOutcome } }>(
      'resident/form/evalFree/browserValidator',
    );
    expect(() => fresh.browserValidator.validate('calc@1', schema, cases[0], 'ja')).toThrow(/not loaded/);
    expect(fresh.browserValidator.validate('plain@1', { type: 'object' }, {}, 'ja').valid).toBe(true);
  });
});

test('the values are the expected ones', () => {
  expect(server.validate('calc@1', schema, cases[0]).data).toMatchObject({ items: [{ subtotal: 2000 }, { subtotal: 1500 }], total: 1750, ratio: 0 });
  expect(server.validate('calc@1', schema, cases[3]).errors.map((e) => e.pointer)).toEqual(['/items/0/subtotal']); // the total then reads the missing subtotal as 0
});
