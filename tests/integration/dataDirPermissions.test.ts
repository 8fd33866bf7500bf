/**
 * DATA_DIR holds personal data: the server creates it for its own account
 * only (directory 0700, database, WAL, shared memory and key files 0600), and
 * says at start when an existing data directory is wider.
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildApp } from '../helpers/buildApp';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess } from '../helpers/serverProcess';
import { loadOrCreateKey } from '../../server/src/security/keys';
import { widePermissions } from '../../server/src/security/privateFiles';
import { risaiData } from '../helpers/inboxApp';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('DATA_DIR permissions', () => {
  const parent = makeTempDir();
  afterAll(() => parent.remove());

  it('creates the directory 0700 and the database, WAL, shared-memory and key files 0600', async () => {
    const dataDir = join(parent.path, 'data');
    const ctx = await buildApp({ dataDir, env: { RATE_LIMIT_INTAKE_PER_MIN: '0' } });
    loadOrCreateKey(dataDir, 'secret.key');
    await request(ctx.app).post('/api/v1/municipalities/082015/procedures/risai-shomeisho/submissions').send({ data: risaiData() }).expect(201);
    expect(modeOf(dataDir)).toBe('700');
    for (const name of ['madoguchi.sqlite', 'madoguchi.sqlite-wal', 'madoguchi.sqlite-shm', 'secret.key']) expect([name, modeOf(join(dataDir, name))]).toEqual([name, '600']);
    expect(widePermissions(dataDir)).toEqual([]);
    await ctx.close();
  });

  it('names what is too wide, and the server warns about it at start', async () => {
    const dataDir = join(parent.path, 'shared-data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755); // whatever the umask
    writeFileSync(join(dataDir, 'notes.txt'), 'x', { mode: 0o644 });
    chmodSync(join(dataDir, 'notes.txt'), 0o644);
    expect(widePermissions(dataDir)).toEqual([
      { path: dataDir, mode: '0755' },
      { path: join(dataDir, 'notes.txt'), mode: '0644' },
    ]);
    const server = await startServerProcess({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' });
    try {
      expect(server.output()).toContain('DATA_DIR: other accounts may read this');
      expect(server.output()).toContain(join(dataDir, 'notes.txt'));
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
