/** Resource resolvers for `can(...)`: what a staff request acts on, loaded once and checked by the policy. */
import type { Request } from 'express';
import type { MunicipalityRegistry } from '../modules/municipalities/registry';
import type { Storage, User, UserRole } from '../storage/types';
import { NotFoundError } from '../errors';
import { requestLanguage } from '../i18n/language';
import { authText } from './messages';
import type { ResourceResolver } from './staffRouter';
import { USER_ROLES } from '../storage/types';

const param = (req: Request, name: string) => String(req.params[name] ?? '');

/** The platform itself (presets, platform accounts): only platform-wide scopes reach it. */
export const platform: ResourceResolver = () => ({ municipalityCode: null });

/** The municipality named by a path parameter; unknown codes are 404. */
export function municipalityParam(registry: MunicipalityRegistry, name = 'code'): ResourceResolver {
  return (req) => {
    const code = param(req, name);
    if (!registry.get(code)) throw new NotFoundError(authText(requestLanguage(req), 'municipalityUnknown'), 'municipality_not_found');
    return { municipalityCode: code };
  };
}

/** The account named by a path parameter, left in `res.locals.targetUser`; the roles it has and is given are checked too. */
export function targetUser(storage: Storage, name = 'id'): ResourceResolver {
  return async (req, res) => {
    const user = await storage.users.findById(param(req, name));
    if (!user) throw new NotFoundError(authText(requestLanguage(req), 'userNotFound'), 'user_not_found');
    res.locals.targetUser = user satisfies User;
    const newRole = req.body?.role;
    const roles: UserRole[] = [user.role, ...(USER_ROLES.includes(newRole) ? [newRole as UserRole] : [])];
    return { municipalityCode: user.municipalityCode, targetRoles: roles };
  };
}

/** The invitation named by a path parameter, left in `res.locals.invite`. */
export function targetInvite(storage: Storage, name = 'id'): ResourceResolver {
  return async (req, res) => {
    const invite = await storage.authTokens.findById(param(req, name));
    if (!invite || invite.kind !== 'invite') throw new NotFoundError(authText(requestLanguage(req), 'inviteNotFound'), 'invite_not_found');
    res.locals.invite = invite;
    return { municipalityCode: invite.municipalityCode, targetRoles: [invite.role] };
  };
}

/** A new account described by the body (`role`, `municipalityCode`): who may create it. */
export const newAccount: ResourceResolver = (req) => {
  const role = req.body?.role;
  const code = req.body?.municipalityCode;
  return {
    municipalityCode: typeof code === 'string' && code !== '' ? code : null,
    ...(USER_ROLES.includes(role) ? { targetRoles: [role as UserRole] } : {}),
  };
};
