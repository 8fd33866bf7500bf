/**
 * Background jobs on timers (cleanup, retention, rescans, …) that shutdown can
 * stop and wait for: a run cut off by closing the store would fail half-way.
 * Each job runs only in the instance holding its lease (jobLeases.ts), so
 * several instances on one store run it once per interval (issue #23).
 */
import type { JobLeases } from './jobLeases';

export class PeriodicJobs {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly leases: JobLeases) {}

  /**
   * Runs `job` every `ms` while this instance holds the lease `job:<name>`, and
   * with `now` also as soon as it gets the lease; a run never overlaps the previous one.
   */
  every(name: string, ms: number, job: () => Promise<unknown>, options: { now?: boolean } = {}): void {
    const lease = `job:${name}`;
    let current: Promise<unknown> | undefined;
    let timer: NodeJS.Timeout | undefined;
    const run = () => {
      if (this.stopped || current) return;
      const p = this.leases
        .confirm(lease)
        .then((ours) => (ours ? job() : undefined))
        .catch(() => undefined) // jobs log their own failures
        .finally(() => {
          this.running.delete(p);
          current = undefined;
        });
      current = p;
      this.running.add(p);
    };
    this.leases.watch(lease, {
      gained: () => {
        if (this.stopped) return;
        if (options.now) run();
        timer = setInterval(run, ms).unref();
        this.timers.add(timer);
      },
      lost: () => {
        if (!timer) return;
        clearInterval(timer);
        this.timers.delete(timer);
        timer = undefined;
      },
    });
  }

  /** No new runs; resolves when the runs in progress have ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }
}
