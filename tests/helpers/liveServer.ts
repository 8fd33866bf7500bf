/**
 * The real app (built client included) listening on a free port, on a fresh
 * SQLite file: what browser tests talk to. `npm test` builds the client first.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { buildTestApp } from './testApp';
import { makeTempDir } from './tempDir';
import { CLIENT_DIST } from '../../server/src/app';

export interface LiveServer {
  url: string;
  ctx: Awaited<ReturnType<typeof buildTestApp>>;
  close: () => Promise<void>;
}

/** `env`: settings on top of the test defaults (e.g. a tiny admission limit). */
export async function startLiveServer(env: Record<string, string> = {}): Promise<LiveServer> {
  const dir = makeTempDir();
  const ctx = await buildTestApp(dir.path, undefined, CLIENT_DIST, undefined, env);
  const server: Server = await new Promise((resolve) => {
    const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    close: async () => {
      server.closeAllConnections(); // keep-alive connections of a browser that is still open would hold close() up
      await new Promise((r) => server.close(r));
      await ctx.storage.close();
      dir.remove();
    },
  };
}
