/** Sign-in errors that have no general counterpart in errors.ts (same hierarchy, same handler). */
import { AppError } from '../errors';

/** Too many attempts (rate limit, account lockout): 429. */
export class TooManyRequestsError extends AppError {
  constructor(message: string, code = 'too_many_requests') {
    super(code, message, 429, true);
  }
}

/** A 401 or 403 with a more specific code than errors.ts offers (the client acts on the code). */
export class AccessError extends AppError {
  constructor(code: 'unauthorized' | 'session_expired' | 'forbidden' | 'csrf_failed' | 'totp_enrolment_required', message: string) {
    super(code, message, code === 'unauthorized' || code === 'session_expired' ? 401 : 403, true);
  }
}
