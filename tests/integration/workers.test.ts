/**
 * WORKERS=2: the built server as several processes on one port. Every worker
 * must use the same keys (a receipt issued by one is looked up through the
 * other), a worker that dies is replaced, and SIGTERM stops them all cleanly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allPresets } from '../helpers/testApp';
import { freshExample } from '../helpers/presetExamples';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';

jest.setTimeout(180_000);

/** Child processes of `pid`, read from /proc (no procps needed). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('WORKERS=2', () => {
  const dir = makeTempDir();
  let server: ServerProcess;
  const body = () => JSON.stringify({ data: freshExample(allPresets().find((p) => p.procedure.id === 'risai-shomeisho')!.example) });
  const submit = async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/municipalities/082015/procedures/risai-shomeisho/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { receiptNumber: string; secret: string };
  };
  const statusOf = async (receipt: { receiptNumber: string; secret: string }) =>
    (await fetch(`http://127.0.0.1:${server.port}/api/v1/submissions/${receipt.receiptNumber}/status`, { headers: { 'X-Receipt-Secret': receipt.secret } })).status;

  beforeAll(async () => {
    server = await startServerProcess({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, WORKERS: '2', LOG_LEVEL: 'warn', RATE_LIMIT_INTAKE_PER_MIN: '0', RATE_LIMIT_LOOKUP_PER_MIN: '0' });
  });
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    dir.remove();
  });

  it('prints the first-admin link once and serves from two processes', async () => {
    await waitFor(() => childrenOf(server.child.pid!).length === 2, 'two workers');
    expect(server.output().match(/staff\/setup#/g)).toHaveLength(1);
  });

  it('answers every submission, and any worker finds any receipt (shared keys)', async () => {
    const receipts = await Promise.all(Array.from({ length: 40 }, submit));
    expect(new Set(receipts.map((r) => r.receiptNumber)).size).toBe(40);
    // Keep-alive is off for fetch across calls here, so look-ups spread over both workers.
    const statuses = await Promise.all(receipts.map(statusOf));
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('replaces a worker that dies', async () => {
    const [victim] = childrenOf(server.child.pid!);
    process.kill(victim!, 'SIGKILL');
    await waitFor(() => {
      const now = childrenOf(server.child.pid!);
      return now.length === 2 && !now.includes(victim!);
    }, 'a replacement worker');
    const receipt = await submit();
    expect(await statusOf(receipt)).toBe(200);
  });

  it('stops every worker and exits 0 on SIGTERM', async () => {
    const pid = server.child.pid!;
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(childrenOf(pid)).toEqual([]);
  });
});
