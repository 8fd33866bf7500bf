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

// Workspace packages are bundled from their TypeScript sources ("madoguchi-source" export condition).
export default defineConfig({
  plugins: [rjsfLazyMarkdown, react()],
  resolve: { conditions: ['madoguchi-source'] },
  build: {
    outDir: 'dist',
    sourcemap: true,
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
