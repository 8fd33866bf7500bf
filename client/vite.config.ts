import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Workspace packages are bundled from their TypeScript sources ("madoguchi-source" export condition).
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['madoguchi-source'] },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
