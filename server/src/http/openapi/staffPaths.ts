/** OpenAPI paths of the staff inbox and integration administration (`/staff/…`, session cookie + X-CSRF-Token on writes). */
import { INBOX_SORTS } from '../../modules/inbox/listQuery';
import { arr, bool, enumOf, errorResponse, int, json, jsonBody, obj, pathParam, queryParam, ref, str, type Schema } from './schemaHelpers';

const code = pathParam('code', '6-digit municipality code');
const sub = pathParam('submissionId', 'Submission id');
const base = '/staff/municipalities/{code}';
const staff = { security: [{ staffSession: [] }] };
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed (policy: auth/policy.ts)') };
const write = { ...denied, 400: errorResponse('Invalid input'), 404: errorResponse('Not found') };
const listParams = [
  queryParam('status', 'Comma-separated statuses'), queryParam('procedureId', 'Procedure id'), queryParam('assignee', '`me`, `none` or a user id'),
  queryParam('from', 'Received on or after (YYYY-MM-DD, Japan time)'), queryParam('to', 'Received on or before (YYYY-MM-DD, Japan time)'),
  queryParam('q', '到達番号, 氏名 (prefix) or フリガナ (prefix)'), queryParam('sort', 'Order', enumOf(INBOX_SORTS)),
];
const op = (summary: string, extra: Schema, tag = 'inbox'): Schema => ({ tags: [tag], summary, ...staff, ...extra });

export const STAFF_PATHS: Record<string, Schema> = {
  [`${base}/inbox`]: {
    get: op('Inbox list (keyset paging, unread markers, counts per status)', {
      parameters: [code, ...listParams, queryParam('limit', '1–100', int()), queryParam('after', 'Cursor from `next`')],
      responses: { 200: json(ref('InboxList'), 'One page'), 400: errorResponse('Bad filter or cursor'), ...denied },
    }),
  },
  [`${base}/inbox/assignees`]: {
    get: op('Colleagues a submission can be assigned to', { parameters: [code], responses: { 200: json(obj({ items: arr(obj({ id: str(), name: str(), role: str() })) }), 'Accounts'), ...denied } }),
  },
  [`${base}/inbox/stats`]: {
    get: op('Processing times per procedure and status (median, 90th percentile)', {
      parameters: [code, queryParam('procedureId', 'Procedure id'), queryParam('from', 'YYYY-MM-DD'), queryParam('to', 'YYYY-MM-DD')],
      responses: { 200: json(ref('ProcessingTimes'), 'Figures'), ...denied },
    }),
  },
  [`${base}/inbox/export/csv`]: {
    get: op('CSV of the filtered list of one procedure (UTF-8 with BOM, or CP932 with 〓 for characters it lacks; header X-Export-Replaced lists them)', {
      parameters: [
        code, ...listParams, queryParam('encoding', 'utf-8 (default) or cp932', enumOf(['utf-8', 'cp932'])), queryParam('header', 'labels (default) or keys', enumOf(['labels', 'keys'])),
        queryParam('includeSensitive', '`1`: sensitive answers in clear (needs inbox.exportSensitive; audited). Otherwise masked', enumOf(['1'])),
      ],
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, 400: errorResponse('No procedure, or too many rows'), ...denied },
    }),
  },
  [`${base}/submissions/{submissionId}`]: {
    get: op('One submission: answers with the labels of its own form version, attachments, history, notes, messages (audited; clears unread)', {
      parameters: [code, sub], responses: { 200: json(ref('SubmissionView'), 'Submission'), 404: errorResponse('Not found'), ...denied },
    }),
  },
  [`${base}/submissions/{submissionId}/revisions/{revision}`]: {
    get: op('An earlier revision of the answers', { parameters: [code, sub, pathParam('revision', 'Revision', int())], responses: { 200: json(ref('StaffRevision'), 'Revision'), 404: errorResponse('Not found'), ...denied } }),
  },
  [`${base}/submissions/{submissionId}/files/{fileId}`]: {
    get: op('An attachment (download; `?disposition=inline` previews images and PDFs)', {
      parameters: [code, sub, pathParam('fileId', 'File id'), queryParam('disposition', 'inline or attachment', enumOf(['inline', 'attachment']))],
      responses: { 200: { description: 'The file, with a safe Content-Disposition', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, 404: errorResponse('Not found'), 409: errorResponse('Malware was found in the file (file_infected): never downloadable'), ...denied },
    }),
  },
  [`${base}/submissions/{submissionId}/pdf`]: {
    get: op('The application as a PDF laid out like the paper form (sensitive answers masked unless `includeSensitive=1` with inbox.revealSensitive; audited)', { parameters: [code, sub, queryParam('includeSensitive', '`1`: sensitive answers in clear', enumOf(['1']))], responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, 404: errorResponse('Not found'), ...denied } }),
  },
  [`${base}/submissions/{submissionId}/reveal`]: {
    post: op('The clear values of sensitive answers at (or under) the given JSON pointers (audited with pointers and labels, never values)', {
      parameters: [code, sub], requestBody: jsonBody(obj({ pointers: arr(str('JSON pointer of an answer line or group')) })),
      responses: { 200: json(ref('SensitiveReveal'), 'The values'), ...write },
    }),
  },
  [`${base}/submissions/{submissionId}/status`]: {
    post: op('Move the status (only moves the transitions table allows)', {
      parameters: [code, sub], requestBody: jsonBody(ref('StatusMove')),
      responses: { 200: json(obj({ id: str(), status: ref('SubmissionStatus'), updatedAt: str() }), 'Moved'), 409: errorResponse('Illegal move, or changed meanwhile'), ...write },
    }),
  },
  [`${base}/submissions/{submissionId}/assign`]: {
    post: op('Assign to a colleague (null: unassign)', {
      parameters: [code, sub], requestBody: jsonBody(obj({ assigneeId: { anyOf: [str(), { type: 'null' }] } })),
      responses: { 200: json(obj({ id: str(), assigneeId: { anyOf: [str(), { type: 'null' }] }, updatedAt: str() }), 'Assigned'), ...write },
    }),
  },
  [`${base}/submissions/{submissionId}/notes`]: {
    post: op('Add an internal note (never shown to the applicant)', { parameters: [code, sub], requestBody: jsonBody(obj({ body: str() })), responses: { 201: json(obj({ ok: { type: 'boolean' } }), 'Added'), ...write } }),
  },
  [`${base}/submissions/{submissionId}/correction-request`]: {
    post: op('Send a correction request (補正依頼): message to the applicant and the answers to correct', {
      parameters: [code, sub], requestBody: jsonBody(obj({ message: str(), fields: arr(str('JSON pointer of an answer line')), expected: ref('SubmissionStatus') }, ['fields', 'expected'])),
      responses: { 200: json(obj({ id: str(), status: ref('SubmissionStatus'), updatedAt: str() }), 'Requested'), 409: errorResponse('Illegal move, or changed meanwhile'), ...write },
    }),
  },
  [`${base}/api-keys`]: {
    get: op('API keys of the municipality (never the secret)', { parameters: [code], responses: { 200: json(obj({ items: arr(ref('ApiKey')) }), 'Keys'), ...denied } }, 'integrations'),
    post: op('Create an API key; the token is shown once', {
      parameters: [code], requestBody: jsonBody(obj({ name: str(), scope: enumOf(['read', 'read-write']) })),
      responses: { 201: json(obj({ key: ref('ApiKey'), token: str('mdg_<id>_<secret>: shown once') }), 'Created'), ...write },
    }, 'integrations'),
  },
  [`${base}/api-keys/{keyId}/revoke`]: {
    post: op('Revoke an API key', { parameters: [code, pathParam('keyId', 'Key id')], responses: { 200: json(ref('ApiKey'), 'Revoked'), ...write } }, 'integrations'),
  },
  [`${base}/webhooks`]: {
    get: op('Webhooks', { parameters: [code], responses: { 200: json(obj({ items: arr(ref('Webhook')) }), 'Webhooks'), ...denied } }, 'integrations'),
    post: op('Create a webhook; the signing secret is shown once', {
      parameters: [code], requestBody: jsonBody(ref('WebhookInput')), responses: { 201: json(obj({ webhook: ref('Webhook'), secret: str() }), 'Created'), ...write },
    }, 'integrations'),
  },
  [`${base}/webhooks/{webhookId}`]: {
    patch: op('Change a webhook (or rotate its secret)', {
      parameters: [code, pathParam('webhookId', 'Webhook id')], requestBody: jsonBody(ref('WebhookInput')),
      responses: { 200: json(obj({ webhook: ref('Webhook'), secret: str() }, ['secret']), 'Changed'), ...write },
    }, 'integrations'),
    delete: op('Delete a webhook', { parameters: [code, pathParam('webhookId', 'Webhook id')], responses: { 204: { description: 'Deleted' }, ...write } }, 'integrations'),
  },
  [`${base}/webhooks/{webhookId}/ping`]: {
    post: op('Send a signed test event now', {
      parameters: [code, pathParam('webhookId', 'Webhook id')],
      responses: { 200: json(obj({ ok: bool(), statusCode: int(), error: str(), durationMs: int() }, ['statusCode', 'error']), 'What the receiver answered'), ...write },
    }, 'integrations'),
  },
  [`${base}/deliveries`]: {
    get: op('Delivery log (webhooks and applicant e-mail)', {
      parameters: [code, queryParam('webhookId', 'Only this webhook'), queryParam('status', 'pending, delivered or failed', enumOf(['pending', 'delivered', 'failed']))],
      responses: { 200: json(obj({ items: arr(ref('Delivery')) }), 'Deliveries, newest first'), ...denied },
    }, 'integrations'),
  },
  [`${base}/deliveries/{deliveryId}/retry`]: {
    post: op('Retry a failed delivery now', { parameters: [code, pathParam('deliveryId', 'Delivery id')], responses: { 200: json(ref('Delivery'), 'Pending again'), ...write } }, 'integrations'),
  },
  [`${base}/retention`]: {
    get: op('Retention policies', { parameters: [code], responses: { 200: json(obj({ items: arr(ref('RetentionPolicy')) }), 'Policies'), ...denied } }, 'retention'),
  },
  [`${base}/retention/{procedureId}`]: {
    put: op('Set how long closed submissions of a procedure are kept', {
      parameters: [code, pathParam('procedureId', 'Procedure id')], requestBody: jsonBody(obj({ days: int(), mode: enumOf(['delete', 'strip']) })),
      responses: { 200: json(ref('RetentionPolicy'), 'Set'), ...write },
    }, 'retention'),
    delete: op('Remove a retention policy (keep forever)', { parameters: [code, pathParam('procedureId', 'Procedure id')], responses: { 204: { description: 'Removed' }, ...write } }, 'retention'),
  },
};
