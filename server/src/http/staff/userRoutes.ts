/** Accounts and invitations, for admins. Who may act on which account is decided by the policy through `can(...)`. */
import type { Response } from 'express';
import type { AuthToken, User } from '../../storage/types';
import { requestLanguage } from '../../i18n/language';
import { can, type StaffRoutes } from '../../auth/staffRouter';
import { municipalityParam, newAccount, platform, targetInvite, targetUser } from '../../auth/resources';
import { toPublicUser } from '../../modules/users/publicUser';
import type { StaffContext } from './context';

const target = (res: Response) => res.locals.targetUser as User;

export function userRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const { storage, registry, users } = ctx;
  const view = (u: User) => toPublicUser(u, registry, ctx.now());
  const listing = async (municipalityCode: string | null) => ({
    items: (await storage.users.list({ municipalityCode })).map(view),
    invites: await users.listInvites(municipalityCode),
  });

  routes.get('/platform/users', can('users.read', platform), async (_req, res) => {
    res.json(await listing(null));
  });

  routes.get('/municipalities/:code/users', can('users.read', municipalityParam(registry)), async (req, res) => {
    res.json(await listing(String(req.params.code)));
  });

  routes.get('/users/:id', can('users.read', targetUser(storage)), (_req, res) => {
    res.json(view(target(res)));
  });

  routes.patch('/users/:id', can('users.update', targetUser(storage)), async (req, res) => {
    res.json(view(await users.update(target(res), req.body ?? {}, req.user!, requestLanguage(req))));
  });

  routes.post('/users/:id/reset-totp', can('users.update', targetUser(storage)), async (req, res) => {
    res.json(view(await users.resetTotp(target(res), req.user!)));
  });

  routes.post('/invites', can('users.invite', newAccount), async (req, res) => {
    res.status(201).json(await users.invite(req.body ?? {}, req.user!, requestLanguage(req)));
  });

  routes.delete('/invites/:id', can('users.invite', targetInvite(storage)), async (req, res) => {
    await users.revokeInvite(res.locals.invite as AuthToken, req.user!);
    res.status(204).end();
  });
}
