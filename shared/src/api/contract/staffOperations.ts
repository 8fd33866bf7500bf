/** Staff sign-in and accounts (`/staff/…`): session, sign-in steps, the own account, users and invitations, settings and audit. */
import { AnyObject, Arr, Bool, Closed, DateTime, Enum, Int, Nullable, Open, Opt, Str, Type, component, refusal } from './kit';
import { NO_CONTENT, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const ROLES = ['platform_admin', 'municipal_admin', 'staff'] as const;

export const PublicUserSchema = component(
  'StaffUser',
  Closed({
    id: Str(),
    email: Str(),
    displayName: Str(),
    role: Enum(ROLES),
    municipalityCode: Nullable(Str()),
    municipalityName: Nullable(Str()),
    procedureIds: Nullable(Arr(Str())),
    disabled: Bool(),
    totpEnabled: Bool(),
    lockedUntil: Nullable(DateTime('Locked after failed sign-ins (until then)')),
    createdAt: DateTime(),
  }),
);

export const PublicInviteSchema = component(
  'StaffInvite',
  Closed({
    id: Str(),
    email: Str(),
    role: Enum(ROLES),
    municipalityCode: Nullable(Str()),
    procedureIds: Nullable(Arr(Str())),
    createdBy: Str(),
    createdAt: DateTime(),
    expiresAt: DateTime(),
  }),
);

/** What GET /staff/session answers (also after every sign-in step). Open: sign-in steps add `status`, logout an `endSessionUrl`. */
export const SessionViewSchema = component(
  'StaffSession',
  Type.Object({
    csrfToken: Str({ description: 'Send as X-CSRF-Token on every write' }),
    user: Nullable(PublicUserSchema),
    municipality: Nullable(Closed({ code: Str(), name: Str(), prefecture: Str() })),
    permissions: Arr(Str(), { description: 'What the signed-in account may do (server/src/auth/policy.ts)' }),
    totpEnrolmentRequired: Bool(),
    pendingTotp: Bool(),
    setupRequired: Bool(),
    expired: Bool(),
    oidc: Nullable(Closed({ label: Str(), loginUrl: Str() })),
    status: Opt(Enum(['signed_in', 'totp_required'] as const)),
    endSessionUrl: Opt(Str()),
  }),
);

const staff = { security: 'staffSession' as const };
const open = { security: 'none' as const };
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed') };
const signInFailures: Record<number, ResponseSpec> = {
  400: errorResponse('Malformed'),
  401: errorResponse('Wrong credentials or code'),
  422: errorResponse('Invalid fields, with per-field messages'),
  429: errorResponse('Too many attempts'),
};
const session = (description: string) => json(SessionViewSchema, description);
const text = (description?: string) => Str(description ? { description } : {});
const userId = pathParams({ id: Str() });
const code = pathParams({ code: Str() });
const auditEvent = Closed({
  seq: Int(),
  at: DateTime(),
  actor: Str(),
  action: Str(),
  municipalityCode: Nullable(Str()),
  targetType: Str(),
  targetId: Str(),
  details: AnyObject(),
  prevHash: Str(),
  hash: Str(),
});
/** A municipality's contact desk (窓口). */
export const DeskSchema = component('Desk', Closed({ id: Str(), name: Str(), phone: Opt(Str()), email: Opt(Str()), address: Opt(Str()), hours: Opt(Str()) }));
const authPolicy = Closed({ municipalityCode: Str(), requireTotp: Bool(), updatedAt: Nullable(DateTime()), updatedBy: Nullable(Str()) });
const auditQuery = Open({ limit: Opt(Str({ description: '1–500 (default 100)' })) });

export const STAFF_OPERATIONS = [
  operation({
    method: 'get',
    path: '/staff/session',
    tag: 'sign-in',
    summary: 'The session: account, permissions, CSRF token, what sign-in step is next',
    ...open,
    responses: { 200: session('Session') },
  }),
  operation({
    method: 'post',
    path: '/staff/login',
    tag: 'sign-in',
    summary: 'Sign in with e-mail and password (then the TOTP step when enrolled)',
    ...open,
    body: Open({ email: text(), password: text() }),
    responses: { 200: session('Signed in, or the TOTP step is next'), ...signInFailures },
  }),
  operation({
    method: 'post',
    path: '/staff/login/totp',
    tag: 'sign-in',
    summary: 'The second step: a TOTP code',
    ...open,
    body: Open({ code: text('6 digits') }),
    responses: { 200: session('Signed in'), ...signInFailures },
  }),
  operation({
    method: 'post',
    path: '/staff/logout',
    tag: 'sign-in',
    summary: 'Sign out (and the identity provider’s logout URL after an OIDC sign-in)',
    ...open,
    bodyRequired: false,
    responses: { 200: session('Signed out') },
  }),
  operation({
    method: 'post',
    path: '/staff/setup',
    tag: 'sign-in',
    summary: 'Create the first platform admin with the one-time setup link',
    ...open,
    body: Open({ token: text(), email: text(), displayName: text(), password: text() }),
    responses: { 201: session('Created and signed in'), 409: errorResponse('Setup already done'), ...signInFailures },
  }),
  operation({
    method: 'post',
    path: '/staff/invites/lookup',
    tag: 'sign-in',
    summary: 'What an invitation link is for (before accepting it)',
    ...open,
    body: Open({ token: text() }),
    responses: { 200: json(Type.Object({ email: Str(), role: Enum(ROLES), municipalityName: Nullable(Str()) }), 'The invitation'), 404: errorResponse('Invalid or expired link'), ...signInFailures },
  }),
  operation({
    method: 'post',
    path: '/staff/invites/accept',
    tag: 'sign-in',
    summary: 'Accept an invitation: name and password',
    ...open,
    body: Open({ token: text(), displayName: text(), password: text() }),
    responses: { 201: session('Account created and signed in'), 404: errorResponse('Invalid or expired link'), ...signInFailures },
  }),
  operation({
    method: 'get',
    path: '/staff/oidc/login',
    tag: 'sign-in',
    summary: 'Redirect to the identity provider (OIDC, PKCE)',
    ...open,
    responses: { 302: { description: 'To the provider' }, 404: errorResponse('OIDC not configured'), 503: errorResponse('Provider unreachable') },
  }),
  operation({
    method: 'get',
    path: '/staff/oidc/callback',
    tag: 'sign-in',
    summary: 'Back from the identity provider: into the console, or to the sign-in page with a reason',
    ...open,
    responses: { 303: { description: 'To the console or the sign-in page' }, 404: errorResponse('OIDC not configured'), 503: errorResponse('Provider unreachable') },
  }),

  operation({
    method: 'get',
    path: '/staff/me/sign-ins',
    tag: 'account',
    summary: 'Recent sign-ins of the own account',
    ...staff,
    responses: { 200: json(Closed({ items: Arr(auditEvent) }), 'Newest first'), ...denied },
  }),
  operation({
    method: 'post',
    path: '/staff/me/password',
    tag: 'account',
    summary: 'Change the own password (other sessions of the account end)',
    ...staff,
    body: Open({ currentPassword: text(), newPassword: text() }),
    responses: { 204: NO_CONTENT, ...signInFailures, ...denied },
  }),
  operation({
    method: 'post',
    path: '/staff/me/totp',
    tag: 'account',
    summary: 'Start enrolling a TOTP second factor: the secret (shown once) and its otpauth URI',
    ...staff,
    bodyRequired: false,
    responses: { 200: json(Type.Object({ secret: Str(), uri: Str(), qrCode: Str({ description: 'The URI as a QR code: a PNG data URL, drawn on the server' }) }), 'Enrolment started'), ...denied },
  }),
  operation({
    method: 'post',
    path: '/staff/me/totp/confirm',
    tag: 'account',
    summary: 'Confirm the enrolment with a code',
    ...staff,
    body: Open({ code: text() }),
    responses: { 200: json(PublicUserSchema, 'Enrolled'), ...signInFailures, ...denied },
  }),
  operation({
    method: 'post',
    path: '/staff/me/totp/disable',
    tag: 'account',
    summary: 'Turn the second factor off (with a current code)',
    ...staff,
    body: Open({ code: text() }),
    responses: { 200: json(PublicUserSchema, 'Turned off'), ...signInFailures, ...denied },
  }),

  operation({
    method: 'get',
    path: '/staff/platform/users',
    tag: 'users',
    summary: 'Platform accounts and open invitations',
    ...staff,
    responses: { 200: json(Closed({ items: Arr(PublicUserSchema), invites: Arr(PublicInviteSchema) }), 'Accounts'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/staff/municipalities/:code/users',
    tag: 'users',
    summary: 'Accounts and open invitations of a municipality',
    ...staff,
    params: code,
    responses: { 200: json(Closed({ items: Arr(PublicUserSchema), invites: Arr(PublicInviteSchema) }), 'Accounts'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/staff/users/:id',
    tag: 'users',
    summary: 'One account',
    ...staff,
    params: userId,
    responses: { 200: json(PublicUserSchema, 'Account'), 404: errorResponse('Not found'), ...denied },
  }),
  operation({
    method: 'patch',
    path: '/staff/users/:id',
    tag: 'users',
    summary: 'Change role, name, procedures, or disable/enable an account',
    ...staff,
    params: userId,
    body: Open({ displayName: Opt(text()), role: Opt(text()), procedureIds: Opt(Nullable(Arr(Str()))), disabled: Opt(Bool()) }),
    responses: { 200: json(PublicUserSchema, 'Changed'), 404: errorResponse('Not found'), 422: errorResponse('Invalid fields'), ...denied },
  }),
  operation({
    method: 'post',
    path: '/staff/users/:id/reset-totp',
    tag: 'users',
    summary: 'Remove an account’s second factor (it enrols again)',
    ...staff,
    params: userId,
    bodyRequired: false,
    responses: { 200: json(PublicUserSchema, 'Reset'), 404: errorResponse('Not found'), ...denied },
  }),
  operation({
    method: 'post',
    path: '/staff/invites',
    tag: 'users',
    summary: 'Invite an account by e-mail (the link is e-mailed, or shown when SMTP is off)',
    ...staff,
    body: Open({ email: text(), role: text(), municipalityCode: Opt(Nullable(Str())), procedureIds: Opt(Nullable(Arr(Str()))) }),
    responses: { 201: json(Type.Object({ invite: PublicInviteSchema, link: Opt(Str()), emailed: Bool() }), 'Invited'), 422: errorResponse('Invalid fields'), ...denied },
  }),
  operation({
    method: 'delete',
    path: '/staff/invites/:id',
    tag: 'users',
    summary: 'Revoke an open invitation',
    ...staff,
    params: userId,
    responses: { 204: NO_CONTENT, 404: errorResponse('Not found'), ...denied },
  }),

  operation({
    method: 'get',
    path: '/staff/municipalities/:code/auth-policy',
    tag: 'settings',
    summary: 'The municipality’s sign-in policy',
    ...staff,
    params: code,
    responses: { 200: json(authPolicy, 'Policy'), ...denied },
  }),
  operation({
    method: 'put',
    path: '/staff/municipalities/:code/auth-policy',
    tag: 'settings',
    summary: 'Require a second factor for the municipality’s accounts',
    ...staff,
    params: code,
    body: Open({ requireTotp: Bool(refusal('bad_request', 'requireTotp には true か false を指定してください。', 'requireTotp must be true or false.')) }),
    responses: { 200: json(authPolicy, 'Set'), 400: errorResponse('Invalid'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/staff/municipalities/:code/desks',
    tag: 'settings',
    summary: 'The municipality’s contact desks (窓口), which its procedures name',
    ...staff,
    params: code,
    responses: { 200: json(Closed({ items: Arr(DeskSchema) }), 'Desks'), ...denied },
  }),
  operation({
    method: 'put',
    path: '/staff/municipalities/:code/desks',
    tag: 'settings',
    summary: 'Replace the municipality’s contact desks',
    ...staff,
    params: code,
    body: Open({ desks: Arr(Open({ id: Opt(Str()), name: Str(), phone: Opt(Str()), email: Opt(Str()), address: Opt(Str()), hours: Opt(Str()) })) }),
    responses: { 200: json(Closed({ items: Arr(DeskSchema) }), 'Saved'), 422: errorResponse('Invalid desks, with per-field messages'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/staff/municipalities/:code/audit',
    tag: 'settings',
    summary: 'The municipality’s audit trail (newest first)',
    ...staff,
    params: code,
    query: auditQuery,
    responses: { 200: json(Closed({ items: Arr(auditEvent) }), 'Events'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/staff/platform/audit',
    tag: 'settings',
    summary: 'The whole audit trail (platform admins)',
    ...staff,
    query: auditQuery,
    responses: { 200: json(Closed({ items: Arr(auditEvent) }), 'Events'), ...denied },
  }),
];
