/**
 * 応援職員 (issue #20): the affected town's admin lends one disaster's queue
 * to an account of another municipality for a period, and may revoke it.
 * Grants, revocations and what lent accounts do are audited in the host
 * municipality's trail with the account's home municipality.
 * Who may get in with a grant is auth/disasterAccess.ts.
 */
import { randomUUID } from 'node:crypto';
import { todayInJapan, type Language } from '@madoguchi/shared';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Storage, User } from '../../storage/types';
import { grantIsLive, type DisasterGrant } from '../../storage/disasterGrantTypes';
import type { MunicipalityRegistry } from '../municipalities/registry';
import { auditDetailsFor, type LentFrom } from './grantAudit';
import type { DisasterActor, DisasterService } from './disasterService';
import { checkGrantRequest } from './grantRules';

/** A grant as the host's admin sees it. */
export interface GrantView extends DisasterGrant {
  user: { email: string; displayName: string; disabled: boolean } | null;
  homeMunicipalityName: string;
  /** Lets its account in today. */
  live: boolean;
}

/** A live grant as its account sees it (応援先). */
export interface MyGrantView {
  grantId: string;
  municipalityCode: string;
  municipalityName: string;
  disasterId: string;
  disasterName: string;
  disasterStatus: 'open' | 'closed';
  fromDate: string;
  untilDate: string;
}

const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);

export class DisasterGrantService {
  constructor(
    private readonly storage: Storage,
    private readonly disasters: DisasterService,
    private readonly registry: MunicipalityRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(municipalityCode: string, disasterId: string, language: Language): Promise<GrantView[]> {
    await this.disasters.get(municipalityCode, disasterId, language);
    const grants = await this.storage.disasterGrants.listByDisaster(disasterId);
    return Promise.all(grants.map((g) => this.view(g)));
  }

  /** Lends the disaster to the account with `input.email`, for `input.fromDate`–`input.untilDate`. */
  async grant(municipalityCode: string, disasterId: string, input: unknown, actor: DisasterActor, language: Language): Promise<GrantView> {
    const disaster = await this.disasters.get(municipalityCode, disasterId, language);
    const request = checkGrantRequest(input, language, this.now());
    if (disaster.status !== 'open') throw new ConflictError(say(language, '終了した災害には応援職員を追加できません。', 'A closed disaster cannot be lent to more staff.'), 'disaster_closed');
    const user = await this.storage.users.findByEmail(request.email);
    const refuse = (ja: string, en: string, code: string) => {
      throw new ValidationError(say(language, ja, en), [{ pointer: '/email', property: 'email', label: say(language, 'メールアドレス', 'E-mail'), keyword: code, message: say(language, ja, en) }]);
    };
    if (!user) return refuse('このメールアドレスの職員アカウントはありません。', 'There is no staff account with this e-mail address.', 'grant_user_unknown');
    if (user.role === 'platform-admin' || user.municipalityCode === null)
      return refuse('プラットフォーム管理者には応援の権限を与えられません。', 'Platform administrators cannot be lent to a disaster.', 'grant_platform_admin');
    if (user.municipalityCode === municipalityCode)
      return refuse('この職員は自団体の職員です（すでに受付を扱えます）。', 'This account belongs to your own municipality and already has access.', 'grant_same_municipality');
    if (user.disabled) return refuse('このアカウントは無効になっています。', 'This account is disabled.', 'grant_user_disabled');
    const today = todayInJapan(this.now());
    const existing = (await this.storage.disasterGrants.listByUser(user.id)).find((g) => g.disasterId === disasterId && g.revokedAt === null && g.untilDate >= today);
    if (existing)
      throw new ConflictError(
        say(
          language,
          'この職員にはこの災害の応援権限がすでにあります。取り消してから付与し直してください。',
          'This account already holds a grant for this disaster; revoke it first to change the period.',
        ),
        'grant_exists',
      );

    const grant: DisasterGrant = {
      id: randomUUID(),
      municipalityCode,
      disasterId,
      userId: user.id,
      homeMunicipalityCode: user.municipalityCode,
      fromDate: request.fromDate,
      untilDate: request.untilDate,
      grantedBy: actor.userId,
      grantedAt: this.now().toISOString(),
      revokedBy: null,
      revokedAt: null,
    };
    await this.storage.disasterGrants.create(grant);
    await this.audit(grant, actor.userId, 'disaster.grant.created', { userId: user.id, homeMunicipality: grant.homeMunicipalityCode, fromDate: grant.fromDate, untilDate: grant.untilDate });
    return this.view(grant, user);
  }

  async revoke(municipalityCode: string, disasterId: string, grantId: string, actor: DisasterActor, language: Language): Promise<GrantView> {
    await this.disasters.get(municipalityCode, disasterId, language);
    const current = await this.storage.disasterGrants.get(grantId);
    if (!current || current.disasterId !== disasterId || current.municipalityCode !== municipalityCode)
      throw new NotFoundError(say(language, '応援の権限が見つかりません。', 'Grant not found.'), 'grant_not_found');
    if (current.revokedAt !== null) return this.view(current);
    const at = this.now().toISOString();
    await this.storage.disasterGrants.revoke(grantId, actor.userId, at);
    const revoked = (await this.storage.disasterGrants.get(grantId))!;
    await this.audit(revoked, actor.userId, 'disaster.grant.revoked', { userId: revoked.userId, homeMunicipality: revoked.homeMunicipalityCode });
    return this.view(revoked);
  }

  /** The account's live grants (応援先): where it helps today. */
  async mine(user: Pick<User, 'id' | 'municipalityCode' | 'disabled'>): Promise<MyGrantView[]> {
    if (user.disabled || user.municipalityCode === null) return [];
    const today = todayInJapan(this.now());
    const live = (await this.storage.disasterGrants.listByUser(user.id)).filter((g) => grantIsLive(g, today) && g.homeMunicipalityCode === user.municipalityCode);
    const views = await Promise.all(
      live.map(async (g): Promise<MyGrantView | null> => {
        const disaster = await this.storage.disasters.get(g.disasterId);
        if (!disaster) return null;
        return {
          grantId: g.id,
          municipalityCode: g.municipalityCode,
          municipalityName: this.registry.get(g.municipalityCode)?.name ?? g.municipalityCode,
          disasterId: g.disasterId,
          disasterName: disaster.name,
          disasterStatus: disaster.status,
          fromDate: g.fromDate,
          untilDate: g.untilDate,
        };
      }),
    );
    return views.filter((v): v is MyGrantView => v !== null);
  }

  /**
   * Audits what a lent account read or did in the host's trail, with its home
   * municipality and grant (own accounts' reads are not audited here).
   */
  async recordLentAction(lent: LentFrom | null, municipalityCode: string, userId: string, action: string, targetType: string, targetId: string, details: Record<string, unknown> = {}): Promise<void> {
    if (!lent) return;
    await this.storage.audit.append({ at: this.now().toISOString(), actor: userId, action, municipalityCode, targetType, targetId, details: auditDetailsFor(lent, details) });
  }

  private async view(g: DisasterGrant, known?: User): Promise<GrantView> {
    const user = known ?? (await this.storage.users.findById(g.userId));
    return {
      ...g,
      user: user ? { email: user.email, displayName: user.displayName, disabled: user.disabled } : null,
      homeMunicipalityName: this.registry.get(g.homeMunicipalityCode)?.name ?? g.homeMunicipalityCode,
      live: grantIsLive(g, todayInJapan(this.now())),
    };
  }

  private async audit(g: DisasterGrant, actor: string, action: string, details: Record<string, unknown>): Promise<void> {
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor,
      action,
      municipalityCode: g.municipalityCode,
      targetType: 'disaster-grant',
      targetId: g.id,
      details: { disasterId: g.disasterId, ...details },
    });
  }
}
