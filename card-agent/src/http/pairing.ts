/**
 * Pairing: the agent shows a 6-digit code on the counter PC; the console
 * sends it once and gets a bearer token, held in memory only and expiring.
 * Too many wrong codes lock pairing until the agent restarts.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export type PairResult = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'wrong' | 'locked' };

/** At most this many live tokens (e.g. a few console tabs); the oldest goes first. */
const MAX_TOKENS = 20;

export class Pairing {
  readonly code: string;
  private failures = 0;
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly tokenTtlMs: number,
    private readonly maxFailures: number,
    private readonly now: () => number = Date.now,
  ) {
    this.code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  }

  get locked(): boolean {
    return this.failures >= this.maxFailures;
  }

  pair(code: unknown): PairResult {
    if (this.locked) return { ok: false, reason: 'locked' };
    if (typeof code !== 'string' || !sameCode(code, this.code)) {
      this.failures += 1;
      return { ok: false, reason: this.locked ? 'locked' : 'wrong' };
    }
    const token = randomBytes(32).toString('base64url');
    const expires = this.now() + this.tokenTtlMs;
    this.tokens.set(token, expires);
    if (this.tokens.size > MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    return { ok: true, token, expiresAt: new Date(expires) };
  }

  /** True for a live token; expired ones are dropped. */
  isValid(token: string | undefined): boolean {
    if (!token) return false;
    const expires = this.tokens.get(token);
    if (expires === undefined) return false;
    if (expires <= this.now()) {
      this.tokens.delete(token);
      return false;
    }
    return true;
  }
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
