/**
 * The shapes the API answers with, once: the server's responses are checked
 * against them (tests/integration/openapi.test.ts), the OpenAPI document prints
 * them as components, and server and client take their TypeScript types from them.
 */
import { DecisionNoticeSchema } from './noticeComponents';
import { SUBMISSION_STATUSES } from '../../submission/status';
import { SIGNATURE_POLICIES } from '../../form/types';
import { ANSWER_SOURCES } from '../../counter/counterTypes';
import { API_KEY_SCOPES, ATTACHMENT_SCAN_STATES, DIGEST_EVENT_TYPE, OUTBOX_EVENT_TYPES, RETENTION_MODES, SUBMISSION_CHANNELS } from '../vocabulary';
import { DeadlineViewSchema } from './deadlineComponents';
import { AnyObject, Arr, Bool, Closed, DateTime, Enum, Int, Nullable, Num, Opt, Str, Type, component } from './kit';

export const SubmissionStatusSchema = component('SubmissionStatus', Enum(SUBMISSION_STATUSES, { description: 'Submission status (see shared/src/submission/status.ts)' }));
const status = SubmissionStatusSchema;
const signaturePolicy = Enum(SIGNATURE_POLICIES);
const person = Closed({ id: Str(), name: Str() });
const scanState = () => Enum(ATTACHMENT_SCAN_STATES, { description: 'Malware scan: not_scanned (scanning off), pending (scanner unreachable, retried), clean, infected (download refused with 409)' });
const spread = { count: Int({ description: 'Completed stays (or closed submissions)' }), medianHours: Nullable(Num()), p90Hours: Nullable(Num()) };
const revisionRef = Closed({ revision: Int(), createdAt: DateTime() });
const messageKind = Enum(['correction-request', 'correction-answer', 'message'] as const);
const channel = () => Enum(SUBMISSION_CHANNELS, { description: '受付経路: online (オンライン申請), counter (窓口で職員と作成, 書かない窓口)' });

export const FieldErrorSchema = component('FieldError', Closed({ pointer: Str({ description: 'JSON pointer' }), property: Str(), label: Str(), keyword: Str(), message: Str() }));

export const ApiErrorSchema = component(
  'Error',
  Closed({
    error: Closed({
      code: Str({ description: 'Stable machine-readable code' }),
      message: Str({ description: 'Human message (Japanese, or English with ?lang=en)' }),
      requestId: Opt(Str()),
      fields: Opt(Arr(FieldErrorSchema)),
    }),
  }),
);

export const MunicipalitySchema = component(
  'Municipality',
  Closed({
    code: Str({ description: '6-digit 全国地方公共団体コード (tenant id)', pattern: '^\\d{6}$' }),
    prefecture: Str(),
    name: Str({ description: 'e.g. 水戸市, or 札幌市 中央区 for a designated-city ward' }),
    reading: Str({ description: 'Hiragana reading, e.g. みとし' }),
    parentCode: Opt(Str({ description: 'For a ward: the code of its designated city' })),
    url: Opt(Str()),
  }),
);

/** Where a procedure's 受付期間 stands now (time/reception.ts); times are Japan time YYYY-MM-DDTHH:mm. */
export const ReceptionStateSchema = component(
  'ReceptionState',
  Closed({
    status: Str({ enum: ['open', 'not-yet-open', 'closed', 'outside-hours'] }),
    until: Opt(Str({ description: 'open: when this opening ends' })),
    opensAt: Opt(Str({ description: 'not-yet-open: the first opening' })),
    closedAt: Opt(Str({ description: 'closed: when the period ended' })),
    nextOpening: Opt(Nullable(Str({ description: 'outside-hours: the next opening (null: none left)' }))),
  }),
);

export const ProcedureSummarySchema = component(
  'ProcedureSummary',
  Closed({
    id: Str(),
    owner: Str(),
    title: Str(),
    titleEn: Opt(Str()),
    description: Str(),
    descriptionEn: Opt(Str()),
    category: Str(),
    lifeEvents: Arr(Str()),
    keywords: Arr(Str()),
    signaturePolicy,
    version: Int(),
    receptionState: Opt(ReceptionStateSchema),
  }),
);

export const ProcedureDetailSchema = component(
  'ProcedureDetail',
  Closed({
    receptionState: Opt(ReceptionStateSchema),
    procedure: AnyObject('Procedure metadata'),
    version: Closed({ version: Int(), schema: AnyObject('JSON Schema'), uiSchema: AnyObject(), publishedAt: Opt(DateTime()) }),
    sharedAnswers: Opt(Type.Record(Type.String(), Str(), { description: 'One-stop bundles: shared answer key (applicant.name …) → JSON pointer of the field that takes it' })),
  }),
);

export const IntakeResponseSchema = component(
  'IntakeResponse',
  Closed({ receiptNumber: Str({ description: '到達番号' }), secret: Str({ description: 'Status secret, shown once' }), submittedAt: DateTime(), procedureId: Str(), formVersion: Int() }),
);

export const StatusResponseSchema = component(
  'StatusResponse',
  Closed({
    receiptNumber: Str(),
    procedureId: Str(),
    procedureTitle: Str(),
    municipalityCode: Str(),
    status,
    statusLabel: Str(),
    versionLabel: Str({ description: 'The form version used, e.g. 水戸市版 第2版（国の様式 第3版に基づく） (shared versionWording)' }),
    submittedAt: DateTime(),
    updatedAt: DateTime(),
    messages: Arr(Closed({ at: DateTime(), text: Str() })),
    deadline: Opt(
      Closed(
        {
          dueDate: Str({ description: 'Japan date (YYYY-MM-DD) by which the municipality aims to decide (標準処理期間 in force at receipt, moved by correction pauses)' }),
          days: Int(),
          unit: Str({ enum: ['business', 'calendar'] }),
          paused: Bool({ description: 'A correction request stopped the clock until the applicant answers' }),
        },
        { description: 'Present while the application is open and its procedure has a 標準処理期間' },
      ),
    ),
  }),
);

export const BundleResponseSchema = component(
  'BundleResponse',
  Closed({
    receiptNumber: Str({ description: '到達番号 of the bundle as a whole' }),
    secret: Str({ description: 'Status secret of the bundle, shown once' }),
    submittedAt: DateTime(),
    items: Arr(Closed({ procedureId: Str(), receiptNumber: Str({ description: "到達番号 of this application in its procedure's inbox" }), secret: Str(), formVersion: Int() })),
  }),
);

export const BundleStatusSchema = component(
  'BundleStatus',
  Closed({
    receiptNumber: Str(),
    municipalityCode: Str(),
    submittedAt: DateTime(),
    // Whoever holds the bundle's key holds each application's: its own status page answers 補正依頼 (corrections).
    items: Arr(Closed({ status: StatusResponseSchema, secret: Str({ description: "The application's own status secret" }) })),
  }),
);

export const UploadedFileSchema = component('UploadResponse', Closed({ fileId: Str(), fileName: Str(), mediaType: Str(), size: Int(), scanState: scanState() }));

export const DraftCreatedSchema = component('DraftCreated', Closed({ draftId: Str(), secret: Str(), expiresAt: DateTime(), resumePath: Str() }));

/** A one-stop bundle carried by a resume link (issue #18): every form's answers, the shared part and what was confirmed. */
export const BundleDraftSchema = component(
  'BundleDraft',
  Closed({
    procedureIds: Arr(Str(), { minItems: 1, maxItems: 10 }),
    guideId: Opt(Str()),
    shared: AnyObject('The shared answers given once'),
    sharedSaved: Bool(),
    applied: AnyObject('Per procedure: the shared answers its form was last filled from'),
    confirmed: AnyObject('Per procedure: the application as confirmed on its check page'),
    forms: Type.Record(Type.String(), Closed({ formVersion: Int(), data: AnyObject(), attachments: Type.Record(Type.String(), Arr(Str())), uploadToken: Str() }), {
      description: 'Procedure id → its form draft',
    }),
  }),
);

const draftFields = {
  bundle: Opt(BundleDraftSchema),
  municipalityCode: Str(),
  procedureId: Str(),
  formVersion: Int(),
  data: AnyObject(),
  attachments: Type.Record(Type.String(), Arr(Str()), { description: 'Attachment spec id → uploaded file ids' }),
  uploadToken: Str(),
};
export const DraftViewSchema = component('Draft', Closed({ ...draftFields, updatedAt: DateTime(), expiresAt: DateTime() }));

export const AnswerLineSchema = component(
  'AnswerLine',
  Closed({ pointer: Str(), label: Str(), value: Str(), depth: Int(), isGroup: Bool(), sensitive: Opt(Bool({ description: 'A sensitive answer: masked unless revealed' })) }),
);

export const SensitiveRevealSchema = component('SensitiveReveal', Closed({ answers: Arr(Closed({ pointer: Str(), label: Str(), value: Str() })) }));

export const CorrectionFieldSchema = component(
  'CorrectionField',
  Closed({
    pointer: Str(),
    group: Str(),
    label: Str(),
    input: Enum(['text', 'textarea', 'number', 'integer', 'select', 'multiselect', 'boolean', 'date', 'email', 'tel'] as const),
    options: Opt(Arr(Str())),
    value: Type.Unknown(),
    maxLength: Opt(Int()),
  }),
);

export const CorrectionViewSchema = component(
  'CorrectionView',
  Closed({
    receiptNumber: Str(),
    municipalityCode: Str({ description: 'Upload added files here' }),
    procedureId: Str(),
    status,
    statusLabel: Str(),
    procedureTitle: Str(),
    revision: Int(),
    request: Nullable(Closed({ message: Str(), requestedAt: DateTime(), fields: Arr(CorrectionFieldSchema) })),
    attachments: Arr(Closed({ id: Str(), label: Str(), accept: Arr(Str()), maxFiles: Int(), maxSizeMb: Num(), files: Arr(Closed({ fileName: Str() })) })),
    messages: Arr(Closed({ kind: messageKind, body: Str(), at: DateTime() })),
    revisions: Arr(revisionRef),
    signatureRequired: Bool({ description: 'Changed answers must be signed with the My Number Card first (POST …/correction/sign)' }),
  }),
);

export const CorrectionAnswerSchema = component(
  'CorrectionAnswer',
  Closed({
    message: Opt(Str({ description: 'Reply to the desk (≤ 2000 characters)' })),
    changes: Opt(AnyObject('JSON pointer → new value, only for the answers asked to be corrected; null or "" clears')),
    attachments: Opt(Type.Record(Type.String(), Arr(Str()), { description: 'Attachment id → newly uploaded file ids (added)' })),
    uploadToken: Opt(Str({ description: 'The X-Upload-Token the files were uploaded with' })),
    revision: Opt(Int({ description: 'The revision the applicant was looking at' })),
    signature: Opt(Str({ description: 'One-time handle of a My Number Card signature over the corrected application', maxLength: 100 })),
  }),
);

export const RevisionAnswersSchema = component('RevisionAnswers', Closed({ revision: Int(), createdAt: DateTime(), answers: Arr(AnswerLineSchema) }));

export const InboxItemSchema = component(
  'InboxItem',
  Closed({
    id: Str(),
    receiptNumber: Str(),
    procedureId: Str(),
    procedureTitle: Str(),
    formVersion: Int(),
    versionLabel: Str({ description: 'The form version used, in words that cannot collide (shared versionWording)' }),
    status,
    statusLabel: Str(),
    assignee: Nullable(person),
    applicantName: Nullable(Str()),
    applicantKana: Nullable(Str()),
    receivedAt: DateTime(),
    updatedAt: DateTime(),
    revision: Int(),
    unread: Bool({ description: 'Not opened by this user since it arrived or was last corrected by the applicant' }),
    acknowledgedAt: Nullable(DateTime()),
    channel: channel(),
    deadline: Opt(DeadlineViewSchema),
    unreadMessages: Opt(Bool({ description: 'The applicant wrote a message the desk has not read yet (issue #21)' })),
  }),
);

export const InboxListSchema = component(
  'InboxList',
  Closed({
    items: Arr(InboxItemSchema),
    next: Nullable(Str({ description: 'Cursor of the next page' })),
    counts: Type.Unsafe<Partial<Record<(typeof SUBMISSION_STATUSES)[number], number>>>({
      type: 'object',
      additionalProperties: { type: 'integer' },
      description: 'Submissions per status in the user’s scope (tabs)',
    }),
  }),
);

export const AttachmentViewSchema = component(
  'AttachmentView',
  Closed({
    id: Str(),
    fileName: Str(),
    mediaType: Str(),
    size: Int(),
    previewable: Bool({ description: 'Images and PDFs can be shown in the browser (never an infected file)' }),
    scanState: scanState(),
    scanSignature: Nullable(Str()),
    scannedAt: Nullable(DateTime()),
  }),
);
export const AttachmentGroupViewSchema = Closed({ specId: Str(), label: Str(), files: Arr(AttachmentViewSchema) });
export const HistoryViewSchema = Closed({ from: Nullable(status), to: status, toLabel: Str(), at: DateTime(), by: Str(), byName: Str(), publicNote: Opt(Str()) });
export const NoteViewSchema = Closed({ id: Str(), authorId: Str(), authorName: Str(), body: Str(), createdAt: DateTime() });
export const MessageViewSchema = Closed({ id: Str(), kind: messageKind, authorName: Str(), body: Str(), fields: Arr(Str()), revision: Int(), createdAt: DateTime() });

/** An application's electronic signature as staff and back-office systems see it (the certificate's own words). */
export const SignatureViewSchema = component(
  'SignatureView',
  Closed({
    policy: signaturePolicy,
    status: Enum(['none', 'verified', 'verified_no_revocation', 'invalid'] as const, {
      description: 'none: not signed; verified: signature, chain, validity and revocation checked; verified_no_revocation: 署名検証済（失効確認なし）; invalid: a re-verification failed',
    }),
    signerName: Opt(Str({ description: 'The signer as the 署名用電子証明書 states it' })),
    certificateSerial: Opt(Str()),
    certificateIssuer: Opt(Str()),
    signedAt: Opt(DateTime()),
    lastVerifiedAt: Opt(DateTime()),
    revocation: Opt(Enum(['good', 'revoked', 'not_checked'] as const)),
    failure: Opt(Str({ description: 'Why a re-verification failed (e.g. untrusted_issuer, signature_mismatch)' })),
  }),
);
export const IdentityViewSchema = Closed({ method: Enum(['myna-card'] as const, { description: '本人確認：マイナンバーカード（利用者証明用電子証明書）' }), verifiedAt: DateTime() });

/** What a counter application carries besides its answers (書かない窓口, issue #19), shared by the staff view and the pull API. */
const counterFields = {
  ticketNumber: Str({ description: '受付番号 of the visit, e.g. A-007' }),
  desk: Str({ description: 'The counter desk that served, e.g. 1番窓口' }),
  identitySource: Enum(['card', 'typed'] as const, { description: '基本4情報: card (マイナンバーカードから読取) or typed (職員が入力)' }),
  prefilled: Bool({ description: 'The visitor brought answers given online beforehand (事前入力)' }),
  sources: Type.Record(Type.String(), Enum(ANSWER_SOURCES), {
    description: 'JSON pointer of an answer → where it came from: card (read from the My Number Card), prefill (事前入力), staff (typed by the clerk). Absent: typed by the clerk',
  }),
};
const confirmationMethod = Enum(['tablet', 'paper'] as const, { description: 'tablet (タブレットで確認) or paper (紙の申請書に署名)' });

export const CounterViewSchema = component(
  'CounterView',
  Closed({
    ...counterFields,
    servedBy: Closed({ id: Str(), name: Str({ description: 'Display name of the clerk who served' }) }),
    confirmation: Closed({
      method: confirmationMethod,
      at: DateTime(),
      signatureHref: Opt(Str({ description: 'The signature the visitor drew on the tablet (PNG), behind the same access check as the submission' })),
    }),
  }),
);

export const SubmissionViewSchema = component(
  'SubmissionView',
  Closed({
    id: Str(),
    receiptNumber: Str(),
    municipalityCode: Str(),
    procedure: Closed({ id: Str(), owner: Str(), title: Str(), signaturePolicy }),
    formVersion: Int(),
    versionLabel: Str({ description: 'The form version used, in words that cannot collide (shared versionWording)' }),
    status,
    statusLabel: Str(),
    assignee: Nullable(person),
    applicantName: Nullable(Str()),
    receivedAt: DateTime(),
    updatedAt: DateTime(),
    revision: Int(),
    acknowledgedAt: Nullable(DateTime()),
    strippedAt: Nullable(DateTime()),
    answers: Arr(AnswerLineSchema, { description: 'Every answer with the label of the version it was submitted on; sensitive ones masked' }),
    attachments: Arr(AttachmentGroupViewSchema),
    signature: SignatureViewSchema,
    identity: Opt(IdentityViewSchema),
    channel: channel(),
    counter: Opt(CounterViewSchema),
    deadline: Opt(DeadlineViewSchema),
    history: Arr(HistoryViewSchema),
    notes: Arr(NoteViewSchema),
    messages: Arr(MessageViewSchema),
    revisions: Arr(revisionRef, { description: 'Earlier revisions (the current one is `revision`)' }),
    transitions: Arr(Closed({ to: status, label: Str() }), { description: 'Statuses staff may move it to' }),
  }),
);

export const StaffRevisionSchema = component('StaffRevision', Closed({ revision: Int(), createdAt: DateTime(), formVersion: Int(), answers: Arr(AnswerLineSchema) }));

export const ProcessingTimesSchema = component(
  'ProcessingTimes',
  Closed({
    receivedFrom: DateTime(),
    receivedTo: DateTime(),
    procedures: Arr(
      Closed({
        procedureId: Str(),
        title: Str(),
        submissions: Int(),
        leadTime: Closed(spread),
        statuses: Arr(Closed({ status, label: Str(), current: Int({ description: 'In this status now' }), ...spread })),
      }),
    ),
  }),
);

export const ApiKeySchema = component(
  'ApiKey',
  Closed({
    id: Str(),
    municipalityCode: Str(),
    name: Str(),
    scope: Enum(API_KEY_SCOPES),
    createdAt: DateTime(),
    createdBy: Str(),
    revokedAt: Opt(DateTime()),
    revokedBy: Opt(Str()),
    lastUsedAt: Opt(DateTime()),
  }),
);

export const WebhookSchema = component(
  'Webhook',
  Closed({
    id: Str(),
    municipalityCode: Str(),
    procedureId: Nullable(Str()),
    url: Str(),
    events: Arr(Enum(OUTBOX_EVENT_TYPES)),
    active: Bool(),
    createdAt: DateTime(),
    createdBy: Str(),
    updatedAt: DateTime(),
  }),
);

export const WebhookInputSchema = component(
  'WebhookInput',
  Closed({
    url: Opt(Str({ description: 'https URL' })),
    procedureId: Opt(Nullable(Str({ description: 'Null: every procedure' }))),
    events: Opt(Arr(Enum(OUTBOX_EVENT_TYPES))),
    active: Opt(Bool()),
    rotateSecret: Opt(Bool({ description: 'PATCH only: issue a new signing secret' })),
  }),
);

export const OutboxEventSchema = component(
  'OutboxEvent',
  Closed({
    id: Str(),
    type: Enum([...OUTBOX_EVENT_TYPES, DIGEST_EVENT_TYPE]),
    municipalityCode: Str(),
    procedureId: Str(),
    submissionId: Str(),
    receiptNumber: Str(),
    data: AnyObject(),
    createdAt: DateTime(),
    dispatchedAt: Opt(DateTime()),
  }),
);

export const DeliverySchema = component(
  'Delivery',
  Closed({
    id: Str(),
    eventId: Str(),
    event: OutboxEventSchema,
    channel: Enum(['webhook', 'email', 'push'] as const),
    targetId: Str(),
    municipalityCode: Str(),
    status: Enum(['pending', 'delivered', 'failed'] as const),
    attempts: Int(),
    nextAttemptAt: DateTime(),
    createdAt: DateTime(),
    deliveredAt: Opt(DateTime()),
    log: Arr(Closed({ at: DateTime(), ok: Bool(), statusCode: Opt(Int()), error: Opt(Str()), durationMs: Int() })),
  }),
);

export const WebhookEnvelopeSchema = component(
  'WebhookEnvelope',
  Closed({
    id: Str({ description: 'Event id (de-duplicate on it)' }),
    type: Str({
      description: `One of ${OUTBOX_EVENT_TYPES.join(', ')} (or ping). submission.deleted / submission.stripped: retention removed it; data is {kind, submissionId, receiptNumber, procedureId, at}, no personal data`,
    }),
    createdAt: DateTime(),
    municipalityCode: Str(),
    data: AnyObject(),
  }),
);

export const RetentionPolicySchema = component(
  'RetentionPolicy',
  Closed({ municipalityCode: Str(), procedureId: Str(), days: Int(), mode: Enum(RETENTION_MODES), updatedAt: DateTime(), updatedBy: Str() }),
);

const pullItem = {
  id: Str(),
  receiptNumber: Str(),
  procedureId: Str(),
  formVersion: Int(),
  status,
  revision: Int(),
  changeSeq: Int(),
  receivedAt: DateTime(),
  updatedAt: DateTime(),
  acknowledgedRevision: Nullable(Int()),
  stripped: Bool({ description: 'Retention removed the answers and files' }),
  channel: channel(),
};
export const PullItemSchema = component('PullItem', Closed(pullItem));
/** A counter application's origin for the record a back-office system keeps: the drawn signature included (single application only). */
export const PullCounterSchema = component(
  'PullCounter',
  Closed({
    ...counterFields,
    sessionId: Str({ description: 'The counter visit it was made in' }),
    servedBy: Str({ description: 'Staff user id of the clerk who served' }),
    servedByName: Str({ description: 'Display name of that clerk' }),
    confirmation: Closed({
      method: confirmationMethod,
      at: DateTime(),
      signatureImage: Opt(Str({ description: 'data:image/png;base64,… drawn by the visitor on the tablet (removed when retention strips the application)' })),
    }),
  }),
);
/** Retention removed a submission (issue #21): an entry of the feed at the change sequence it happened, ids and time only. */
export const PullTombstoneSchema = component(
  'PullTombstone',
  Closed(
    {
      kind: Enum(['deleted', 'stripped'] as const, { description: 'deleted: the submission is gone (404 from now on); stripped: its record stays, answers and files are removed' }),
      changeSeq: Int(),
      submissionId: Str(),
      receiptNumber: Str(),
      procedureId: Str(),
      at: DateTime('When retention removed it'),
    },
    { description: 'A tombstone: drop your copy. Carries no personal data. The same removal is sent as the webhook event submission.deleted / submission.stripped.' },
  ),
);
export const PullPageSchema = component(
  'PullPage',
  Closed({
    items: Arr(Type.Union([PullItemSchema, PullTombstoneSchema]), { description: 'In change order; entries with `kind` are tombstones, each seen once by a cursor' }),
    next: Str({ description: 'Cursor to send as `after` next time (also when the page was empty)' }),
    hasMore: Bool(),
  }),
);
export const PullSubmissionSchema = component(
  'PullSubmission',
  Closed({
    ...pullItem,
    municipalityCode: Str(),
    procedureTitle: Str(),
    data: AnyObject('The answers as submitted (個人番号 in full)'),
    answers: Arr(AnswerLineSchema),
    attachments: Arr(
      Closed({
        specId: Str(),
        label: Str(),
        files: Arr(
          Closed({ id: Str(), fileName: Str(), mediaType: Str(), size: Int(), sha256: Str(), scanState: scanState(), scanSignature: Nullable(Str()), href: Str(), contentBase64: Opt(Str()) }),
        ),
      }),
    ),
    history: Arr(Closed({ from: Nullable(status), to: status, at: DateTime(), by: Str(), publicNote: Opt(Str()) })),
    revisions: Arr(revisionRef),
    signature: SignatureViewSchema,
    identity: Opt(IdentityViewSchema),
    counter: Opt(PullCounterSchema),
    notice: Opt(
      Closed(
        { ...DecisionNoticeSchema.properties, href: Str({ description: 'The PDF: GET /backoffice/submissions/{receiptNumber}/notice/pdf' }) },
        { description: 'The decision notice, once closed as 処理完了 or 却下' },
      ),
    ),
  }),
);

export const StatusMoveSchema = component('StatusMove', Closed({ to: status, expected: Opt(status), publicNote: Opt(Str({ description: 'Message shown to the applicant on the status page' })) }));
