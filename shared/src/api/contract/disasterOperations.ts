/**
 * 被災者支援 (issue #20): the disasters a municipal admin declares and closes
 * (`/staff/municipalities/:code/disasters`, disaster.manage; staff with
 * inbox.read see the list), and the banners the municipality's public pages
 * show while one is open. A declaration's own checks (dates, postal codes)
 * are the service's; only the shapes are declared here.
 */
import { DISASTER_KINDS } from '../../disaster/disasterTypes';
import { Arr, Bool, Closed, DateTime, Enum, Nullable, Str, component } from './kit';
import { errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const staff = { security: 'staffSession' as const };
const base = '/staff/municipalities/:code/disasters';
const code = { code: Str() };
const one = pathParams({ ...code, disasterId: Str() });
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed'), 404: errorResponse('Unknown municipality or disaster') };
const write: Record<number, ResponseSpec> = {
  ...denied,
  400: errorResponse('Malformed'),
  422: errorResponse('The declaration has problems (field errors)'),
  409: errorResponse('The disaster is closed'),
};

const IsoDate = (description: string) => Str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const area = Closed({
  towns: Arr(Str({ maxLength: 50 }), { maxItems: 500, description: '町字 of the affected area (e.g. 河井町)' }),
  postalCodes: Arr(Str({ maxLength: 10 }), { maxItems: 500, description: 'Postal codes of the affected area (7 digits; a hyphen is accepted)' }),
});
const reliefAct = Closed({ applied: Bool({ description: '災害救助法 applies' }), appliedOn: Nullable(IsoDate('The date it applies from')) });
const declaration = Closed({ name: Str({ maxLength: 200 }), occurredOn: IsoDate('発生日 (Japan date)'), kind: Enum(DISASTER_KINDS), area, reliefAct });

export const DisasterSchema = component(
  'Disaster',
  Closed({
    id: Str(),
    municipalityCode: Str(),
    name: Str(),
    occurredOn: IsoDate('発生日'),
    kind: Enum(DISASTER_KINDS),
    area,
    reliefAct,
    status: Enum(['open', 'closed'] as const),
    declaredAt: DateTime(),
    declaredBy: Str({ description: 'User id of the admin who declared it' }),
    closedAt: Nullable(DateTime()),
    closedBy: Nullable(Str()),
    updatedAt: DateTime(),
  }),
);

export const PublicDisasterSchema = component(
  'PublicDisaster',
  Closed({
    id: Str(),
    name: Str(),
    occurredOn: IsoDate('発生日'),
    kind: Enum(DISASTER_KINDS),
    reliefActApplied: Bool(),
    banner: Str({ description: '「令和○年○月○日の○○による被害を受けた方へ」' }),
    bannerEn: Str(),
  }),
);

export const DISASTER_OPERATIONS = [
  operation({
    method: 'get',
    path: '/municipalities/:code/disasters',
    tag: 'public',
    summary: 'The disasters the municipality has open (the banner of its pages)',
    security: 'none',
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(PublicDisasterSchema) }), 'Open disasters'), 404: errorResponse('Unknown municipality') },
  }),
  operation({
    method: 'get',
    path: base,
    tag: 'disasters',
    summary: 'The municipality’s disasters, the latest declared first',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(DisasterSchema) }), 'Disasters'), ...denied },
  }),
  operation({
    method: 'post',
    path: base,
    tag: 'disasters',
    summary: 'Declare a disaster: its banner shows, its procedures take it, its triage queue opens',
    ...staff,
    params: pathParams(code),
    body: declaration,
    responses: { 201: json(DisasterSchema, 'Declared'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/:disasterId`,
    tag: 'disasters',
    summary: 'One disaster',
    ...staff,
    params: one,
    responses: { 200: json(DisasterSchema, 'The disaster'), ...denied },
  }),
  operation({
    method: 'put',
    path: `${base}/:disasterId`,
    tag: 'disasters',
    summary: 'Correct an open disaster’s declaration (e.g. a wider area)',
    ...staff,
    params: one,
    body: declaration,
    responses: { 200: json(DisasterSchema, 'Amended'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/:disasterId/close`,
    tag: 'disasters',
    summary: 'Close a disaster: the banner ends; applications keep their link to it',
    ...staff,
    params: one,
    bodyRequired: false,
    body: Closed({}),
    responses: { 200: json(DisasterSchema, 'Closed'), ...denied },
  }),
];
