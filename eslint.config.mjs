// Lint for every workspace (run by `npm run lint`, which `npm test` runs first).
// Beyond typescript-eslint's recommended rules it enforces the architecture:
// no import cycles, and no import that runs up the layers
// (shared ← presets ← server/client; in the server http → modules/auth → storage).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const server = (dir) => `./server/src/${dir}`;

/** Each zone: files in `target` may not import from `from`. */
const layerZones = [
  { target: './shared/src', from: ['./presets', './server', './client'], message: 'shared is the bottom layer.' },
  { target: './presets', from: ['./server', './client'], message: 'presets sit below server and client.' },
  { target: './client/src', from: ['./server'], message: 'the client talks to the server over HTTP only.' },
  { target: './server/src', from: ['./client'], message: 'the server never imports client code.' },
  { target: './card-agent/src', from: ['./presets', './server', './client'], message: 'the card agent depends on shared only.' },
  { target: ['./server/src', './client/src'], from: ['./card-agent'], message: 'the console talks to the card agent over HTTP only.' },
  {
    target: server('storage'),
    from: [server('modules'), server('http'), server('auth'), server('app.ts'), server('composition.ts'), server('services.ts'), server('main.ts')],
    message: 'storage is below modules, auth and http.',
  },
  {
    target: server('modules'),
    from: [server('http'), server('app.ts'), server('composition.ts'), server('services.ts'), server('main.ts')],
    message: 'modules are below http and the composition root.',
  },
  {
    target: server('auth'),
    from: [server('http'), server('app.ts'), server('composition.ts'), server('services.ts'), server('main.ts')],
    message: 'auth sits beside modules, below http.',
  },
  {
    target: [server('security'), server('errors.ts'), server('envSettings.ts'), server('i18n')],
    from: [server('storage'), server('modules'), server('auth'), server('http'), server('app.ts'), server('composition.ts')],
    message: 'the server foundation imports nothing above it.',
  },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'data/**', 'bench/results/**', 'client/public/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // So import-x parses the TypeScript files it follows (without this, no-cycle sees no imports in them).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['server/tsconfig.json', 'shared/tsconfig.json', 'presets/tsconfig.json', 'client/tsconfig.json', 'card-agent/tsconfig.json', 'tests/tsconfig.json'],
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Japanese text legitimately holds the ideographic space (U+3000) in strings and templates.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipJSXText: true }],
      // `cond && run()` and `a ? f() : g()` as statements are an idiom here (SQL filters, builders).
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // A test file is imported by nothing, so it can never sit on an import cycle; following every import of every
    // test (each reaches most of the server) was most of the lint's time. The code they import is still checked.
    files: ['**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
