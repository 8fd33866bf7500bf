import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
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

// Workspace packages are bundled from their TypeScript sources ("madoguchi-source" export condition).
export default defineConfig({
  plugins: [rjsfLazyMarkdown, rjsfUriLite, rjsfSlimRegistry, react()],
  resolve: { conditions: ['madoguchi-source'] },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Read by the server to name the form page's chunks in its HTML (server/src/http/formPagePreloads.ts).
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      treeshake: {
        // `shared` is pure data and functions; a module-level ajv there (the preset checker's) must not be
        // kept in the browser bundle just for being imported: `new Ajv()` compiles code, which the CSP forbids.
        moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
