/**
 * An express-rate-limit store on the shared store's counters (issue #23): a
 * limit of N per window holds across every instance on one store (cluster
 * workers, separate servers on one DATA_DIR or one MongoDB). A request costs
 * one counter statement. Each limiter gets its own instance (its own prefix).
 */
import type { IncrementResponse, Options, Store } from 'express-rate-limit';
import type { RateCounterRepository } from '../storage/types';

export class SharedCounterStore implements Store {
  private windowMs = 60_000;
  /** Counters live in the store, not in this process. */
  readonly localKeys = false;

  constructor(
    private readonly counters: RateCounterRepository,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const { count, resetAt } = await this.counters.hit(this.prefix + key, this.windowMs, new Date());
    return { totalHits: count, resetTime: resetAt };
  }

  async decrement(key: string): Promise<void> {
    await this.counters.unhit(this.prefix + key, new Date());
  }

  async resetKey(key: string): Promise<void> {
    await this.counters.reset(this.prefix + key);
  }
}
