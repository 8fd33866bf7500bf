/**
 * Per-IP rate limits on the routes anyone can call: intake (a flood must not
 * fill the disk), status and PDF look-ups (receipt secrets must not be
 * guessed) and uploads. Answers are 429 with a Japanese message.
 */
import { rateLimit, type Options } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { requestLanguage } from '../i18n/language';

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

function limiter(limit: number, code: string, keyGenerator?: Options['keyGenerator']): RequestHandler {
  if (limit === 0) return (_req, _res, next) => next();
  const options: Partial<Options> = {
    ...(keyGenerator ? { keyGenerator } : {}),
    windowMs: 60_000,
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

export function createRateLimits(settings: RateLimitSettings): Record<'intake' | 'lookup' | 'receipt' | 'upload' | 'pairing', RequestHandler> {
  return {
    intake: limiter(settings.intakePerMinute, 'rate_limited'),
    lookup: limiter(settings.lookupPerMinute, 'rate_limited'),
    // Keyed by the receipt number as written (upper-cased, separators dropped), not by address.
    receipt: limiter(
      settings.receiptLookupPerMinute,
      'rate_limited',
      (req) =>
        `receipt:${String(req.params.receiptNumber ?? '')
          .toUpperCase()
          .replace(/[^0-9A-Z]/g, '')}`,
    ),
    upload: limiter(settings.uploadPerMinute, 'rate_limited'),
    // A tablet's pairing code: at most 10 tries a minute per address (none when look-ups are unlimited, as in tests).
    pairing: limiter(Math.min(10, settings.lookupPerMinute), 'rate_limited'),
  };
}
