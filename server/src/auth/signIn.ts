/**
 * Checks passwords and TOTP codes, with lockout: after LOGIN_MAX_FAILURES
 * failures in a row an account is locked for LOGIN_LOCK_MINUTES, during which
 * even the right password is refused. At the password step an unknown, a
 * disabled and a locked account get the same answer, after the same work, as
 * a wrong password: nothing tells an outsider which addresses exist. (At the
 * TOTP step the password was right, so the lock is named.)
 */
import type { Language } from '@madoguchi/shared';
import type { Storage, User } from '../storage/types';
import type { AuthConfig } from './authConfig';
import { UnauthorizedError } from '../errors';
import { TooManyRequestsError } from './authErrors';
import { authText } from './messages';
import { dummyHash, verifyPassword } from './passwords';
import type { TotpService } from './totp';
import type { AuthAudit, ClientMeta } from './audit';

export class SignInService {
  constructor(
    private readonly storage: Storage,
    private readonly config: AuthConfig,
    private readonly totp: TotpService,
    private readonly audit: AuthAudit,
    private readonly now: () => Date,
  ) {}

  /** The account whose password this is; throws 401 (wrong) or 429 (locked). */
  async checkPassword(email: unknown, password: unknown, meta: ClientMeta, lang: Language): Promise<User> {
    const user = typeof email === 'string' ? await this.storage.users.findByEmail(email.trim()) : null;
    const pw = typeof password === 'string' ? password : '';
    if (!user || user.disabled || !user.passwordHash) {
      await verifyPassword(pw, await dummyHash());
      // The typed address is not recorded: people sometimes type their password into it.
      await this.audit.recordOn('auth.sign_in_failed', 'anonymous', user?.municipalityCode ?? null, 'user', user?.id ?? '-', { reason: user ? 'disabled_or_no_password' : 'unknown_account', ...meta });
      throw new UnauthorizedError(authText(lang, 'badCredentials'));
    }
    if (this.isLocked(user)) {
      await verifyPassword(pw, await dummyHash());
      void this.audit.record('auth.sign_in_failed', 'anonymous', user, { reason: 'locked', ...meta });
      throw new UnauthorizedError(authText(lang, 'badCredentials'));
    }
    if (!(await verifyPassword(pw, user.passwordHash))) return this.fail(user, 'password', meta, lang);
    return user;
  }

  /** Checks the second step's code for the account whose password was just checked. */
  async checkTotp(user: User, code: unknown, meta: ClientMeta, lang: Language): Promise<User> {
    this.refuseIfLocked(user, meta, lang);
    const step = user.totpSecret ? await this.totp.check(this.totp.open(user.totpSecret), code, this.now(), user.totpLastStep) : null;
    if (step === null) return this.fail(user, 'totp', meta, lang);
    return this.storage.users.update(user.id, { totpLastStep: step }, this.now());
  }

  /** Clears the failure count and records the sign-in. */
  async succeeded(user: User, method: string, meta: ClientMeta): Promise<void> {
    if (user.failedLogins > 0 || user.lockedUntil) await this.storage.users.update(user.id, { failedLogins: 0, lockedUntil: null }, this.now());
    await this.audit.record('auth.sign_in', user.id, user, { method, ...meta });
    // Expired sessions are swept here rather than by a timer (nothing to stop at shutdown).
    await this.storage.sessions.deleteExpired(this.now());
  }

  private isLocked(user: User): boolean {
    return !!user.lockedUntil && Date.parse(user.lockedUntil) > this.now().getTime();
  }

  private refuseIfLocked(user: User, meta: ClientMeta, lang: Language): void {
    if (this.isLocked(user)) {
      void this.audit.record('auth.sign_in_failed', 'anonymous', user, { reason: 'locked', ...meta });
      throw new TooManyRequestsError(authText(lang, 'locked', { minutes: this.remainingMinutes(user.lockedUntil!) }), 'account_locked');
    }
  }

  private remainingMinutes(until: string): number {
    return Math.max(1, Math.ceil((Date.parse(until) - this.now().getTime()) / 60_000));
  }

  private async fail(user: User, step: 'password' | 'totp', meta: ClientMeta, lang: Language): Promise<never> {
    const failures = user.failedLogins + 1;
    if (failures >= this.config.maxFailures) {
      const lockedUntil = new Date(this.now().getTime() + this.config.lockMinutes * 60_000).toISOString();
      await this.storage.users.update(user.id, { failedLogins: 0, lockedUntil }, this.now());
      await this.audit.record('auth.lockout', 'system', user, { failures, lockedUntil, ...meta });
      if (step === 'password') throw new UnauthorizedError(authText(lang, 'badCredentials'));
      throw new TooManyRequestsError(authText(lang, 'locked', { minutes: this.config.lockMinutes }), 'account_locked');
    }
    await this.storage.users.update(user.id, { failedLogins: failures }, this.now());
    await this.audit.record('auth.sign_in_failed', 'anonymous', user, { reason: step === 'password' ? 'wrong_password' : 'wrong_code', failures, ...meta });
    if (step === 'totp') throw new UnauthorizedError(authText(lang, 'totpInvalid'));
    throw new UnauthorizedError(authText(lang, 'badCredentials'));
  }
}
