/**
 * Audit events for sign-in and accounts. Details never carry passwords,
 * codes, secrets or tokens; sign-in events carry the client IP and browser.
 */
import type { Request } from 'express';
import type { Storage, User } from '../storage/types';

export type AuthAuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'auth.lockout'
  | 'user.invited'
  | 'user.invite_revoked'
  | 'user.created'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.role_changed'
  | 'user.updated'
  | 'user.password_changed'
  | 'user.totp_enabled'
  | 'user.totp_disabled'
  | 'user.totp_reset'
  | 'settings.auth_policy_changed';

/** Sign-in actions shown to an account as its recent sign-ins. */
export const SIGN_IN_ACTIONS: readonly string[] = ['auth.sign_in', 'auth.sign_in_failed', 'auth.lockout'];

export type ClientMeta = {
  ip: string;
  userAgent: string;
};

export const clientMeta = (req: Request): ClientMeta => ({ ip: req.ip ?? '', userAgent: (req.get('user-agent') ?? '').slice(0, 200) });

export class AuthAudit {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date,
  ) {}

  /** An event about an account (`target`), done by `actor` (a user id, or `system` / `setup` / `invite`). */
  async record(action: AuthAuditAction, actor: string, target: Pick<User, 'id' | 'municipalityCode'>, details: Record<string, unknown> = {}): Promise<void> {
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor,
      action,
      municipalityCode: target.municipalityCode,
      targetType: 'user',
      targetId: target.id,
      details,
    });
  }

  /** An event about something other than an account (an invitation, a municipality's settings). */
  async recordOn(action: AuthAuditAction, actor: string, municipalityCode: string | null, targetType: string, targetId: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.storage.audit.append({ at: this.now().toISOString(), actor, action, municipalityCode, targetType, targetId, details });
  }
}
