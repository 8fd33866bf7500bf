import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Workspace packages are bundled from their TypeScript sources ("madoguchi-source" export condition).
export default defineConfig({
  plugins: [react()],
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
