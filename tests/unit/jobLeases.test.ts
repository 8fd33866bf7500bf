/**
 * The lease keeper of background jobs (issue #23): the holder is told when it
 * gains and loses a job, gives its leases up on stop, and stops a job once it
 * could not renew the lease for a whole lease time (another instance may run it by then).
 */
import { JobLeases } from '../../server/src/modules/maintenance/jobLeases';
import type { LeaseRepository } from '../../server/src/storage/types';

/** Leases in memory, with the store's rules (the contract suite checks the real adapters). */
class MemoryLeases implements LeaseRepository {
  readonly rows = new Map<string, { holder: string; expiresAt: number }>();
  failing = false;
  async acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    if (this.failing) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const row = this.rows.get(name);
    if (row && row.holder !== holder && row.expiresAt > now.getTime()) return false;
    this.rows.set(name, { holder, expiresAt: now.getTime() + ttlMs });
    return true;
  }
  async renew(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const row = this.rows.get(name);
    if (row?.holder !== holder) return false;
    row.expiresAt = now.getTime() + ttlMs;
    return true;
  }
  async release(name: string, holder: string): Promise<void> {
    if (this.rows.get(name)?.holder === holder) this.rows.delete(name);
  }
  async holder(name: string, now: Date): Promise<string | null> {
    const row = this.rows.get(name);
    return row && row.expiresAt > now.getTime() ? row.holder : null;
  }
}

function keeper(store: MemoryLeases, holder: string) {
  const events: string[] = [];
  const leases = new JobLeases(store, { ttlMs: 3000, holder });
  leases.watch('job:cleanup', { gained: () => events.push('gained'), lost: () => events.push('lost') });
  return { leases, events };
}

describe('JobLeases', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-06T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('lets one instance gain the job, and hands it on at once when that one stops', async () => {
    const store = new MemoryLeases();
    const a = keeper(store, 'A');
    const b = keeper(store, 'B');
    a.leases.start();
    await jest.advanceTimersByTimeAsync(0);
    b.leases.start();
    await jest.advanceTimersByTimeAsync(5000); // renewed every second: A keeps it
    expect([a.events, b.events]).toEqual([['gained'], []]);
    expect(await a.leases.confirm('job:cleanup')).toBe(true);
    expect(await b.leases.confirm('job:cleanup')).toBe(false);

    await a.leases.stop();
    expect(store.rows.has('job:cleanup')).toBe(false); // released, not left to expire
    await jest.advanceTimersByTimeAsync(1000);
    expect(b.events).toEqual(['gained']);
    await b.leases.stop();
  });

  it('tells the holder it lost the job when another instance took the lease over (it hung past the lease)', async () => {
    const store = new MemoryLeases();
    const a = keeper(store, 'A');
    a.leases.start();
    await jest.advanceTimersByTimeAsync(0);
    store.rows.set('job:cleanup', { holder: 'B', expiresAt: Date.now() + 3000 }); // B took it (A hung past its lease)
    expect(await a.leases.confirm('job:cleanup')).toBe(false);
    expect(a.events).toEqual(['gained', 'lost']);
    await a.leases.stop();
  });

  it('keeps running through a store hiccup shorter than the lease, and stops the job after a whole lease time unconfirmed', async () => {
    const store = new MemoryLeases();
    const a = keeper(store, 'A');
    a.leases.start();
    await jest.advanceTimersByTimeAsync(0);
    store.failing = true;
    await jest.advanceTimersByTimeAsync(2000);
    expect(a.events).toEqual(['gained']);
    await jest.advanceTimersByTimeAsync(1500);
    expect(a.events).toEqual(['gained', 'lost']);
    store.failing = false;
    await jest.advanceTimersByTimeAsync(1000); // the store is back: A gets the (expired) lease again
    expect(a.events).toEqual(['gained', 'lost', 'gained']);
    await a.leases.stop();
  });
});
