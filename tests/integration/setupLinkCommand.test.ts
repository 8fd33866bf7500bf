/**
 * `npm run setup-link` (the built tool, as an operator runs it): a new
 * one-time link for the first admin that works, the earlier link dead, and
 * nothing issued once an account exists.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildApp } from '../helpers/buildApp';
import { makeTempDir } from '../helpers/tempDir';
import { issueSetupToken } from '../../server/src/auth/oneTimeTokens';
import { StaffClient } from '../helpers/staffAuth';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const tool = (env: Record<string, string>) =>
  run(process.execPath, ['server/dist/tools/setupLink.js'], { cwd: ROOT, env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

describe('npm run setup-link', () => {
  it('issues a working link, ends the lost one, and issues nothing once an account exists', async () => {
    const dir = makeTempDir();
    const env = { DATA_DIR: dir.path, PUBLIC_URL: 'http://madoguchi.test' /* http: supertest sends no Secure cookie */, LOG_LEVEL: 'silent' };
    const first = await buildApp({ dataDir: dir.path, presets: false, env });
    const lost = await issueSetupToken(first.storage, new Date());
    await first.close();

    const issued = await tool(env);
    expect(issued.code).toBe(0);
    const token = /http:\/\/madoguchi\.test\/staff\/setup#([\w-]+)/.exec(issued.out)?.[1];
    expect(token).toBeDefined();

    const ctx = await buildApp({ dataDir: dir.path, presets: false, env });
    const client = new StaffClient(ctx.app);
    await client.session();
    const account = { email: 'admin@city.example.jp', displayName: '管理 太郎', password: 'a long enough passphrase' };
    await client.post('/setup', { token: lost, ...account }).expect(400);
    await client.post('/setup', { token, ...account }).expect(201);
    await ctx.close();

    const refused = await tool(env);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('セットアップリンクは発行しません');
    expect(refused.out).not.toContain('/staff/setup#');
    dir.remove();
  });
});
