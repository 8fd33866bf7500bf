/** A municipality's sign-in policy (mandatory second factor) and the audit trail, for admins. */
import { can, type StaffRoutes } from '../../auth/staffRouter';
import { municipalityParam, platform } from '../../auth/resources';
import type { StaffContext } from './context';
import { requestLanguage } from '../../i18n/language';

const limitOf = (raw: unknown) => Math.min(Math.max(Number(raw) || 100, 1), 500);

export function settingsRoutes(routes: StaffRoutes, ctx: StaffContext): void {
  const { storage, registry } = ctx;

  routes.get('/municipalities/:code/auth-policy', can('settings.read', municipalityParam(registry)), async (req, res) => {
    const code = String(req.params.code);
    res.json((await storage.authPolicies.get(code)) ?? { municipalityCode: code, requireTotp: false, updatedAt: null, updatedBy: null });
  });

  routes.put('/municipalities/:code/auth-policy', can('settings.update', municipalityParam(registry)), async (req, res) => {
    const code = String(req.params.code);
    const policy = { municipalityCode: code, requireTotp: req.body.requireTotp as boolean, updatedAt: ctx.now().toISOString(), updatedBy: req.user!.id };
    await storage.authPolicies.set(policy);
    await ctx.audit.recordOn('settings.auth_policy_changed', req.user!.id, code, 'municipality', code, { requireTotp: policy.requireTotp });
    res.json(policy);
  });

  routes.get('/municipalities/:code/desks', can('settings.read', municipalityParam(registry)), async (req, res) => {
    res.json({ items: await ctx.services.desks.list(String(req.params.code)) });
  });

  routes.put('/municipalities/:code/desks', can('settings.update', municipalityParam(registry)), async (req, res) => {
    res.json({ items: await ctx.services.desks.save(String(req.params.code), req.body, req.user!.id, requestLanguage(req)) });
  });

  routes.get('/municipalities/:code/audit', can('audit.read', municipalityParam(registry)), async (req, res) => {
    res.json({ items: await storage.audit.list({ municipalityCode: String(req.params.code), limit: limitOf(req.query.limit) }) });
  });

  routes.get('/platform/audit', can('audit.read', platform), async (req, res) => {
    res.json({ items: await storage.audit.list({ limit: limitOf(req.query.limit) }) });
  });
}
