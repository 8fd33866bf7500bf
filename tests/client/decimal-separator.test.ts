/**
 * The built client gives @rjsf/utils a decimal separator that follows the form's language (client/vite.config.ts,
 * `rjsf-form-decimal-separator`): for any language it must answer as RJSF's own does, answer Japanese and English
 * without asking ICU (the first ask delays a form's first paint), and ask ICU at most once for any other language.
 */
import { loadClient } from './clientModules'; // first: it lets jest load RJSF's ES-only dependency

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getDecimalSeparator } = require('@rjsf/utils') as { getDecimalSeparator: (languages?: string) => string };

const { default: formDecimalSeparator } = loadClient<{ default: (languages?: string | readonly string[]) => string }>('resident/form/decimalSeparator');

const realNumberFormat = Intl.NumberFormat;
let asks = 0;
beforeEach(() => {
  asks = 0;
  Intl.NumberFormat = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
    asks++;
    return new realNumberFormat(...args);
  } as unknown as typeof Intl.NumberFormat;
});
afterEach(() => {
  Intl.NumberFormat = realNumberFormat;
  delete (globalThis as { document?: unknown }).document;
});

test.each(['ja', 'ja-JP', 'en', 'en-GB', 'de-DE', 'fr', 'pt-BR', 'es'])('%s: the same separator as RJSF’s own', (language) => {
  expect(formDecimalSeparator(language)).toBe(getDecimalSeparator(language));
});

test('Japanese and English answer without asking ICU', () => {
  for (const language of ['ja', 'ja-JP', 'en', 'en-US', ['en-GB', 'de-DE']]) expect(formDecimalSeparator(language)).toBe('.');
  expect(asks).toBe(0);
});

test('another language is asked once and remembered', () => {
  expect(formDecimalSeparator('nl-NL')).toBe(',');
  expect(formDecimalSeparator('nl-NL')).toBe(',');
  expect(asks).toBe(1);
});

test('without a language, the page’s language counts, not the browser’s', () => {
  (globalThis as { document?: unknown }).document = { documentElement: { lang: 'it' } };
  expect(formDecimalSeparator()).toBe(',');
  (globalThis as { document?: unknown }).document = { documentElement: { lang: 'ja' } };
  expect(formDecimalSeparator()).toBe('.');
});

test('a page without a language is taken as Japanese; a tag ICU refuses gives "."', () => {
  (globalThis as { document?: unknown }).document = { documentElement: { lang: '' } };
  expect(formDecimalSeparator()).toBe('.');
  expect(formDecimalSeparator('not a language tag!')).toBe('.');
});
