import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * @rjsf/core imports markdown-to-jsx (~40 KB gzip) eagerly for templates and widgets the resident form does
 * not use; give it a lazy `Markdown` instead (client/src/resident/form/lazyMarkdown.tsx), so the parser is a
 * chunk of its own, fetched only if markdown is ever rendered. Only @rjsf/core's imports are redirected.
 */
const rjsfLazyMarkdown: Plugin = {
  name: 'rjsf-lazy-markdown',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'markdown-to-jsx/react' && importer && /[\\/]@rjsf[\\/]core[\\/]/.test(importer)) {
      return fileURLToPath(new URL('./src/resident/form/lazyMarkdown.tsx', import.meta.url));
    }
    return null;
  },
};

/**
 * @rjsf/utils imports fast-uri (~7 KB gzip) only to resolve `$id` references of draft 2019-09/2020-12 schemas,
 * which Madoguchi's draft-07 forms never have; give it the browser's URL parser instead
 * (client/src/resident/form/uriLite.ts). Only @rjsf/utils' import is redirected.
 */
const rjsfUriLite: Plugin = {
  name: 'rjsf-uri-lite',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'fast-uri' && importer && /[\\/]@rjsf[\\/]utils[\\/]/.test(importer)) {
      return fileURLToPath(new URL('./src/resident/form/uriLite.ts', import.meta.url));
    }
    return null;
  },
};

/**
 * @rjsf/utils asks ICU for the browser's number format on every render of a number field: 30-40 ms the first time
 * (about 100 ms on a phone four times slower) before a form with a number in it can paint. Give it a separator that
 * follows the form's language instead (client/src/resident/form/decimalSeparator.ts). Only @rjsf/utils' own imports
 * are redirected.
 */
const rjsfFormDecimalSeparator: Plugin = {
  name: 'rjsf-form-decimal-separator',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './getDecimalSeparator.js' && importer && /[\\/]@rjsf[\\/]utils[\\/]lib[\\/]/.test(importer)) {
      return fileURLToPath(new URL('./src/resident/form/decimalSeparator.ts', import.meta.url));
    }
    return null;
  },
};

/**
 * @rjsf/core's default registry imports every widget and field it has, though the resident form replaces most
 * widgets with its own (src/resident/form/registry.ts) and never asks for the rest (rating, colour, file,
 * layout grid, …). Give it registries with the same names whose seldom-used parts are fetched the first time
 * one renders (src/resident/form/rjsfRegistry/): about 11 KB gzip less on the form page. Only
 * getDefaultRegistry's imports are redirected.
 */
const RJSF_SLIM_REGISTRY: Record<string, string> = {
  './components/widgets/index.js': './src/resident/form/rjsfRegistry/widgets.ts',
  './components/fields/index.js': './src/resident/form/rjsfRegistry/fields.ts',
  './components/templates/index.js': './src/resident/form/rjsfRegistry/templates.ts',
};
const rjsfSlimRegistry: Plugin = {
  name: 'rjsf-slim-registry',
  enforce: 'pre',
  resolveId(source, importer) {
    const local = RJSF_SLIM_REGISTRY[source];
    if (local && importer && /[\\/]@rjsf[\\/]core[\\/]lib[\\/]getDefaultRegistry\.js$/.test(importer)) return fileURLToPath(new URL(local, import.meta.url));
    return null;
  },
};

// Workspace packages are bundled from their TypeScript sources ("madoguchi-source" export condition). Setting
// `conditions` replaces Vite's own, so they are kept: without "browser", markdown-to-jsx resolved to its Node
// build (its entity table alone made the lazy markdown chunk 28 KB larger, 9 KB brotli).
export default defineConfig({
  plugins: [rjsfLazyMarkdown, rjsfUriLite, rjsfFormDecimalSeparator, rjsfSlimRegistry, react()],
  resolve: { conditions: [...defaultClientConditions, 'madoguchi-source'] },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Read by the server to name the form page's chunks in its HTML (server/src/http/formPagePreloads.ts).
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // A phone over HTTP/1.1 asks a server for six files at a time, each at least one round trip (half a second
        // on a slow network). Left alone, the form page needs 17 scripts, a dozen of them under 1 KB, each in its
        // own chunk because a different set of pages shares it: three round trips. These groups put the small
        // modules the form page shares with other pages into three chunks (11 scripts and a style sheet: two round
        // trips), with the same modules on the form page as before. Named by file, not by folder: a folder would
        // pull in modules the form page never loads (the holiday table, the builder's helpers). The size budgets
        // of tests/e2e/resident-bundle.test.ts hold each page to what it may load.
        codeSplitting: {
          groups: [
            // Every page's: React, the API client, the language and its messages (the entry imports it).
            { name: 'app-core', test: /[\\/]client[\\/]src[\\/]common[\\/](i18n[\\/]|api[\\/]http\.ts|StatusMessages\.tsx)/ },
            // shared's small pieces a form and a staff page both use: dates, 和暦, conditions, validation messages.
            { name: 'form-kit', test: /[\\/]shared[\\/]src[\\/](time[\\/](japanTime|calendarDates|receptionWording)\.ts|form[\\/](wareki|conditions)\.ts|validation[\\/](messages|dateRules)\.ts)/ },
            // The resident form's client-side helpers: kana input, steps, closed rows of a long group.
            {
              name: 'form-helpers',
              test: /[\\/]client[\\/]src[\\/](common[\\/]kana\.ts|resident[\\/]apply[\\/]steps\.ts|resident[\\/]form[\\/]templates[\\/]closedRows\.ts)|[\\/]wanakana[\\/]/,
            },
          ],
        },
      },
      treeshake: {
        // `shared` is pure data and functions; a module-level ajv there (the preset checker's) must not be
        // kept in the browser bundle just for being imported: `new Ajv()` compiles code, which the CSP forbids.
        moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
