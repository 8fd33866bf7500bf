/**
 * The desk's API: the staff inbox (`/staff/…`, session cookie, writes with
 * X-CSRF-Token), integration and retention administration, and the pull API
 * of back-office systems (`/backoffice/…`, API key).
 */
import { SUBMISSION_STATUSES } from '../../submission/status';
import { API_KEY_SCOPES, OUTBOX_EVENT_TYPES, RETENTION_MODES, SUBMISSION_CHANNELS } from '../vocabulary';
import {
  ApiKeySchema,
  SignatureViewSchema,
  DeliverySchema,
  InboxListSchema,
  ProcessingTimesSchema,
  PullItemSchema,
  PullPageSchema,
  PullSubmissionSchema,
  RetentionPolicySchema,
  SensitiveRevealSchema,
  StaffRevisionSchema,
  SubmissionStatusSchema,
  SubmissionViewSchema,
  WebhookSchema,
} from './components';
import { Arr, Bool, Closed, DateTime, Enum, Int, Nullable, Open, Opt, Str, Type, refusal } from './kit';
import { CSV, FILE, NO_CONTENT, PDF, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';
import { DecisionNoticeSchema } from './noticeComponents';

const INBOX_SORTS_DOC = 'Order (see server/src/modules/inbox/listQuery.ts)';
const code = { code: Str({ description: '6-digit municipality code' }) };
const sub = { ...code, submissionId: Str({ description: 'Submission id' }) };
const base = '/staff/municipalities/:code';
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed (policy: server/src/auth/policy.ts)') };
const write: Record<number, ResponseSpec> = { ...denied, 400: errorResponse('Invalid input'), 404: errorResponse('Not found') };
const staff = { security: 'staffSession' as const };
const revisionNumber = Str({
  pattern: '^[1-9][0-9]{0,8}$',
  description: 'Revision number',
  ...refusal('revision_not_found', '指定された版の申請内容はありません。', 'No such revision.', 404),
});
const statusRefusal = refusal('bad_status', '状況の指定が正しくありません。', 'Unknown status.');
const statusValue = Type.Unsafe<(typeof SUBMISSION_STATUSES)[number]>({ type: 'string', enum: [...SUBMISSION_STATUSES], ...statusRefusal });
const listQuery = {
  status: Opt(Str({ description: 'Comma-separated statuses' })),
  procedureId: Opt(Str()),
  assignee: Opt(Str({ description: '`me`, `none` or a user id' })),
  from: Opt(Str({ description: 'Received on or after (YYYY-MM-DD, Japan time)' })),
  to: Opt(Str({ description: 'Received on or before (YYYY-MM-DD, Japan time)' })),
  q: Opt(Str({ description: '到達番号, 氏名 (prefix) or フリガナ (prefix)' })),
  sort: Opt(Str({ description: INBOX_SORTS_DOC })),
  due: Opt(
    Str({
      pattern: '^(overdue|[0-9]{1,2})$',
      description: '処理期限: `overdue` (past due) or N (due within N days, 0–99); running submissions only',
      ...refusal('bad_query', '検索条件の指定が正しくありません（due）。', 'Invalid search parameter (due).'),
    }),
  ),
  channel: Opt(
    Enum(SUBMISSION_CHANNELS, {
      description: '受付経路: `online` or `counter` (窓口で受付)',
      ...refusal('bad_channel', '受付経路の指定が正しくありません（online または counter）。', 'Unknown channel (online or counter).'),
    }),
  ),
  messages: Opt(
    Enum(['unread'] as const, {
      description: '`unread`: only submissions with unread applicant messages (未読メッセージあり)',
      ...refusal('bad_query', '検索条件の指定が正しくありません（messages）。', 'Invalid search parameter (messages).'),
    }),
  ),
};
const statusMove = Open({
  to: statusValue,
  expected: Opt(statusValue),
  publicNote: Opt(
    Str({
      description: 'Message shown to the applicant on the status page',
      ...refusal('note_too_long', '申請者へのお知らせは2000文字以内にしてください。', 'The message to the applicant must be at most 2000 characters.'),
    }),
  ),
  reason: Opt(Str({ description: 'Why it is 却下 (required for `rejected`: 422 without); printed on the 却下通知書' })),
});
const moved = (idField: 'id' | 'receiptNumber') => Closed({ [idField]: Str(), status: SubmissionStatusSchema, updatedAt: DateTime(), notice: Opt(DecisionNoticeSchema) });

export const INBOX_OPERATIONS = [
  operation({
    method: 'get',
    path: `${base}/inbox`,
    tag: 'inbox',
    summary: 'Inbox list (keyset paging, unread markers, counts per status)',
    ...staff,
    params: pathParams(code),
    query: Open({ ...listQuery, limit: Opt(Str({ description: '1–100', pattern: '^[0-9]{1,4}$' })), after: Opt(Str({ description: 'Cursor from `next`' })) }),
    responses: { 200: json(InboxListSchema, 'One page'), 400: errorResponse('Bad filter or cursor'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/inbox/assignees`,
    tag: 'inbox',
    summary: 'Colleagues a submission can be assigned to',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(Closed({ id: Str(), name: Str(), role: Str() })) }), 'Accounts'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/inbox/stats`,
    tag: 'inbox',
    summary: 'Processing times per procedure and status (median, 90th percentile)',
    ...staff,
    params: pathParams(code),
    query: Open({ procedureId: Opt(Str()), from: Opt(Str({ description: 'YYYY-MM-DD' })), to: Opt(Str({ description: 'YYYY-MM-DD' })) }),
    responses: { 200: json(ProcessingTimesSchema, 'Figures'), 400: errorResponse('Bad date'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/inbox/export/csv`,
    tag: 'inbox',
    ...staff,
    params: pathParams(code),
    summary: 'CSV of the filtered list of one procedure (UTF-8 with BOM, or CP932 with 〓 for characters it lacks; header X-Export-Replaced lists them)',
    query: Open({
      ...listQuery,
      encoding: Opt(Enum(['utf-8', 'cp932'] as const)),
      header: Opt(Enum(['labels', 'keys'] as const)),
      includeSensitive: Opt(Str({ description: '`1`: sensitive answers in clear (needs inbox.exportSensitive; audited). Otherwise masked' })),
    }),
    responses: { 200: CSV, 400: errorResponse('No procedure, or too many rows'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/submissions/:submissionId`,
    tag: 'inbox',
    ...staff,
    params: pathParams(sub),
    summary: 'One submission: answers with the labels of its own form version, attachments, history, notes, messages (audited; clears unread)',
    responses: { 200: json(SubmissionViewSchema, 'Submission'), 404: errorResponse('Not found'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/submissions/:submissionId/revisions/:revision`,
    tag: 'inbox',
    summary: 'An earlier revision of the answers',
    ...staff,
    params: pathParams({ ...sub, revision: revisionNumber }),
    responses: { 200: json(StaffRevisionSchema, 'Revision'), 404: errorResponse('Not found'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/submissions/:submissionId/files/:fileId`,
    tag: 'inbox',
    summary: 'An attachment (download; `?disposition=inline` previews images and PDFs)',
    ...staff,
    params: pathParams({ ...sub, fileId: Str() }),
    query: Open({ disposition: Opt(Enum(['inline', 'attachment'] as const)) }),
    responses: { 200: FILE, 404: errorResponse('Not found'), 409: errorResponse('Malware was found in the file (file_infected): never downloadable'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/submissions/:submissionId/counter/signature`,
    tag: 'inbox',
    summary: 'The signature a visitor drew on the counter tablet (PNG; personal data, audited)',
    ...staff,
    params: pathParams(sub),
    responses: { 200: { description: 'PNG image', contentType: 'image/png' }, 404: errorResponse('Not found, not a counter application, or no drawn signature'), ...denied },
  }),
  operation({
    method: 'get',
    path: `${base}/submissions/:submissionId/pdf`,
    tag: 'inbox',
    ...staff,
    params: pathParams(sub),
    summary: 'The application as a PDF laid out like the paper form (sensitive answers masked unless `includeSensitive=1` with inbox.revealSensitive; audited)',
    query: Open({ includeSensitive: Opt(Str()), disposition: Opt(Enum(['inline', 'attachment'] as const)) }),
    responses: { 200: PDF, 404: errorResponse('Not found'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/submissions/:submissionId/reveal`,
    tag: 'inbox',
    ...staff,
    params: pathParams(sub),
    summary: 'The clear values of sensitive answers at (or under) the given JSON pointers (audited with pointers and labels, never values)',
    body: Open(
      { pointers: Arr(Str({ description: 'JSON pointer of an answer line or group' }), { minItems: 1 }) },
      refusal('bad_pointers', '表示する項目の指定が正しくありません。', 'The answers to show are not valid.'),
    ),
    responses: { 200: json(SensitiveRevealSchema, 'The values'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/submissions/:submissionId/status`,
    tag: 'inbox',
    summary: 'Move the status (only moves the transitions table allows)',
    ...staff,
    params: pathParams(sub),
    body: statusMove,
    responses: { 200: json(moved('id'), 'Moved (closing: with its decision notice)'), 409: errorResponse('Illegal move, or changed meanwhile'), 422: errorResponse('却下 without a reason'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/submissions/:submissionId/assign`,
    tag: 'inbox',
    summary: 'Assign to a colleague (null: unassign)',
    ...staff,
    params: pathParams(sub),
    body: Open({ assigneeId: Nullable(Str()) }, refusal('bad_assignee', '担当者に指定できるのは、この自治体の有効な職員だけです。', 'Only an active account of this municipality can be assigned.')),
    responses: { 200: json(Closed({ id: Str(), assigneeId: Nullable(Str()), updatedAt: DateTime() }), 'Assigned'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/submissions/:submissionId/signature/verify`,
    tag: 'inbox',
    summary: '「署名を再検証」: verify the stored signature again (today’s trust anchors and revocation); the outcome is kept and audited',
    ...staff,
    params: pathParams(sub),
    responses: { 200: json(SignatureViewSchema, 'The signature as verified now'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/submissions/:submissionId/notes`,
    tag: 'inbox',
    summary: 'Add an internal note (never shown to the applicant)',
    ...staff,
    params: pathParams(sub),
    body: Open({ body: Str(refusal('note_required', 'メモを入力してください（2000文字以内）。', 'Enter a note (at most 2000 characters).')) }),
    responses: { 201: json(Closed({ ok: Bool() }), 'Added'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/submissions/:submissionId/correction-request`,
    tag: 'inbox',
    ...staff,
    params: pathParams(sub),
    summary: 'Send a correction request (補正依頼): message to the applicant and the answers to correct',
    body: Open({
      message: Str(refusal('message_required', '申請者へのお知らせ（依頼内容）を入力してください（2000文字以内）。', 'Enter the message to the applicant (at most 2000 characters).')),
      fields: Opt(Arr(Str({ description: 'JSON pointer of an answer line' }), refusal('bad_fields', '補正を求める項目の指定が正しくありません。', 'The fields to correct are not valid.'))),
      expected: Opt(statusValue),
    }),
    responses: { 200: json(moved('id'), 'Requested'), 409: errorResponse('Illegal move, or changed meanwhile'), ...write },
  }),
];

const keyId = { ...code, keyId: Str() };
const webhookId = { ...code, webhookId: Str() };
const webhookInput = Open({
  url: Opt(Str({ description: 'https URL' })),
  procedureId: Opt(Nullable(Str({ description: 'Null: every procedure' }))),
  events: Opt(Arr(Enum(OUTBOX_EVENT_TYPES), refusal('bad_events', '通知するイベントを1つ以上選んでください。', 'Choose at least one event.'))),
  active: Opt(Bool()),
  rotateSecret: Opt(Bool({ description: 'PATCH only: issue a new signing secret' })),
});

export const INTEGRATION_OPERATIONS = [
  operation({
    method: 'get',
    path: `${base}/api-keys`,
    tag: 'integrations',
    summary: 'API keys of the municipality (never the secret)',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(ApiKeySchema) }), 'Keys'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/api-keys`,
    tag: 'integrations',
    summary: 'Create an API key; the token is shown once',
    ...staff,
    params: pathParams(code),
    body: Open({
      name: Str(refusal('bad_name', 'APIキーの名前を入力してください（100文字以内）。', 'Enter a name for the key (at most 100 characters).')),
      scope: Enum(API_KEY_SCOPES, refusal('bad_scope', '権限は read または read-write を指定してください。', 'Scope must be read or read-write.')),
    }),
    responses: { 201: json(Closed({ key: ApiKeySchema, token: Str({ description: 'mdg_<id>_<secret>: shown once' }) }), 'Created'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/api-keys/:keyId/revoke`,
    tag: 'integrations',
    summary: 'Revoke an API key',
    ...staff,
    params: pathParams(keyId),
    responses: { 200: json(ApiKeySchema, 'Revoked'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/webhooks`,
    tag: 'integrations',
    summary: 'Webhooks',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(WebhookSchema) }), 'Webhooks'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/webhooks`,
    tag: 'integrations',
    summary: 'Create a webhook; the signing secret is shown once',
    ...staff,
    params: pathParams(code),
    body: webhookInput,
    responses: { 201: json(Closed({ webhook: WebhookSchema, secret: Str() }), 'Created'), ...write },
  }),
  operation({
    method: 'patch',
    path: `${base}/webhooks/:webhookId`,
    tag: 'integrations',
    summary: 'Change a webhook (or rotate its secret)',
    ...staff,
    params: pathParams(webhookId),
    body: webhookInput,
    responses: { 200: json(Closed({ webhook: WebhookSchema, secret: Opt(Str()) }), 'Changed'), ...write },
  }),
  operation({
    method: 'delete',
    path: `${base}/webhooks/:webhookId`,
    tag: 'integrations',
    summary: 'Delete a webhook',
    ...staff,
    params: pathParams(webhookId),
    responses: { 204: NO_CONTENT, ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/webhooks/:webhookId/ping`,
    tag: 'integrations',
    summary: 'Send a signed test event now',
    ...staff,
    params: pathParams(webhookId),
    responses: { 200: json(Closed({ ok: Bool(), statusCode: Opt(Int()), error: Opt(Str()), durationMs: Int() }), 'What the receiver answered'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/deliveries`,
    tag: 'integrations',
    summary: 'Delivery log (webhooks and applicant e-mail)',
    ...staff,
    params: pathParams(code),
    query: Open({ webhookId: Opt(Str()), status: Opt(Str({ description: 'pending, delivered or failed' })) }),
    responses: { 200: json(Closed({ items: Arr(DeliverySchema) }), 'Deliveries, newest first'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/deliveries/:deliveryId/retry`,
    tag: 'integrations',
    summary: 'Retry a failed delivery now',
    ...staff,
    params: pathParams({ ...code, deliveryId: Str() }),
    responses: { 200: json(DeliverySchema, 'Pending again'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/retention`,
    tag: 'retention',
    summary: 'Retention policies',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(RetentionPolicySchema) }), 'Policies'), ...denied },
  }),
  operation({
    method: 'put',
    path: `${base}/retention/:procedureId`,
    tag: 'retention',
    summary: 'Set how long closed submissions of a procedure are kept',
    ...staff,
    params: pathParams({ ...code, procedureId: Str() }),
    body: Open(
      { days: Int({ minimum: 1, maximum: 36500 }), mode: Enum(RETENTION_MODES) },
      refusal('bad_retention', '保存期間は1〜36500日、方法は delete（削除）か strip（内容の消去）を指定してください。', 'Days must be 1–36500 and mode delete or strip.'),
    ),
    responses: { 200: json(RetentionPolicySchema, 'Set'), ...write },
  }),
  operation({
    method: 'delete',
    path: `${base}/retention/:procedureId`,
    tag: 'retention',
    summary: 'Remove a retention policy (keep forever)',
    ...staff,
    params: pathParams({ ...code, procedureId: Str() }),
    responses: { 204: NO_CONTENT, ...write },
  }),
];

const receipt = { receiptNumber: Str({ description: '到達番号' }) };
const apiKey = { security: 'apiKey' as const };
const keyDenied: Record<number, ResponseSpec> = { 401: errorResponse('Missing, invalid or revoked API key'), 403: errorResponse('The key’s scope does not allow this') };

export const BACKOFFICE_OPERATIONS = [
  operation({
    method: 'get',
    path: '/backoffice/submissions',
    tag: 'backoffice',
    summary: 'Submissions changed since a cursor (new, status moves, corrections), with tombstones of retention deletions and strips, in commit order',
    ...apiKey,
    query: Open({
      after: Opt(Str({ description: 'Cursor from the previous page (`next`); none: from the beginning' })),
      limit: Opt(Str({ description: '1–200 (default 100)' })),
      procedureId: Opt(Str()),
    }),
    responses: { 200: json(PullPageSchema, 'Changes'), 400: errorResponse('Bad cursor'), ...keyDenied },
  }),
  operation({
    method: 'get',
    path: '/backoffice/submissions/:receiptNumber',
    tag: 'backoffice',
    summary: 'One submission with its answers and attachments (audited)',
    ...apiKey,
    params: pathParams(receipt),
    query: Open({ embed: Opt(Enum(['attachments'] as const, { description: '`attachments` embeds file contents (base64, up to 20 MB in total)' })) }),
    responses: { 200: json(PullSubmissionSchema, 'Submission'), 404: errorResponse('Not found in this municipality'), ...keyDenied },
  }),
  operation({
    method: 'get',
    path: '/backoffice/submissions/:receiptNumber/files/:fileId',
    tag: 'backoffice',
    summary: 'One attachment',
    ...apiKey,
    params: pathParams({ ...receipt, fileId: Str() }),
    responses: { 200: FILE, 404: errorResponse('Not found'), 409: errorResponse('Malware was found in the file (file_infected): never downloadable'), ...keyDenied },
  }),
  operation({
    method: 'post',
    path: '/backoffice/submissions/:receiptNumber/ack',
    tag: 'backoffice',
    summary: 'Acknowledge receipt of a revision (shown to staff as 取込済)',
    ...apiKey,
    params: pathParams(receipt),
    body: Open({ revision: Opt(Int({ description: 'Default: the current one' })) }),
    bodyRequired: false,
    responses: { 200: json(PullItemSchema, 'Acknowledged'), 400: errorResponse('No such revision'), 404: errorResponse('Not found'), ...keyDenied },
  }),
  operation({
    method: 'post',
    path: '/backoffice/submissions/:receiptNumber/status',
    tag: 'backoffice',
    summary: 'Move the status (read-write keys)',
    ...apiKey,
    params: pathParams(receipt),
    body: statusMove,
    responses: {
      200: json(moved('receiptNumber'), 'Moved'),
      400: errorResponse('Invalid move'),
      404: errorResponse('Not found'),
      409: errorResponse('Illegal move, or changed meanwhile'),
      422: errorResponse('却下 without a reason'),
      ...keyDenied,
    },
  }),
];
