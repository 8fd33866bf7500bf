/**
 * Per-IP rate limits on the routes anyone can call: intake (a flood must not
 * fill the disk), status and PDF look-ups (receipt secrets must not be
 * guessed) and uploads. Answers are 429 with a Japanese message. The counters
 * are kept in the store, so the limits hold across every instance (issue #23).
 */
import { rateLimit, type Options } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { requestLanguage } from '../i18n/language';
import type { RateCounterRepository } from '../storage/types';
import { SharedCounterStore } from './storeRateLimitStore';

export interface RateLimitSettings {
  /** Submissions per IP per minute. */
  intakePerMinute: number;
  /** Status/PDF/draft look-ups per IP per minute. */
  lookupPerMinute: number;
  /**
   * Look-ups of one receipt number per minute, from any address: guessing one
   * receipt's secret from many addresses (a botnet) is slowed as much as from one.
   */
  receiptLookupPerMinute: number;
  /** Uploads per IP per minute. */
  uploadPerMinute: number;
}

function limiter(counters: RateCounterRepository, name: string, limit: number, code: string, keyGenerator?: Options['keyGenerator']): RequestHandler {
  if (limit === 0) return (_req, _res, next) => next();
  const options: Partial<Options> = {
    ...(keyGenerator ? { keyGenerator } : {}),
    windowMs: 60_000,
    store: new SharedCounterStore(counters, `${name}:`),
    // A counter is a write: while the store cannot take writes (another connection holds the lock, a full
    // disk), reads such as the status page must still answer, so a failed count lets the request through.
    passOnStoreError: true,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const en = requestLanguage(req) === 'en';
      res.status(429).json({
        error: {
          code,
          message: en ? 'Too many requests. Please wait a minute and try again.' : 'アクセスが集中しています。1分ほど待ってから、もう一度お試しください。',
          requestId: String(req.id ?? ''),
        },
      });
    },
  };
  return rateLimit(options);
}

export function createRateLimits(settings: RateLimitSettings, counters: RateCounterRepository): Record<'intake' | 'lookup' | 'receipt' | 'upload' | 'pairing', RequestHandler> {
  return {
    intake: limiter(counters, 'intake', settings.intakePerMinute, 'rate_limited'),
    lookup: limiter(counters, 'lookup', settings.lookupPerMinute, 'rate_limited'),
    // Keyed by the receipt number as written (upper-cased, separators dropped), not by address.
    receipt: limiter(
      counters,
      'receipt',
      settings.receiptLookupPerMinute,
      'rate_limited',
      (req) =>
        `receipt:${String(req.params.receiptNumber ?? '')
          .toUpperCase()
          .replace(/[^0-9A-Z]/g, '')}`,
    ),
    upload: limiter(counters, 'upload', settings.uploadPerMinute, 'rate_limited'),
    // A tablet's pairing code: at most 10 tries a minute per address (none when look-ups are unlimited, as in tests).
    pairing: limiter(counters, 'pairing', Math.min(10, settings.lookupPerMinute), 'rate_limited'),
  };
}
