/**
 * Background jobs on timers (cleanup, retention, rescans) that shutdown can
 * stop and wait for: a run cut off by closing the store would fail half-way.
 */
export class PeriodicJobs {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  /** Runs `job` every `ms` (and once now with `now`); a run never overlaps the previous one. */
  every(ms: number, job: () => Promise<unknown>, options: { now?: boolean } = {}): void {
    let current: Promise<unknown> | undefined;
    const run = () => {
      if (this.stopped || current) return;
      const p = job()
        .catch(() => undefined) // jobs log their own failures
        .finally(() => {
          this.running.delete(p);
          current = undefined;
        });
      current = p;
      this.running.add(p);
    };
    if (options.now) run();
    this.timers.push(setInterval(run, ms).unref());
  }

  /** No new runs; resolves when the runs in progress have ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }
}
