/**
 * Per-IP rate limits on the routes anyone can call: intake (a flood must not
 * fill the disk), status and PDF look-ups (receipt secrets must not be
 * guessed) and uploads. Answers are 429 with a Japanese message.
 */
import { rateLimit, type Options } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { requestLanguage } from './language';

export interface RateLimitSettings {
  /** Submissions per IP per minute. */
  intakePerMinute: number;
  /** Status/PDF/draft look-ups per IP per minute. */
  lookupPerMinute: number;
  /** Uploads per IP per minute. */
  uploadPerMinute: number;
}

function limiter(limit: number, code: string): RequestHandler {
  if (limit === 0) return (_req, _res, next) => next();
  const options: Partial<Options> = {
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

export function createRateLimits(settings: RateLimitSettings): Record<'intake' | 'lookup' | 'upload', RequestHandler> {
  return {
    intake: limiter(settings.intakePerMinute, 'rate_limited'),
    lookup: limiter(settings.lookupPerMinute, 'rate_limited'),
    upload: limiter(settings.uploadPerMinute, 'rate_limited'),
  };
}
