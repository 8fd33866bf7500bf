/**
 * Several instances on one store (issue #23): two independent server processes
 * (`node server/dist/main.js` twice, different ports) on one SQLite DATA_DIR.
 * A rate limit of N holds across both, each background job runs in one of them
 * only, and killing the holder of the jobs' leases hands them to the other
 * once its leases run out (JOB_LEASE_SECONDS=4 here).
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/tempDir';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';

jest.setTimeout(120_000);

const LOOKUP_LIMIT = 6;
const JOBS = ['job:cleanup', 'job:outbox', 'job:retention', 'job:deadline-digest', 'job:audit-checkpoint'];
const example = JSON.parse(readFileSync(join(__dirname, '../../presets/procedures/risai-shomeisho/examples/valid.json'), 'utf8'));

async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('two server processes on one SQLite data directory', () => {
  const dir = makeTempDir();
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir.path,
    LOG_LEVEL: 'info',
    JOB_LEASE_SECONDS: '4',
    RATE_LIMIT_INTAKE_PER_MIN: '0',
    RATE_LIMIT_RECEIPT_PER_MIN: '0',
    RATE_LIMIT_LOOKUP_PER_MIN: String(LOOKUP_LIMIT),
  };
  const servers: ServerProcess[] = [];
  let db: Database.Database;

  /** Holders of the job leases that have not expired, by lease name (read straight from the shared file). */
  const holders = (): Map<string, string> =>
    new Map((db.prepare('SELECT name, holder FROM leases WHERE expires_at > ?').all(Date.now()) as Array<{ name: string; holder: string }>).map((r) => [r.name, r.holder]));
  const pidOf = (holder: string) => Number(holder.split(':')[1]);
  const ranCleanup = (server: ServerProcess) =>
    server
      .output()
      .split('\n')
      .filter((line) => line.includes('"cleanup done"')).length;

  beforeAll(async () => {
    servers.push(await startServerProcess(env)); // one after the other: the first one creates the store and keys
    servers.push(await startServerProcess(env));
    db = new Database(join(dir.path, 'madoguchi.sqlite'), { readonly: true, fileMustExist: true });
  });
  afterAll(async () => {
    db?.close();
    for (const server of servers) {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      await server.exited;
    }
    dir.remove();
  });

  it('holds a limit of N look-ups a minute across both: the N+1th is refused, whichever process gets it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOOKUP_LIMIT + 2; i++) {
      const server = servers[i % 2]!;
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/submissions/AAAA-BBBB-${String(1000 + i)}/status`, { headers: { 'X-Receipt-Secret': 'guess' } });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(LOOKUP_LIMIT).fill(404), 429, 429]);
  });

  it('runs each background job in one process only, and the store says which', async () => {
    const held = await waitFor(() => {
      const h = holders();
      return JOBS.every((job) => h.has(job)) && h;
    }, 'every job lease taken');
    const pids = servers.map((s) => s.child.pid);
    for (const job of JOBS) expect(pids).toContain(pidOf(held.get(job)!));
    // Both started with a run of the clean-up due at once; only the lease holder ran it.
    await waitFor(() => ranCleanup(servers[0]!) + ranCleanup(servers[1]!) > 0, 'a clean-up run');
    expect(ranCleanup(servers[0]!) + ranCleanup(servers[1]!)).toBe(1);
    const cleaner = servers.find((s) => s.child.pid === pidOf(held.get('job:cleanup')!))!;
    expect(ranCleanup(cleaner)).toBe(1);
  });

  it('hands the jobs of a killed holder to the other process within the lease time', async () => {
    const holderPid = pidOf(holders().get('job:cleanup')!);
    const victim = servers.find((s) => s.child.pid === holderPid)!;
    const survivor = servers.find((s) => s !== victim)!;
    const heldByVictim = [...holders()].filter(([, holder]) => pidOf(holder) === holderPid).map(([name]) => name);
    expect(heldByVictim).toContain('job:cleanup');
    victim.child.kill('SIGKILL'); // no release: the leases must run out
    await victim.exited;
    const lastExpiry = (db.prepare("SELECT expires_at FROM leases WHERE name = 'job:cleanup'").get() as { expires_at: number }).expires_at;

    // Lease 4 s, retried every 4/3 s: the survivor holds every job after the lease time (the bound is a deadlock guard, not a speed test).
    await waitFor(() => JOBS.every((job) => pidOf(holders().get(job) ?? ':0') === survivor.child.pid), 'the survivor to hold every job', 20_000);
    await waitFor(() => ranCleanup(survivor) === 1, 'the survivor to run the clean-up', 20_000);
    // Not before the dead holder's lease ran out: the survivor took it at or after the expiry the store had.
    const takenAt = survivor
      .output()
      .split('\n')
      .filter((line) => line.includes('"job lease taken') && line.includes('"job:cleanup"'))
      .map((line) => (JSON.parse(line) as { time: number }).time);
    expect(takenAt).toHaveLength(1);
    expect(takenAt[0]).toBeGreaterThanOrEqual(lastExpiry);

    // The outbox is delivered by the survivor now: a new submission's event is dispatched.
    const res = await fetch(`http://127.0.0.1:${survivor.port}/api/v1/municipalities/082015/procedures/risai-shomeisho/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: example }),
    });
    expect(res.status).toBe(201);
    const { receiptNumber } = (await res.json()) as { receiptNumber: string };
    await waitFor(() => db.prepare('SELECT dispatched_at FROM outbox WHERE receipt_number = ? AND dispatched_at IS NOT NULL').get(receiptNumber), 'the outbox event dispatched');
  });
});
