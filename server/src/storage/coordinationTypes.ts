/**
 * What several server instances on one store agree on (issue #23): request
 * counters for rate limits (a limit of N holds across every instance) and
 * leases for background jobs (each job runs in one instance at a time).
 */

/** One counter's state after a hit: the hits in its window and when the window ends. */
export interface CounterHit {
  count: number;
  resetAt: Date;
}

/**
 * Fixed-window counters keyed by a string (a limiter's prefix + an address).
 * A window starts at the first hit after the previous one ended and lasts
 * `windowMs`; expired windows are removed by `purgeExpired` (MongoDB: TTL index too).
 */
export interface RateCounterRepository {
  /** Counts one hit of `key` in its current window (opening a new one when none is running): one statement. */
  hit(key: string, windowMs: number, now: Date): Promise<CounterHit>;
  /** Takes one hit back (a request that turned out not to count, e.g. a successful sign-in); never below 0. */
  unhit(key: string, now: Date): Promise<void>;
  /** Forgets the key's window. */
  reset(key: string): Promise<void>;
  /** Removes windows that ended before `now`; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

/**
 * Named leases: at most one holder at a time. A lease lasts `ttlMs` from its
 * last acquire/renew; once that time has passed without a renewal any holder
 * may take it over (the previous holder died or hangs).
 */
export interface LeaseRepository {
  /** Takes `name` for `holder` if it is free, expired or already `holder`'s (then it is renewed); true when `holder` holds it now. */
  acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Extends `holder`'s lease; false when another holder has it (it was taken over after expiring). */
  renew(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Gives the lease up so another instance can take it at once; nothing when `holder` does not hold it. */
  release(name: string, holder: string): Promise<void>;
  /** The current holder, or null when free or expired (for operators and tests). */
  holder(name: string, now: Date): Promise<string | null>;
}

/**
 * A number held in the store that changes whenever an account or a municipality's
 * sign-in policy changes (SQLite: triggers on the tables; MongoDB: the repositories
 * raise it after each write). Instances cache accounts and policies against it
 * (auth/authLookupCache.ts), so a change made through any instance is seen by every
 * instance at its next request. Reading it is one statement on one row.
 */
export interface AuthVersionRepository {
  current(): Promise<number>;
}
