/**
 * Starts the server the way the README says (`npm start` runs `node server/dist/main.js`
 * after building; `npm test` builds first) on a fresh data directory, and asks it for health.
 */
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess as startServer } from '../helpers/serverProcess';

describe('npm start', () => {
  it('serves /api/v1/health on the embedded store, with the presets loaded', async () => {
    const dir = makeTempDir();
    const { child, port, output } = await startServer({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, LOG_LEVEL: 'info' });
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status: string; storage: string; presets: number };
      expect(body).toMatchObject({ status: 'ok', storage: 'sqlite' });
      expect(body.presets).toBeGreaterThanOrEqual(1);
      expect(output()).not.toMatch(/error/i);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      dir.remove();
    }
  });

  it('refuses to start on a bad configuration value, naming the variable', async () => {
    await expect(startServer({ PORT: 'eighty' })).rejects.toThrow(/PORT must be an integer/);
  });
});
