/**
 * 応援職員 (issue #20): who may act on ONE disaster of a municipality. Its own
 * accounts as the policy says (authorize() in policy.ts); besides them, an
 * account of another municipality holding a live grant for exactly that
 * disaster (not revoked, today — a Japan day — within its period), for the
 * few actions a lent hand does: read, work and export the disaster's queue.
 * Never disaster.manage, sensitive reveals or exports, users or settings.
 *
 * It is the same guard as `can()` (auth/staffRouter.ts) with one more way in,
 * so a disaster-scoped route switches with a one-line change:
 *
 * ```ts
 * // before: own staff only
 * routes.get('/municipalities/:code/disasters/:disasterId/triage', can('inbox.read', municipalityParam(ctx.registry)), handler);
 * // after: own staff and lent staff
 * routes.get('/municipalities/:code/disasters/:disasterId/triage', canInDisaster('inbox.read', ctx), handler);
 * ```
 *
 * The path must name the municipality `:code` and the disaster `:disasterId`.
 * The handler must still check that the disaster belongs to `:code`
 * (DisasterService.get does) and that whatever else the path names (a case,
 * a team) belongs to that disaster — the grant only says which disaster was
 * lent, never the municipality's other applications.
 *
 * Auditing: when a lent account got in, `lentFrom(res)` is its grant and home
 * municipality. Every audit event such a route writes must carry them: build
 * its details with `withLentFrom(res, details)` (adds `homeMunicipality` and
 * `viaGrant`), or pass `lentFrom(res)` down to the service that audits (as
 * DisasterGrantService.recordLentRead does). Events stay in the host's trail.
 */
import type { Response } from 'express';
import { todayInJapan } from '@madoguchi/shared';
import type { MunicipalityRegistry } from '../modules/municipalities/registry';
import type { Storage } from '../storage/types';
import { grantIsLive, type DisasterGrant } from '../storage/disasterGrantTypes';
import type { Action } from './policy';
import { municipalityParam } from './resources';
import type { Access, LentAccessCheck } from './staffRouter';
import { auditDetailsFor, type LentFrom } from '../modules/disasters/grantAudit';

export { auditDetailsFor, type LentFrom };

/** What a lent account may do in the disaster it was lent to. */
export const LENT_ACTIONS: readonly Action[] = ['inbox.read', 'inbox.update', 'inbox.export'];

export interface DisasterAccessDeps {
  registry: MunicipalityRegistry;
  storage: Storage;
  now: () => Date;
}

/** The account's live grant for disaster `disasterId` of `municipalityCode`, if it has one. */
export async function liveGrantOf(
  storage: Storage,
  user: Pick<Express.User, 'id' | 'role' | 'municipalityCode' | 'disabled'>,
  municipalityCode: string,
  disasterId: string,
  now: Date,
): Promise<DisasterGrant | null> {
  // Own accounts are the policy's to judge; platform admins never read applications.
  if (user.disabled || user.role === 'platform-admin' || user.municipalityCode === null || user.municipalityCode === municipalityCode) return null;
  const today = todayInJapan(now);
  const grants = await storage.disasterGrants.listByUser(user.id);
  // A grant is for the account as the town it came from lent it: one that moved to another town holds nothing.
  return grants.find((g) => g.municipalityCode === municipalityCode && g.disasterId === disasterId && g.homeMunicipalityCode === user.municipalityCode && grantIsLive(g, today)) ?? null;
}

/** The lent way in: allowed actions only, with a live grant for the disaster in the path. */
function lentAccess(deps: DisasterAccessDeps): LentAccessCheck {
  return async (req, res, user, action) => {
    if (!LENT_ACTIONS.includes(action)) return false;
    const grant = await liveGrantOf(deps.storage, user, String(req.params.code ?? ''), String(req.params.disasterId ?? ''), deps.now());
    if (!grant) return false;
    res.locals.lentFrom = { grantId: grant.id, homeMunicipalityCode: grant.homeMunicipalityCode } satisfies LentFrom;
    return true;
  };
}

/** `action` on one disaster of the municipality in the path: its own accounts as the policy says, or lent ones. */
export function canInDisaster(action: Action, deps: DisasterAccessDeps): Access {
  return { kind: 'permission', action, resource: municipalityParam(deps.registry), lent: lentAccess(deps) };
}

/** The grant this request came in by; null for the municipality's own accounts. */
export const lentFrom = (res: Response): LentFrom | null => (res.locals.lentFrom as LentFrom | undefined) ?? null;

/** Audit details naming the lent account's home municipality and grant (unchanged for own accounts). */
export function withLentFrom(res: Response, details: Record<string, unknown>): Record<string, unknown> {
  return auditDetailsFor(lentFrom(res), details);
}
