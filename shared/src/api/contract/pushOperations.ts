/**
 * Push targets (issue #21): a municipal admin sends the whole submission of a
 * procedure — answers under the target system's own field names (a mapping
 * checked against the form) and the application PDF — to an https endpoint,
 * signed like a webhook and delivered through the outbox. All under
 * `/staff/municipalities/:code/push-targets`; the delivery log shares the
 * webhooks' retry route (`/deliveries/:deliveryId/retry`).
 */
import { OUTBOX_EVENT_TYPES } from '../vocabulary';
import { DeliverySchema, SubmissionStatusSchema } from './components';
import { Arr, Bool, Closed, DateTime, Enum, Int, Open, Opt, Str, Type, component, refusal, type Static } from './kit';
import { NO_CONTENT, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

/** Submission facts a mapping row may send (server/src/storage/pushTypes.ts keeps the same list). */
export const PUSH_META_FIELD_NAMES = ['receiptNumber', 'receivedAt', 'procedureId', 'formVersion', 'status', 'revision', 'municipalityCode', 'channel'] as const;

const staff = { security: 'staffSession' as const };
const base = '/staff/municipalities/:code';
const code = { code: Str({ description: '6-digit municipality code' }) };
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed (policy: server/src/auth/policy.ts)') };
const write: Record<number, ResponseSpec> = {
  ...denied,
  400: errorResponse('Invalid input'),
  404: errorResponse('Not found'),
  422: errorResponse('Mapping rows that do not fit the form (one field error per row)'),
};

export const PushMappingRowSchema = component(
  'PushMappingRow',
  Type.Union([
    Closed({ field: Str({ description: 'Field name in the target system' }), source: Enum(['answer'] as const), pointer: Str({ description: 'JSON pointer into the answers' }) }),
    Closed({ field: Str(), source: Enum(['meta'] as const), meta: Enum(PUSH_META_FIELD_NAMES) }),
  ]),
);

export const PushTargetSchema = component(
  'PushTarget',
  Closed({
    id: Str(),
    municipalityCode: Str(),
    procedureId: Str(),
    name: Str(),
    url: Str(),
    events: Arr(Enum(OUTBOX_EVENT_TYPES)),
    statuses: Arr(SubmissionStatusSchema, { description: 'For status-changed: only moves to these (empty: every move)' }),
    includePdf: Bool(),
    mapping: Arr(PushMappingRowSchema),
    sensitiveConfirmed: Bool({ description: 'The admin confirmed sending the mapped sensitive answers (個人番号 …)' }),
    active: Bool(),
    createdAt: DateTime(),
    createdBy: Str(),
    updatedAt: DateTime(),
  }),
);

export const PushFieldListSchema = component(
  'PushFieldList',
  Closed({
    formVersion: Int(),
    fields: Arr(Closed({ pointer: Str(), label: Str({ description: 'Japanese label path, e.g. 世帯主／氏名／氏（姓）' }), group: Bool(), sensitive: Bool() })),
    meta: Arr(Enum(PUSH_META_FIELD_NAMES)),
  }),
);

const pushInput = Open({
  procedureId: Opt(Str({ description: 'POST only' })),
  name: Opt(Str()),
  url: Opt(Str({ description: 'https URL' })),
  events: Opt(Arr(Enum(OUTBOX_EVENT_TYPES), refusal('bad_events', '送信のきっかけ（イベント）を1つ以上選んでください。', 'Choose at least one event.'))),
  statuses: Opt(Arr(Str(), refusal('bad_status', '状況の指定が正しくありません。', 'Unknown status.'))),
  includePdf: Opt(Bool()),
  mapping: Opt(Arr(Open({}), refusal('bad_mapping', '項目の対応表は100行以内の一覧にしてください。', 'The mapping must be a list of at most 100 rows.'))),
  sensitiveConfirmed: Opt(Bool()),
  active: Opt(Bool()),
  rotateSecret: Opt(Bool({ description: 'PATCH only: issue a new signing secret' })),
});
const targetId = { ...code, targetId: Str() };

export const PUSH_OPERATIONS = [
  operation({
    method: 'get',
    path: `${base}/push-targets`,
    tag: 'integrations',
    summary: 'Push targets (never the secret)',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(PushTargetSchema) }), 'Targets'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/push-targets/fields/:procedureId`,
    tag: 'integrations',
    summary: 'What a mapping can name: the answers of the current form version by label, and the submission facts',
    ...staff,
    params: pathParams({ ...code, procedureId: Str() }),
    responses: { 200: json(PushFieldListSchema, 'Fields'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/push-targets`,
    tag: 'integrations',
    summary: 'Create a push target; the signing secret is shown once',
    ...staff,
    params: pathParams(code),
    body: pushInput,
    responses: { 201: json(Closed({ target: PushTargetSchema, secret: Str() }), 'Created'), ...write },
  }),
  operation({
    method: 'patch',
    path: `${base}/push-targets/:targetId`,
    tag: 'integrations',
    summary: 'Change a push target (or rotate its secret)',
    ...staff,
    params: pathParams(targetId),
    body: pushInput,
    responses: { 200: json(Closed({ target: PushTargetSchema, secret: Opt(Str()) }), 'Changed'), ...write },
  }),
  operation({
    method: 'delete',
    path: `${base}/push-targets/:targetId`,
    tag: 'integrations',
    summary: 'Delete a push target',
    ...staff,
    params: pathParams(targetId),
    responses: { 204: NO_CONTENT, ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/push-deliveries`,
    tag: 'integrations',
    summary: 'Delivery log of push targets (retry with /deliveries/:deliveryId/retry)',
    ...staff,
    params: pathParams(code),
    query: Open({ targetId: Opt(Str()), status: Opt(Str({ description: 'pending, delivered or failed' })) }),
    responses: { 200: json(Closed({ items: Arr(DeliverySchema) }), 'Deliveries, newest first'), ...denied },
  }),
];

export type PushTargetView = Static<typeof PushTargetSchema>;
export type PushMappingRowView = Static<typeof PushMappingRowSchema>;
export type PushFieldList = Static<typeof PushFieldListSchema>;
