/** Component schemas of the OpenAPI document: the shapes the API really returns (checked by tests/integration/openapi.test.ts). */
import { SUBMISSION_STATUSES } from '@madoguchi/shared';
import { API_KEY_SCOPES, FILE_SCAN_STATES, OUTBOX_EVENT_TYPES, RETENTION_MODES } from '../../storage/types';
import { anyObject, arr, bool, dateTime, enumOf, int, nullable, obj, ref, str, type Schema } from './schemaHelpers';

const status = enumOf(SUBMISSION_STATUSES, 'Submission status (see shared/src/submission/status.ts)');
const person = obj({ id: str(), name: str() });
const scanState = () => enumOf(FILE_SCAN_STATES, 'Malware scan: not_scanned (scanning off), pending (scanner unreachable, retried), clean, infected (download refused with 409)');
const spread = { count: int('Completed stays (or closed submissions)'), medianHours: nullable({ type: 'number' }), p90Hours: nullable({ type: 'number' }) };
const pullItem = {
  id: str(), receiptNumber: str(), procedureId: str(), formVersion: int(), status, revision: int(), changeSeq: int(), receivedAt: dateTime(), updatedAt: dateTime(),
  acknowledgedRevision: nullable(int()), stripped: bool('Retention removed the answers and files'),
};

export const SCHEMAS: Record<string, Schema> = {
  Error: obj({
    error: obj({ code: str('Stable machine-readable code'), message: str('Human message (Japanese, or English with ?lang=en)'), requestId: str(), fields: arr(ref('FieldError')) }, ['requestId', 'fields']),
  }),
  FieldError: obj({ pointer: str('JSON pointer'), property: str(), label: str(), keyword: str(), message: str() }),
  SubmissionStatus: status,
  Municipality: obj({ code: str('6-digit code', { pattern: '^\\d{6}$' }), prefecture: str(), name: str(), reading: str(), parentCode: str(), url: str() }, ['parentCode', 'url']),
  ProcedureSummary: obj(
    { id: str(), owner: str(), title: str(), titleEn: str(), description: str(), category: str(), lifeEvents: arr(str()), keywords: arr(str()), signaturePolicy: str(), version: int() },
    ['titleEn'],
  ),
  ProcedureDetail: obj({ procedure: anyObject('Procedure metadata'), version: obj({ version: int(), schema: anyObject('JSON Schema'), uiSchema: anyObject(), publishedAt: dateTime() }, ['publishedAt']) }),
  IntakeResponse: obj({ receiptNumber: str('到達番号'), secret: str('Status secret, shown once'), submittedAt: dateTime(), procedureId: str(), formVersion: int() }),
  StatusResponse: obj({
    receiptNumber: str(), procedureId: str(), procedureTitle: str(), municipalityCode: str(), status, statusLabel: str(), submittedAt: dateTime(), updatedAt: dateTime(),
    messages: arr(obj({ at: dateTime(), text: str() })),
  }),
  UploadResponse: obj({ fileId: str(), fileName: str(), mediaType: str(), size: int(), scanState: scanState() }),
  DraftCreated: obj({ draftId: str(), secret: str(), expiresAt: dateTime(), resumePath: str() }),
  Draft: obj({
    municipalityCode: str(), procedureId: str(), formVersion: int(), data: anyObject(), attachments: anyObject(), uploadToken: str(), updatedAt: dateTime(), expiresAt: dateTime(),
  }),
  AnswerLine: obj({ pointer: str(), label: str(), value: str(), depth: int(), isGroup: bool(), sensitive: bool('A sensitive answer: masked unless revealed') }, ['sensitive']),
  SensitiveReveal: obj({ answers: arr(obj({ pointer: str(), label: str(), value: str() })) }),
  CorrectionField: obj(
    { pointer: str(), group: str(), label: str(), input: enumOf(['text', 'textarea', 'number', 'integer', 'select', 'multiselect', 'boolean', 'date', 'email', 'tel']), options: arr(str()), value: {}, maxLength: int() },
    ['options', 'maxLength'],
  ),
  CorrectionView: obj({
    receiptNumber: str(), municipalityCode: str('Upload added files here'), procedureId: str(), status, statusLabel: str(), procedureTitle: str(), revision: int(),
    request: nullable(obj({ message: str(), requestedAt: dateTime(), fields: arr(ref('CorrectionField')) })),
    attachments: arr(obj({ id: str(), label: str(), accept: arr(str()), maxFiles: int(), maxSizeMb: { type: 'number' }, files: arr(obj({ fileName: str() })) })),
    messages: arr(obj({ kind: enumOf(['correction-request', 'correction-answer']), body: str(), at: dateTime() })),
    revisions: arr(obj({ revision: int(), createdAt: dateTime() })),
  }),
  CorrectionAnswer: obj(
    {
      message: str('Reply to the desk (≤ 2000 characters)'),
      changes: { type: 'object', description: 'JSON pointer → new value, only for the answers asked to be corrected; null or "" clears' },
      attachments: { type: 'object', additionalProperties: arr(str()), description: 'Attachment id → newly uploaded file ids (added)' },
      uploadToken: str('The X-Upload-Token the files were uploaded with'),
      revision: int('The revision the applicant was looking at'),
    },
    ['message', 'changes', 'attachments', 'uploadToken', 'revision'],
  ),
  RevisionAnswers: obj({ revision: int(), createdAt: dateTime(), answers: arr(ref('AnswerLine')) }),
  InboxItem: obj({
    id: str(), receiptNumber: str(), procedureId: str(), procedureTitle: str(), formVersion: int(), status, statusLabel: str(), assignee: nullable(person),
    applicantName: nullable(str()), applicantKana: nullable(str()), receivedAt: dateTime(), updatedAt: dateTime(), revision: int(), unread: bool(), acknowledgedAt: nullable(dateTime()),
  }),
  InboxList: obj({ items: arr(ref('InboxItem')), next: nullable(str('Cursor of the next page')), counts: { type: 'object', additionalProperties: int() } }),
  SubmissionView: obj({
    id: str(), receiptNumber: str(), municipalityCode: str(), procedure: obj({ id: str(), owner: str(), title: str(), signaturePolicy: str() }), formVersion: int(), status, statusLabel: str(),
    assignee: nullable(person), applicantName: nullable(str()), receivedAt: dateTime(), updatedAt: dateTime(), revision: int(), acknowledgedAt: nullable(dateTime()), strippedAt: nullable(dateTime()),
    answers: arr(ref('AnswerLine')),
    attachments: arr(obj({ specId: str(), label: str(), files: arr(obj({ id: str(), fileName: str(), mediaType: str(), size: int(), previewable: bool(), scanState: scanState(), scanSignature: nullable(str()), scannedAt: nullable(dateTime()) })) })),
    signature: obj({ policy: str(), status: enumOf(['none']) }),
    history: arr(obj({ from: nullable(status), to: status, toLabel: str(), at: dateTime(), by: str(), byName: str(), publicNote: str() }, ['publicNote'])),
    notes: arr(obj({ id: str(), authorId: str(), authorName: str(), body: str(), createdAt: dateTime() })),
    messages: arr(obj({ id: str(), kind: enumOf(['correction-request', 'correction-answer']), authorName: str(), body: str(), fields: arr(str()), revision: int(), createdAt: dateTime() })),
    revisions: arr(obj({ revision: int(), createdAt: dateTime() })),
    transitions: arr(obj({ to: status, label: str() })),
  }),
  StaffRevision: obj({ revision: int(), createdAt: dateTime(), formVersion: int(), answers: arr(ref('AnswerLine')) }),
  ProcessingTimes: obj({
    receivedFrom: dateTime(), receivedTo: dateTime(),
    procedures: arr(obj({
      procedureId: str(), title: str(), submissions: int(),
      leadTime: obj(spread),
      statuses: arr(obj({ status, label: str(), current: int('In this status now'), ...spread })),
    })),
  }),
  ApiKey: obj({
    id: str(), municipalityCode: str(), name: str(), scope: enumOf(API_KEY_SCOPES), createdAt: dateTime(), createdBy: str(), revokedAt: dateTime(), revokedBy: str(), lastUsedAt: dateTime(),
  }, ['revokedAt', 'revokedBy', 'lastUsedAt']),
  Webhook: obj({
    id: str(), municipalityCode: str(), procedureId: nullable(str()), url: str(), events: arr(enumOf(OUTBOX_EVENT_TYPES)), active: bool(), createdAt: dateTime(), createdBy: str(), updatedAt: dateTime(),
  }),
  WebhookInput: obj({ url: str('https URL'), procedureId: nullable(str('Null: every procedure')), events: arr(enumOf(OUTBOX_EVENT_TYPES)), active: bool(), rotateSecret: bool('PATCH only: issue a new signing secret') }, ['procedureId', 'active', 'rotateSecret', 'url', 'events']),
  OutboxEvent: obj({
    id: str(), type: enumOf(OUTBOX_EVENT_TYPES), municipalityCode: str(), procedureId: str(), submissionId: str(), receiptNumber: str(), data: anyObject(), createdAt: dateTime(), dispatchedAt: dateTime(),
  }, ['dispatchedAt']),
  Delivery: obj({
    id: str(), eventId: str(), event: ref('OutboxEvent'), channel: enumOf(['webhook', 'email']), targetId: str(), municipalityCode: str(), status: enumOf(['pending', 'delivered', 'failed']),
    attempts: int(), nextAttemptAt: dateTime(), createdAt: dateTime(), deliveredAt: dateTime(),
    log: arr(obj({ at: dateTime(), ok: bool(), statusCode: int(), error: str(), durationMs: int() }, ['statusCode', 'error'])),
  }, ['deliveredAt']),
  WebhookEnvelope: obj({ id: str('Event id (de-duplicate on it)'), type: str(), createdAt: dateTime(), municipalityCode: str(), data: anyObject() }),
  RetentionPolicy: obj({ municipalityCode: str(), procedureId: str(), days: int(), mode: enumOf(RETENTION_MODES), updatedAt: dateTime(), updatedBy: str() }),
  PullItem: obj(pullItem),
  PullPage: obj({ items: arr(ref('PullItem')), next: str('Cursor to send as `after` next time (also when the page was empty)'), hasMore: bool() }),
  PullSubmission: obj({
    ...pullItem,
    municipalityCode: str(), procedureTitle: str(), data: anyObject('The answers as submitted (個人番号 in full)'), answers: arr(ref('AnswerLine')),
    attachments: arr(obj({ specId: str(), label: str(), files: arr(obj({ id: str(), fileName: str(), mediaType: str(), size: int(), sha256: str(), scanState: scanState(), scanSignature: nullable(str()), href: str(), contentBase64: str() }, ['contentBase64'])) })),
    history: arr(obj({ from: nullable(status), to: status, at: dateTime(), by: str(), publicNote: str() }, ['publicNote'])),
    revisions: arr(obj({ revision: int(), createdAt: dateTime() })),
  }),
  StatusMove: obj({ to: status, expected: status, publicNote: str('Message shown to the applicant on the status page') }, ['expected', 'publicNote']),
};
