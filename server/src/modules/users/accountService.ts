/**
 * What a signed-in account does to itself: change its password, enrol or
 * remove a TOTP second factor, and see its recent sign-ins.
 */
import type { Language } from '@madoguchi/shared';
import type { Storage, User } from '../../storage/types';
import type { TotpService } from '../../auth/totp';
import { SIGN_IN_ACTIONS, type AuthAudit } from '../../auth/audit';
import { BadRequestError, ConflictError, UnauthorizedError } from '../../errors';
import { authText } from '../../auth/messages';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { FieldChecks } from './fieldChecks';

export interface SignInRecord {
  at: string;
  action: string;
  method?: string;
  reason?: string;
  ip?: string;
  userAgent?: string;
}

/** An enrolment in progress lives this long in the session. */
const ENROLMENT_MS = 10 * 60_000;

export class AccountService {
  constructor(
    private readonly storage: Storage,
    private readonly totp: TotpService,
    private readonly audit: AuthAudit,
    private readonly now: () => Date,
  ) {}

  /** Changes the password and ends every other session of the account (ASVS 3.3.3): the one in `currentSid` stays signed in. */
  async changePassword(user: User, current: unknown, next: unknown, currentSid: string, lang: Language): Promise<void> {
    if (!user.passwordHash || typeof current !== 'string' || !(await verifyPassword(current, user.passwordHash))) {
      // Accounts created through the IdP have no password to change here.
      throw new UnauthorizedError(authText(lang, 'passwordWrong'));
    }
    const checks = new FieldChecks(lang);
    const password = checks.password('newPassword', next, user.email);
    checks.done();
    await this.storage.users.update(user.id, { passwordHash: await hashPassword(password) }, this.now());
    const endedSessions = await this.storage.sessions.destroyOthersOf(user.id, currentSid);
    await this.audit.record('user.password_changed', user.id, user, { endedSessions });
  }

  /** Starts enrolment: a new secret, shown this once (for the app), kept sealed in the session until confirmed. */
  startTotp(user: User, lang: Language): { secret: string; uri: string; sealed: { sealed: string; at: number } } {
    if (user.totpSecret) throw new ConflictError(authText(lang, 'totpAlreadyEnabled'), 'totp_enabled');
    const secret = this.totp.newSecret();
    return { secret, uri: this.totp.uri(secret, user.email), sealed: { sealed: this.totp.seal(secret), at: this.now().getTime() } };
  }

  /** Confirms enrolment with a first code from the app; the secret is stored sealed and never shown again. */
  async confirmTotp(user: User, enrolment: { sealed: string; at: number } | undefined, code: unknown, lang: Language): Promise<User> {
    if (user.totpSecret) throw new ConflictError(authText(lang, 'totpAlreadyEnabled'), 'totp_enabled');
    if (!enrolment || this.now().getTime() - enrolment.at > ENROLMENT_MS) throw new BadRequestError(authText(lang, 'totpInvalid'), 'totp_invalid');
    const step = await this.totp.check(this.totp.open(enrolment.sealed), code, this.now());
    if (step === null) throw new BadRequestError(authText(lang, 'totpInvalid'), 'totp_invalid');
    const updated = await this.storage.users.update(user.id, { totpSecret: enrolment.sealed, totpLastStep: step }, this.now());
    await this.audit.record('user.totp_enabled', user.id, user);
    return updated;
  }

  /** Removes the second factor, with a current code, unless the municipality requires one. */
  async disableTotp(user: User, code: unknown, lang: Language): Promise<User> {
    if (user.municipalityCode && (await this.storage.authPolicies.get(user.municipalityCode))?.requireTotp) {
      throw new ConflictError(authText(lang, 'totpRequiredByPolicy'), 'totp_required');
    }
    const step = user.totpSecret ? await this.totp.check(this.totp.open(user.totpSecret), code, this.now(), user.totpLastStep) : null;
    if (step === null) throw new BadRequestError(authText(lang, 'totpInvalid'), 'totp_invalid');
    const updated = await this.storage.users.update(user.id, { totpSecret: null, totpLastStep: null }, this.now());
    await this.audit.record('user.totp_disabled', user.id, user);
    return updated;
  }

  /** The account's latest sign-ins, failures and lockouts (newest first). */
  async recentSignIns(user: User, limit = 20): Promise<SignInRecord[]> {
    const events = await this.storage.audit.list({ targetId: user.id, limit: 200 });
    return events
      .filter((e) => SIGN_IN_ACTIONS.includes(e.action))
      .slice(0, limit)
      .map((e) => {
        const d = e.details as Record<string, string | undefined>;
        return { at: e.at, action: e.action, ...(d.method ? { method: d.method } : {}), ...(d.reason ? { reason: d.reason } : {}), ip: d.ip ?? '', userAgent: d.userAgent ?? '' };
      });
  }
}
