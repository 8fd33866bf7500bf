/**
 * 応援職員 (issue #20): the affected municipality's admin lends one disaster's
 * queue to accounts of other municipalities for a period
 * (`/staff/municipalities/:code/disasters/:disasterId/grants`, disaster.manage),
 * and a lent account lists where it helps (`/staff/me/disaster-grants`).
 * The period's rules and the refusals are the service's.
 */
import { Arr, Bool, Closed, DateTime, Enum, Nullable, Open, Opt, Str, component, type Static } from './kit';
import { errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const staff = { security: 'staffSession' as const };
const base = '/staff/municipalities/:code/disasters/:disasterId/grants';
const IsoDate = (description: string) => Str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed'), 404: errorResponse('Unknown municipality, disaster or grant') };

export const DisasterGrantSchema = component(
  'DisasterGrant',
  Closed({
    id: Str(),
    municipalityCode: Str({ description: 'The municipality that lends its disaster' }),
    disasterId: Str(),
    userId: Str(),
    homeMunicipalityCode: Str({ description: 'The lent account’s own municipality' }),
    homeMunicipalityName: Str(),
    user: Nullable(Closed({ email: Str(), displayName: Str(), disabled: Bool() })),
    fromDate: IsoDate('First day (Japan date, included)'),
    untilDate: IsoDate('Last day (Japan date, included)'),
    grantedBy: Str(),
    grantedAt: DateTime(),
    revokedBy: Nullable(Str()),
    revokedAt: Nullable(DateTime()),
    live: Bool({ description: 'Lets its account in today' }),
  }),
);

export const MyDisasterGrantSchema = component(
  'MyDisasterGrant',
  Closed({
    grantId: Str(),
    municipalityCode: Str(),
    municipalityName: Str(),
    disasterId: Str(),
    disasterName: Str(),
    disasterStatus: Enum(['open', 'closed'] as const),
    fromDate: IsoDate('First day'),
    untilDate: IsoDate('Last day'),
  }),
);

export type DisasterGrantView = Static<typeof DisasterGrantSchema>;
export type MyDisasterGrant = Static<typeof MyDisasterGrantSchema>;

export const DISASTER_GRANT_OPERATIONS = [
  operation({
    method: 'get',
    path: base,
    tag: 'disasters',
    summary: 'The staff of other municipalities lent this disaster (revoked ones too), the latest first',
    ...staff,
    params: pathParams({ code: Str(), disasterId: Str() }),
    responses: { 200: json(Closed({ items: Arr(DisasterGrantSchema) }), 'Grants'), ...denied },
  }),
  operation({
    method: 'post',
    path: base,
    tag: 'disasters',
    summary: 'Lend this disaster’s queue to an account of another municipality (by e-mail) for a period',
    ...staff,
    params: pathParams({ code: Str(), disasterId: Str() }),
    body: Open({ email: Opt(Str({ maxLength: 254 })), fromDate: Opt(Str({ maxLength: 10 })), untilDate: Opt(Str({ maxLength: 10 })) }),
    responses: {
      201: json(DisasterGrantSchema, 'Granted'),
      ...denied,
      400: errorResponse('Malformed'),
      409: errorResponse('The disaster is closed, or the account already holds a grant for it'),
      422: errorResponse('Unknown, own-municipality, platform or disabled account; or a bad period (field errors)'),
    },
  }),
  operation({
    method: 'post',
    path: `${base}/:grantId/revoke`,
    tag: 'disasters',
    summary: 'Revoke a grant: the account loses access at once',
    ...staff,
    params: pathParams({ code: Str(), disasterId: Str(), grantId: Str() }),
    bodyRequired: false,
    body: Closed({}),
    responses: { 200: json(DisasterGrantSchema, 'Revoked'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/staff/me/disaster-grants',
    tag: 'account',
    summary: 'Where the own account is lent today (応援先): live grants of other municipalities’ disasters',
    ...staff,
    responses: { 200: json(Closed({ items: Arr(MyDisasterGrantSchema) }), 'Live grants'), 401: errorResponse('Not signed in') },
  }),
];
