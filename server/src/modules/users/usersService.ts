/**
 * Accounts: the first platform admin (from the setup link), invitations,
 * accepting them, and admins changing accounts. Transport-free: routes have
 * already checked *who* may do this (auth/policy.ts); this checks *what*.
 */
import { randomUUID } from 'node:crypto';
import type { Language } from '@madoguchi/shared';
import type { AuthToken, Storage, User, UserRole } from '../../storage/types';
import { USER_ROLES } from '../../storage/types';
import type { MunicipalityRegistry } from '../municipalities/registry';
import type { AuthConfig } from '../../auth/authConfig';
import type { AuthAudit } from '../../auth/audit';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors';
import { authText } from '../../auth/messages';
import { hashPassword } from '../../auth/passwords';
import { inviteUrl, newTokenValue, tokenHash } from '../../auth/oneTimeTokens';
import type { Mailer } from './inviteMailer';
import { FieldChecks } from './fieldChecks';
import { toPublicInvite, type PublicInvite } from './publicUser';

export interface InviteRequest {
  email: unknown;
  role: unknown;
  municipalityCode?: unknown;
  procedureIds?: unknown;
}

export interface InviteResult {
  invite: PublicInvite;
  /** `email` when sent; `link` when there is no SMTP and the admin passes `link` on. */
  delivery: 'email' | 'link';
  link?: string;
}

export interface UserPatch {
  displayName?: unknown;
  role?: unknown;
  disabled?: unknown;
  procedureIds?: unknown;
}

const procedureList = (value: unknown): string[] | null =>
  Array.isArray(value) && value.length > 0 ? [...new Set(value.filter((v): v is string => typeof v === 'string' && /^[a-z0-9-]{1,80}$/.test(v)))] : null;

export class UsersService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: MunicipalityRegistry,
    private readonly config: AuthConfig & { publicUrl: string },
    private readonly audit: AuthAudit,
    private readonly mailer: Mailer | undefined,
    private readonly now: () => Date,
  ) {}

  /** Creates the first platform admin with the one-time setup token; works once, and only while there is no account. */
  async setupFirstAdmin(input: { token: unknown; email: unknown; displayName: unknown; password: unknown }, lang: Language): Promise<User> {
    const checks = new FieldChecks(lang);
    const email = checks.email('email', input.email);
    const displayName = checks.displayName('displayName', input.displayName);
    const password = checks.password('password', input.password, email);
    checks.done();
    if ((await this.storage.users.count()) > 0) throw new ConflictError(authText(lang, 'setupDone'), 'setup_done');
    const token = await this.storage.authTokens.consume('setup', tokenHash(input.token), this.now());
    if (!token) throw new BadRequestError(authText(lang, 'setupInvalid'), 'setup_token_invalid');
    const user = await this.createUser({ email, displayName, role: 'platform-admin', municipalityCode: null, procedureIds: null }, await hashPassword(password));
    await this.audit.record('user.created', 'setup', user, { role: user.role, via: 'setup_link' });
    return user;
  }

  /** Invites someone by e-mail: a one-time link, mailed when SMTP is set up, otherwise returned for the admin to pass on. */
  async invite(input: InviteRequest, actor: User, lang: Language): Promise<InviteResult> {
    const checks = new FieldChecks(lang);
    const email = checks.email('email', input.email);
    const role = USER_ROLES.includes(input.role as UserRole) ? (input.role as UserRole) : (checks.add('role', 'roleInvalid'), 'staff');
    const code = typeof input.municipalityCode === 'string' && input.municipalityCode !== '' ? input.municipalityCode : null;
    if (role === 'platform-admin' && code) checks.add('municipalityCode', 'municipalityNotAllowed');
    if (role !== 'platform-admin' && !code) checks.add('municipalityCode', 'municipalityRequired');
    if (code && !this.registry.get(code)) checks.add('municipalityCode', 'municipalityUnknown');
    checks.done();
    if (await this.storage.users.findByEmail(email)) throw new ConflictError(authText(lang, 'emailTaken'), 'duplicate', 'email');
    // A new invitation to the same address replaces the old one (its link stops working).
    for (const old of await this.storage.authTokens.listActive({ kind: 'invite', email }, this.now())) await this.storage.authTokens.delete(old.id);
    const token = newTokenValue();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.config.inviteTtlHours * 3_600_000);
    const record: AuthToken = {
      id: randomUUID(),
      kind: 'invite',
      tokenHash: tokenHash(token),
      email,
      role,
      municipalityCode: code,
      procedureIds: role === 'staff' ? procedureList(input.procedureIds) : null,
      createdBy: actor.id,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      usedAt: null,
    };
    await this.storage.authTokens.create(record);
    await this.audit.recordOn('user.invited', actor.id, code, 'invite', record.id, { role, delivery: this.mailer ? 'email' : 'link' });
    const link = inviteUrl(this.config.publicUrl, token);
    if (!this.mailer) return { invite: toPublicInvite(record), delivery: 'link', link };
    await this.mailer.sendInvite({ to: email, link, municipalityName: code ? (this.registry.get(code)?.name ?? null) : null, inviterName: actor.displayName, expiresAt });
    return { invite: toPublicInvite(record), delivery: 'email' };
  }

  /** What an invitation link is for (the accept page shows it), or 400 when it no longer works. */
  async lookupInvite(token: unknown, lang: Language): Promise<{ email: string; role: UserRole; municipalityCode: string | null; municipalityName: string | null; expiresAt: string }> {
    const invite = await this.storage.authTokens.findActive('invite', tokenHash(token), this.now());
    if (!invite) throw new BadRequestError(authText(lang, 'inviteInvalid'), 'invite_invalid');
    const name = invite.municipalityCode ? (this.registry.get(invite.municipalityCode)?.name ?? null) : null;
    return { email: invite.email ?? '', role: invite.role, municipalityCode: invite.municipalityCode, municipalityName: name, expiresAt: invite.expiresAt };
  }

  /** Creates the invited account with a password; the link works once. */
  async acceptInvite(input: { token: unknown; displayName: unknown; password: unknown }, lang: Language): Promise<User> {
    const pending = await this.storage.authTokens.findActive('invite', tokenHash(input.token), this.now());
    if (!pending) throw new BadRequestError(authText(lang, 'inviteInvalid'), 'invite_invalid');
    const checks = new FieldChecks(lang);
    const displayName = checks.displayName('displayName', input.displayName);
    const password = checks.password('password', input.password, pending.email ?? '');
    checks.done();
    const passwordHash = await hashPassword(password);
    const invite = await this.storage.authTokens.consume('invite', pending.tokenHash, this.now());
    if (!invite) throw new BadRequestError(authText(lang, 'inviteInvalid'), 'invite_invalid');
    return this.createInvited(invite, displayName, passwordHash, 'invite_link');
  }

  /** Creates the account of a pending invitation for this address (sign-in through the IdP, no password). */
  async acceptInviteByEmail(email: string, displayName: string): Promise<User | null> {
    const [pending] = await this.storage.authTokens.listActive({ kind: 'invite', email }, this.now());
    const invite = pending ? await this.storage.authTokens.consume('invite', pending.tokenHash, this.now()) : null;
    return invite ? this.createInvited(invite, displayName || email, null, 'oidc') : null;
  }

  async listInvites(municipalityCode: string | null): Promise<PublicInvite[]> {
    return (await this.storage.authTokens.listActive({ kind: 'invite', municipalityCode }, this.now())).map(toPublicInvite);
  }

  async revokeInvite(invite: AuthToken, actor: User): Promise<void> {
    await this.storage.authTokens.delete(invite.id);
    await this.audit.recordOn('user.invite_revoked', actor.id, invite.municipalityCode, 'invite', invite.id);
  }

  /** Renames, changes role or procedure scope, disables or re-enables an account. Admins cannot disable or demote themselves. */
  async update(target: User, patch: UserPatch, actor: User, lang: Language): Promise<User> {
    const checks = new FieldChecks(lang);
    const changes: Partial<User> = {};
    if (patch.displayName !== undefined) changes.displayName = checks.displayName('displayName', patch.displayName);
    if (patch.role !== undefined && patch.role !== target.role) {
      const role = patch.role as UserRole;
      // The municipality is fixed: a platform account cannot become a municipal one or the reverse.
      if (!USER_ROLES.includes(role) || (role === 'platform-admin') !== (target.role === 'platform-admin')) checks.add('role', 'roleInvalid');
      else changes.role = role;
    }
    if (typeof patch.disabled === 'boolean' && patch.disabled !== target.disabled) changes.disabled = patch.disabled;
    if (patch.procedureIds !== undefined) changes.procedureIds = procedureList(patch.procedureIds);
    checks.done();
    if (target.id === actor.id && (changes.disabled || changes.role)) throw new ConflictError(authText(lang, 'notSelf'), 'not_self');
    if (changes.disabled === false) Object.assign(changes, { failedLogins: 0, lockedUntil: null });
    const updated = await this.storage.users.update(target.id, changes, this.now());
    if (changes.role) await this.audit.record('user.role_changed', actor.id, updated, { from: target.role, to: changes.role });
    if (changes.disabled !== undefined) await this.audit.record(changes.disabled ? 'user.disabled' : 'user.enabled', actor.id, updated);
    if (changes.displayName !== undefined || changes.procedureIds !== undefined) {
      await this.audit.record('user.updated', actor.id, updated, { fields: Object.keys(changes).filter((k) => k === 'displayName' || k === 'procedureIds') });
    }
    return updated;
  }

  /** Removes an account's second factor (lost phone): it enrols again at next sign-in if required. */
  async resetTotp(target: User, actor: User): Promise<User> {
    const updated = await this.storage.users.update(target.id, { totpSecret: null, totpLastStep: null }, this.now());
    await this.audit.record('user.totp_reset', actor.id, updated);
    return updated;
  }

  async findUser(id: string, lang: Language): Promise<User> {
    const user = await this.storage.users.findById(id);
    if (!user) throw new NotFoundError(authText(lang, 'userNotFound'), 'user_not_found');
    return user;
  }

  private async createInvited(invite: AuthToken, displayName: string, passwordHash: string | null, via: string): Promise<User> {
    const fields = { email: invite.email ?? '', displayName, role: invite.role, municipalityCode: invite.municipalityCode, procedureIds: invite.procedureIds };
    const user = await this.createUser(fields, passwordHash);
    await this.audit.record('user.created', invite.createdBy, user, { role: user.role, via, inviteId: invite.id });
    return user;
  }

  private async createUser(fields: Pick<User, 'email' | 'displayName' | 'role' | 'municipalityCode' | 'procedureIds'>, passwordHash: string | null): Promise<User> {
    const at = this.now().toISOString();
    const user: User = {
      id: randomUUID(),
      ...fields,
      procedureIds: fields.procedureIds ?? null,
      passwordHash,
      totpSecret: null,
      failedLogins: 0,
      lockedUntil: null,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    };
    if (!user.procedureIds) delete user.procedureIds;
    await this.storage.users.create(user);
    return user;
  }
}
