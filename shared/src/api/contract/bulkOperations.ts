/**
 * Bulk work and saved views in the staff inbox (issue #21): assign, move,
 * export or print many submissions at once, chosen by id or by a filter the
 * server runs again; views (filter + sort + columns) kept per clerk or shared
 * per desk; the page size each clerk picks. Writes need X-CSRF-Token, as every
 * staff write does.
 */
import { Arr, Bool, Closed, DateTime, Enum, Int, Nullable, Open, Opt, Str, Type, component, type Static } from './kit';
import { CSV, PDF, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const code = { code: Str({ description: '6-digit municipality code' }) };
const base = '/staff/municipalities/:code/inbox';
const staff = { security: 'staffSession' as const };
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed (policy: server/src/auth/policy.ts)') };

/** Either the ids the clerk ticked, or the list's filter (query-string names and values) for "all that match". */
const selection = Type.Unknown({
  description:
    '`{ "ids": ["…"] }` (at most 500) or `{ "filter": { "status": "received", "procedureId": "…", … } }` (the list’s query parameters; the server runs the query again; more than 500 matches is refused with bulk_too_large)',
});

export const BulkResultSchema = component(
  'BulkResult',
  Closed({
    changed: Arr(Closed({ id: Str(), receiptNumber: Str() })),
    unchanged: Arr(Closed({ id: Str(), receiptNumber: Str() }), { description: 'Already as asked (a retry): nothing written' }),
    refused: Arr(
      Closed({
        id: Str(),
        receiptNumber: Nullable(Str()),
        code: Str({ description: 'illegal_transition, stale_status, submission_not_found, forbidden, …' }),
        message: Str({ description: 'Why, in the caller’s language' }),
      }),
    ),
  }),
);
export type BulkResult = Static<typeof BulkResultSchema>;

export const SavedViewSchema = component(
  'SavedInboxView',
  Closed({
    id: Str(),
    name: Str(),
    deskId: Nullable(Str({ description: 'null: personal; else shared under this desk' })),
    deskName: Nullable(Str()),
    filter: Type.Record(Type.String(), Type.String()),
    sort: Nullable(Str()),
    columns: Arr(Str()),
    mine: Bool(),
    manageable: Bool({ description: 'The caller may rename and delete it (creator, or a municipal admin for a shared view)' }),
    updatedAt: DateTime(),
  }),
);
export type SavedView = Static<typeof SavedViewSchema>;

const bulkResponses = (what: string) => ({
  200: json(BulkResultSchema, what),
  400: errorResponse('Bad selection (bad_selection), more than the cap (bulk_too_large), bad status or assignee'),
  ...denied,
});
const viewId = { ...code, viewId: Str() };
const preferences = Closed({ pageSize: Int({ description: 'Rows per page (20, 50 or 100)' }), pageSizes: Arr(Int()) });

export const BULK_OPERATIONS = [
  operation({
    method: 'get',
    path: `${base}/bulk/count`,
    tag: 'inbox',
    summary: 'How many submissions the list’s filter matches for bulk work ("all N that match"), counted up to the cap of 500',
    ...staff,
    params: pathParams(code),
    query: Type.Object({}, { additionalProperties: Type.String(), description: 'The list’s filter parameters (status, procedureId, assignee, channel, from, to, q)' }),
    responses: { 200: json(Closed({ count: Int(), more: Bool({ description: 'More match than bulk work takes at once' }), max: Int() }), 'Count'), 400: errorResponse('Bad filter'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/bulk/assign`,
    tag: 'inbox',
    summary: 'Assign many submissions to one active staff member of the municipality (null: unassign); audited per submission',
    ...staff,
    params: pathParams(code),
    body: Open({ selection, assigneeId: Type.Unknown({ description: 'A user id, or null' }) }),
    responses: bulkResponses('What changed, what already was so, what was refused and why'),
  }),
  operation({
    method: 'post',
    path: `${base}/bulk/status`,
    tag: 'inbox',
    summary: 'Move many submissions to one status, each checked as a single move (transitions table, optimistic concurrency, permissions, audit)',
    ...staff,
    params: pathParams(code),
    body: Open({
      selection,
      to: Str(),
      publicNote: Opt(Str()),
      reason: Opt(Str({ description: 'Required with to=rejected: the reason printed on every 却下通知書 of the batch' })),
      expected: Opt(Type.Record(Type.String(), Type.String(), { description: 'Status each submission had when the clerk saw it (by id); a changed one is refused as stale_status' })),
    }),
    responses: bulkResponses('What moved, what already had the status, what was refused and why'),
  }),
  operation({
    method: 'post',
    path: `${base}/bulk/export/csv`,
    tag: 'inbox',
    summary: 'CSV of the chosen submissions (one procedure; at most 500; sensitive answers masked; audited)',
    ...staff,
    params: pathParams(code),
    body: Open({ selection, encoding: Opt(Enum(['utf-8', 'cp932'] as const)), header: Opt(Enum(['labels', 'keys'] as const)) }),
    responses: { 200: CSV, 400: errorResponse('Bad selection, more than 500, or more than one procedure'), 404: errorResponse('A chosen submission does not exist or may not be exported'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/bulk/pdf`,
    tag: 'inbox',
    summary: 'The chosen applications’ PDFs as one file, in list order (at most 50; sensitive answers masked; each print audited)',
    ...staff,
    params: pathParams(code),
    body: Open({ selection }),
    responses: { 200: PDF, 400: errorResponse('Bad selection or more than 50 (bulk_too_large)'), 404: errorResponse('A chosen submission does not exist or may not be exported'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/views`,
    tag: 'inbox',
    summary: 'Saved views: the caller’s own and those shared per desk',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(SavedViewSchema) }), 'Views'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/views`,
    tag: 'inbox',
    summary: 'Save a view (name, filter, sort, columns; deskId shares it with the municipality under that desk)',
    ...staff,
    params: pathParams(code),
    body: Open({ name: Type.Unknown(), deskId: Opt(Type.Unknown()), filter: Opt(Type.Unknown()), sort: Opt(Type.Unknown()), columns: Opt(Type.Unknown()) }),
    responses: { 201: json(SavedViewSchema, 'Saved'), 422: errorResponse('Invalid view, with per-field messages; nothing stored'), ...denied },
  }),
  operation({
    method: 'patch',
    path: `${base}/views/:viewId`,
    tag: 'inbox',
    summary: 'Rename a saved view (its creator, or a municipal admin for a shared one)',
    ...staff,
    params: pathParams(viewId),
    body: Open({ name: Type.Unknown() }),
    responses: { 200: json(SavedViewSchema, 'Renamed'), 404: errorResponse('No such view'), 422: errorResponse('Invalid name'), ...denied },
  }),
  operation({
    method: 'delete',
    path: `${base}/views/:viewId`,
    tag: 'inbox',
    summary: 'Delete a saved view (its creator, or a municipal admin for a shared one)',
    ...staff,
    params: pathParams(viewId),
    responses: { 204: { description: 'Deleted' }, 404: errorResponse('No such view'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/preferences`,
    tag: 'inbox',
    summary: 'The caller’s inbox page size',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(preferences, 'Preferences'), ...denied },
  }),
  operation({
    method: 'put',
    path: `${base}/preferences`,
    tag: 'inbox',
    summary: 'Remember the caller’s inbox page size',
    ...staff,
    params: pathParams(code),
    body: Open({ pageSize: Type.Unknown() }),
    responses: { 200: json(preferences, 'Saved'), 422: errorResponse('Not one of the page sizes'), ...denied },
  }),
];
