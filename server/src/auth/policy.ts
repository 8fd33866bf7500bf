/**
 * The one authorisation policy: who may do what, where. Every staff and admin
 * route asks `authorize` (through `can(...)` in staffRouter.ts); nothing else
 * decides access. The municipality (6-digit code) is the tenant: municipal
 * accounts act only within their own; platform admins belong to none.
 */
import type { ApiKey, ApiKeyScope, User, UserRole } from '../storage/types';

export const ACTIONS = [
  /** The preset library and the list of municipalities on the platform. */
  'platform.manage',
  'users.read',
  'users.invite',
  /** Role, procedure scope, disabling, resetting the second factor. */
  'users.update',
  'settings.read',
  'settings.update',
  'audit.read',
  'catalog.read',
  /** Edit the municipality's procedures (builder drafts). */
  'catalog.edit',
  /** Publish or retire a procedure in the municipality's catalog. */
  'catalog.publish',
  'inbox.read',
  /** Assign, change status, add notes. */
  'inbox.update',
  /** CSV and PDF of applications (personal data leaving the system). */
  'inbox.export',
  /**
   * See the sensitive answers of one application in clear (個人番号, health,
   * income, bank accounts): on screen or in its PDF, audited every time.
   */
  'inbox.revealSensitive',
  /** A CSV of many applications with the sensitive columns in clear (asked for explicitly, audited). */
  'inbox.exportSensitive',
  /** API keys and webhooks of back-office systems (基幹系). */
  'integrations.manage',
  /** How long closed submissions are kept, per procedure. */
  'retention.manage',
  /** 標準処理期間 per procedure (issue #21). */
  'deadlines.manage',
  /** Edit preset templates in the builder (the national library). */
  'preset.edit',
  /** Publish a new preset version to every municipality. */
  'preset.publish',
  /**
   * 書かない窓口: serve visitors at the counter (fill in their applications, pair
   * the tablet, submit them) and read the desk's figures (窓口の分析).
   */
  'counter.serve',
  /** 被災者支援: declare, amend and close the municipality's disasters (the banner, the disaster procedures, the triage queue). */
  'disaster.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action is done to. `municipalityCode: null` is the platform itself. */
export interface Resource {
  municipalityCode: string | null;
  /** For procedure-bound actions: staff limited to some procedures are checked against it. */
  procedureId?: string;
  /** For account actions: the role the target account has or is given. */
  targetRoles?: UserRole[];
}

/** `any`: every municipality and the platform; `own`: the account's municipality only. */
type Scope = 'any' | 'own' | 'none';

/**
 * The matrix. Platform admins run the platform and its accounts but do not
 * read residents' applications or edit a municipality's forms.
 */
export const PERMISSIONS: Record<Action, Record<UserRole, Scope>> = {
  'platform.manage': { 'platform-admin': 'any', 'municipal-admin': 'none', staff: 'none' },
  'users.read': { 'platform-admin': 'any', 'municipal-admin': 'own', staff: 'none' },
  'users.invite': { 'platform-admin': 'any', 'municipal-admin': 'own', staff: 'none' },
  'users.update': { 'platform-admin': 'any', 'municipal-admin': 'own', staff: 'none' },
  'settings.read': { 'platform-admin': 'any', 'municipal-admin': 'own', staff: 'own' },
  'settings.update': { 'platform-admin': 'any', 'municipal-admin': 'own', staff: 'none' },
  'audit.read': { 'platform-admin': 'any', 'municipal-admin': 'own', staff: 'none' },
  'catalog.read': { 'platform-admin': 'any', 'municipal-admin': 'own', staff: 'own' },
  'catalog.edit': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'own' },
  'catalog.publish': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'none' },
  'inbox.read': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'own' },
  'inbox.update': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'own' },
  'inbox.export': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'own' },
  // The desk processing an application must be able to check its 個人番号 or account number; each reveal is
  // audited. Platform admins never read applications at all.
  'inbox.revealSensitive': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'own' },
  // Bulk: thousands of people's sensitive data in one file that leaves the system. Only the municipality's
  // admin, who answers for its data, may take it; staff export masked CSVs (and reveal one application at a time).
  'inbox.exportSensitive': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'none' },
  'integrations.manage': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'none' },
  'retention.manage': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'none' },
  'deadlines.manage': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'none' },
  'preset.edit': { 'platform-admin': 'any', 'municipal-admin': 'none', staff: 'none' },
  'preset.publish': { 'platform-admin': 'any', 'municipal-admin': 'none', staff: 'none' },
  // Serving a visitor means filling in and submitting applications of the municipality, as its staff do in the inbox.
  'counter.serve': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'own' },
  // Declaring a disaster changes what every resident of the municipality sees: its admin decides.
  'disaster.manage': { 'platform-admin': 'none', 'municipal-admin': 'own', staff: 'none' },
};

/** Roles an account of each role may give or change (only platform admins make platform admins). */
const MANAGEABLE_ROLES: Record<UserRole, readonly UserRole[]> = {
  'platform-admin': ['platform-admin', 'municipal-admin', 'staff'],
  'municipal-admin': ['municipal-admin', 'staff'],
  staff: [],
};

/** Whether `user` may do `action` to `resource`. Disabled accounts may do nothing. */
export function authorize(user: Pick<User, 'role' | 'municipalityCode' | 'disabled' | 'procedureIds'>, action: Action, resource: Resource): boolean {
  if (user.disabled) return false;
  const scope = PERMISSIONS[action][user.role];
  if (scope === 'none') return false;
  if (scope === 'own' && (user.municipalityCode === null || resource.municipalityCode !== user.municipalityCode)) return false;
  if (resource.targetRoles && !resource.targetRoles.every((role) => MANAGEABLE_ROLES[user.role].includes(role))) return false;
  if (resource.procedureId !== undefined && user.role === 'staff' && user.procedureIds?.length && !user.procedureIds.includes(resource.procedureId)) return false;
  return true;
}

/**
 * What a back-office system's API key may do: read scope reads the inbox,
 * read-write also moves statuses and acknowledges. A key acts only in the
 * municipality it was created for; a revoked key does nothing.
 */
export const API_KEY_ACTIONS: Record<ApiKeyScope, readonly Action[]> = {
  read: ['inbox.read'],
  'read-write': ['inbox.read', 'inbox.update'],
};

export function authorizeApiKey(key: Pick<ApiKey, 'scope' | 'municipalityCode' | 'revokedAt'>, action: Action, resource: Resource): boolean {
  return !key.revokedAt && API_KEY_ACTIONS[key.scope].includes(action) && resource.municipalityCode === key.municipalityCode;
}

/** Every action the user may do in their own municipality (or on the platform): drives the console's navigation. */
export function permissionsOf(user: Pick<User, 'role' | 'municipalityCode' | 'disabled' | 'procedureIds'>): Action[] {
  return ACTIONS.filter((action) => authorize(user, action, { municipalityCode: user.municipalityCode }));
}
