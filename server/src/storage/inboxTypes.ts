/**
 * The storage port for the inbox and the back-office API (issue #7): inbox
 * listing over plain index columns, revisions, reads, notes, messages, the
 * outbox and its deliveries, API keys, webhooks and retention policies.
 * Re-exported by storage/types.ts; both adapters implement it and pass
 * tests/contract/inbox.contract.test.ts.
 */
import type { NewAuditEvent } from './auditTypes';
import type { DisasterCaseRecord } from './disasterTypes';
import type { DecisionNoticeWrite } from './decisionNoticeTypes';
import type { ApiKeyScope, DIGEST_EVENT_TYPE, OutboxEventType, RetentionMode, StatusChange, SubmissionChannel, SubmissionDeadline, SubmissionStatus, CapacityTake } from '@madoguchi/shared';

// The vocabularies live in shared (the API contract names them); storage re-exports them for its callers.
export { API_KEY_SCOPES, OUTBOX_EVENT_TYPES, RETENTION_MODES, type ApiKeyScope, type OutboxEventType, type RetentionMode } from '@madoguchi/shared';

/**
 * Who a submission is from, normalised for search (see modules/inbox/applicantIndex.ts).
 * Deliberately kept unencrypted next to the sealed answers: name and reading only,
 * never 個人番号, address or birth date.
 */
export interface ApplicantIndex {
  /** NFKC, no spaces: 水戸太郎. */
  name: string;
  /** Katakana, NFKC, no spaces: ミトタロウ. */
  kana: string;
}

/** Events other systems can subscribe to (webhooks) and the applicant is e-mailed about. */

/** One event, written in the same transaction as the change it reports. Carries ids and statuses, never answers. */
export interface OutboxEvent {
  id: string;
  type: OutboxEventType | typeof DIGEST_EVENT_TYPE;
  municipalityCode: string;
  procedureId: string;
  submissionId: string;
  receiptNumber: string;
  /** Body sent to webhooks (`data` of the envelope). */
  data: Record<string, unknown>;
  createdAt: string;
  /** Set once the event has been fanned out into deliveries. */
  dispatchedAt?: string;
}

/** Options of a submission write that must commit with it. */
export interface SubmissionWriteOptions {
  /** Search index of the applicant; null clears it. Left as it is when absent. */
  index?: ApplicantIndex | null;
  /** Outbox events committed in the same transaction. */
  outbox?: OutboxEvent[];
  /**
   * The audit event of the write. SQLite chains it in the same transaction (one
   * commit, one fsync per request); MongoDB appends it right after the commit.
   */
  audit?: NewAuditEvent;
  /** The triage row of an application made for a disaster, stored with it (issue #20). */
  disasterCase?: DisasterCaseRecord;
  /** The 決定通知書 / 却下通知書 of a closing status move, numbered and stored with it (issue #21). */
  decisionNotice?: DecisionNoticeWrite;
  /** The deadline of a new submission (標準処理期間 in force at receipt, issue #21), stored with it so none is received without. */
  deadline?: SubmissionDeadline;
  /** Places a new submission takes (issue #22): all or the insert fails with CapacityFullError and stores nothing. */
  capacity?: CapacityTake[];
  /** A closing status move (取下げ, 却下) frees the places the submission holds, once. */
  releaseCapacity?: boolean;
  /** A revision (the answer to a correction) gives back the places held and takes these instead, all or nothing. */
  rebookCapacity?: CapacityTake[];
}

/** A submission's inbox row: everything the list shows, nothing sealed. */
export interface SubmissionMeta {
  id: string;
  receiptNumber: string;
  municipalityCode: string;
  procedureOwner: string;
  procedureId: string;
  formVersion: number;
  status: SubmissionStatus;
  assigneeId?: string;
  applicantName?: string;
  applicantKana?: string;
  /** online, or counter (made at the counter: Submission.counter is set). Plain, so the list can filter on it. */
  channel: SubmissionChannel;
  /** 1 at intake; each answered correction request adds one. */
  revision: number;
  /** Store-wide sequence, raised by every change a back-office system should see (pull cursor). */
  changeSeq: number;
  createdAt: string;
  updatedAt: string;
  /** When the submission reached a final status (retention counts from here). */
  closedAt?: string;
  acknowledgedAt?: string;
  /** `api-key:<id>` that acknowledged it last. */
  acknowledgedBy?: string;
  acknowledgedRevision?: number;
  /** Set when retention removed the answers and files but kept the record. */
  strippedAt?: string;
  /** 標準処理期間 in force at receipt and the due date it gives (absent: the procedure had none). */
  deadline?: SubmissionDeadline;
  /** deadline.dueDate as a plain field, so the list can sort and filter on it. */
  dueDate?: string;
}

/** `due-asc` lists only submissions that have a due date, soonest first. */
export type InboxSort = 'received-desc' | 'received-asc' | 'updated-desc' | 'due-asc';

export interface InboxQuery {
  municipalityCode: string;
  status?: SubmissionStatus[];
  procedureId?: string;
  /** Staff limited to some procedures see only these. */
  procedureIds?: string[];
  /** A user id, or null for unassigned submissions. */
  assigneeId?: string | null;
  receivedFrom?: string;
  receivedTo?: string;
  receiptNumber?: string;
  /** Prefix of the normalised name (漢字) or reading (カタカナ). */
  namePrefix?: string;
  kanaPrefix?: string;
  channel?: SubmissionChannel;
  /** Only submissions due before this Japan date (YYYY-MM-DD, exclusive). */
  dueBefore?: string;
  sort?: InboxSort;
  limit: number;
  /** Opaque cursor of the previous page (same sort). */
  after?: string;
  /** Only these submissions (e.g. those with unread applicant messages). */
  submissionIds?: string[];
}

export interface InboxPage {
  items: SubmissionMeta[];
  next?: string;
}

/** An earlier state of the answers, kept readable after a correction. */
export interface SubmissionRevision {
  submissionId: string;
  revision: number;
  formVersion: number;
  data: Record<string, unknown>;
  attachments: Record<string, string[]>;
  /** When this revision was submitted. */
  createdAt: string;
}

/** A resident's corrected answers: becomes the current revision; the previous one is archived. */
export interface NewRevision {
  data: Record<string, unknown>;
  attachments: Record<string, string[]>;
  /** Newly uploaded files to bind (same rules as intake). */
  files?: { ids: string[]; uploadToken: string };
  /** The status move that goes with it (補正依頼中 → 再提出). */
  change: StatusChange;
}

/** A message between the desk and the applicant (補正依頼 and the answer, or a free `message`). Bodies are sealed at rest. */
export interface SubmissionMessage {
  id: string;
  submissionId: string;
  municipalityCode: string;
  kind: 'correction-request' | 'correction-answer' | 'message';
  /** Staff user id, or `applicant`. */
  author: string;
  body: string;
  /** JSON pointers of the answers the applicant is asked to correct. */
  fields: string[];
  /** The revision the message was written about (request) or created (answer). */
  revision: number;
  createdAt: string;
  /** Ids of files sent with a free message (bound to the submission, never to an attachment spec). */
  attachments?: string[];
}

/** An internal note on a submission; never shown to the applicant. Body sealed at rest. */
export interface SubmissionNote {
  id: string;
  submissionId: string;
  municipalityCode: string;
  authorId: string;
  body: string;
  createdAt: string;
}

/** What processing-time figures are computed from: no answers, only the history. */
export interface StatusHistoryRow {
  procedureId: string;
  status: SubmissionStatus;
  history: StatusChange[];
}

export interface InboxRepository {
  list(query: InboxQuery): Promise<InboxPage>;
  /** Submissions per status (for the inbox tabs). */
  countByStatus(municipalityCode: string, procedureIds?: string[]): Promise<Partial<Record<SubmissionStatus, number>>>;
  getMeta(id: string): Promise<SubmissionMeta | null>;
  getMetaByReceipt(receiptNumber: string): Promise<SubmissionMeta | null>;
  /** Submissions whose changeSeq is above `afterSeq`, in changeSeq order (the pull API). */
  changes(query: { municipalityCode: string; afterSeq: number; limit: number; procedureId?: string }): Promise<SubmissionMeta[]>;
  /** Records that a back-office system took this revision. Does not raise changeSeq. */
  acknowledge(id: string, by: string, revision: number, now: Date): Promise<SubmissionMeta>;
  /** Earlier revisions, oldest first (the current answers are on the submission). */
  listRevisions(submissionId: string): Promise<SubmissionRevision[]>;
  markRead(userId: string, submissionId: string, revision: number, now: Date): Promise<void>;
  /**
   * Rewrites the stored searchable names with `fold` where it changes them (the name index is clear
   * text already, so nothing is decrypted): how rows indexed before a folding rule existed are brought
   * up to date at start-up. Idempotent; returns how many rows changed.
   */
  refoldApplicantNames(fold: (name: string) => string): Promise<number>;
  /** The revision each submission was last read at by the user (absent: never read). */
  readRevisions(userId: string, submissionIds: string[]): Promise<Record<string, number>>;
  addNote(note: SubmissionNote): Promise<void>;
  listNotes(submissionId: string): Promise<SubmissionNote[]>;
  /** Stores a message; `outbox` events (its e-mail notice) commit in the same transaction, so neither is written without the other. */
  addMessage(message: SubmissionMessage, options?: { outbox?: OutboxEvent[] }): Promise<void>;
  listMessages(submissionId: string): Promise<SubmissionMessage[]>;
  /** Histories of submissions received in [from, to), for processing-time figures. */
  histories(query: { municipalityCode: string; procedureId?: string; receivedFrom: string; receivedTo: string }): AsyncIterable<StatusHistoryRow>;
  /** Closed (final-status) submissions of a procedure closed before `before`, not yet stripped. */
  closedBefore(query: { municipalityCode: string; procedureId: string; before: string; limit: number }): Promise<SubmissionMeta[]>;
  /** Deletion tombstones (retention `delete`) whose change sequence is above `afterSeq`, in order (the pull API). */
  tombstones(query: { municipalityCode: string; afterSeq: number; limit: number; procedureId?: string }): Promise<SubmissionTombstone[]>;
  /**
   * Deletes a submission with its files, revisions, notes, messages and read markers, and leaves a tombstone
   * at the next change sequence; `options.outbox` (and, in SQLite, `options.audit`) commit with it.
   */
  purge(id: string, options?: RemovalOptions): Promise<void>;
  /**
   * Keeps the record (receipt, status, history) but removes answers, files, revisions, notes, message bodies,
   * the name index and a counter application's drawn signature (who served and how it was confirmed stay).
   */
  strip(id: string, now: Date, options?: RemovalOptions): Promise<void>;
}

/** What a deleted submission leaves for integrators: ids and time, no personal data. */
export interface SubmissionTombstone {
  kind: 'deleted';
  changeSeq: number;
  submissionId: string;
  receiptNumber: string;
  municipalityCode: string;
  procedureId: string;
  at: string;
}

/** The events a retention removal commits with (see SubmissionWriteOptions). */
export interface RemovalOptions {
  /** When it happened (the tombstone's time); now when absent. */
  at?: string;
  outbox?: OutboxEvent[];
  audit?: NewAuditEvent;
}

export type DeliveryChannel = 'webhook' | 'email' | 'push';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryAttempt {
  at: string;
  ok: boolean;
  statusCode?: number;
  error?: string;
  durationMs: number;
}

/** One event to one target (a webhook, or the applicant's e-mail), retried until delivered or given up. */
export interface Delivery {
  id: string;
  eventId: string;
  event: OutboxEvent;
  channel: DeliveryChannel;
  /** Webhook id, push target id, or `applicant` for e-mail. */
  targetId: string;
  municipalityCode: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  deliveredAt?: string;
  /** The latest attempts, newest last (at most 20 kept). */
  log: DeliveryAttempt[];
}

export interface OutboxRepository {
  /** Adds an event not tied to a submission write (e.g. a webhook test ping). */
  add(event: OutboxEvent): Promise<void>;
  /** Events not yet fanned out, oldest first. */
  pending(limit: number): Promise<OutboxEvent[]>;
  /** Creates the event's deliveries and marks it dispatched, atomically; running it twice creates nothing twice. */
  dispatch(eventId: string, deliveries: Delivery[], now: Date): Promise<void>;
}

export type DeliveryOutcome = { status: 'delivered' } | { status: 'pending'; nextAttemptAt: string } | { status: 'failed' };

export interface DeliveryRepository {
  /** Takes due pending deliveries (nextAttemptAt ≤ now), leasing each until `leaseUntil` so no other worker sends it meanwhile. */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<Delivery[]>;
  /** Records an attempt and its outcome. */
  record(id: string, attempt: DeliveryAttempt, outcome: DeliveryOutcome): Promise<Delivery>;
  get(id: string): Promise<Delivery | null>;
  list(filter: { municipalityCode: string; targetId?: string; status?: DeliveryStatus; limit: number }): Promise<Delivery[]>;
  /** Makes a failed delivery pending again, due now. */
  retry(id: string, now: Date): Promise<Delivery>;
}

/** A back-office system's key. Only a hash of the secret is stored. */
export interface ApiKey {
  id: string;
  municipalityCode: string;
  name: string;
  scope: ApiKeyScope;
  /** sha256 (hex) of the secret part. */
  secretHash: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
  lastUsedAt?: string;
}

export interface ApiKeyRepository {
  create(key: ApiKey): Promise<void>;
  findById(id: string): Promise<ApiKey | null>;
  list(municipalityCode: string): Promise<ApiKey[]>;
  revoke(id: string, by: string, now: Date): Promise<ApiKey>;
  touch(id: string, now: Date): Promise<void>;
}

/** A subscription of a back-office system to a municipality's events. */
export interface Webhook {
  id: string;
  municipalityCode: string;
  /** Null: every procedure of the municipality. */
  procedureId: string | null;
  url: string;
  /** HMAC-SHA256 signing secret (sealed at rest). */
  secret: string;
  events: OutboxEventType[];
  active: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface WebhookRepository {
  create(webhook: Webhook): Promise<void>;
  get(id: string): Promise<Webhook | null>;
  list(municipalityCode: string): Promise<Webhook[]>;
  update(id: string, patch: Partial<Pick<Webhook, 'url' | 'procedureId' | 'events' | 'active' | 'secret'>>, now: Date): Promise<Webhook>;
  delete(id: string): Promise<void>;
  /** Active webhooks that want `type` for this municipality and procedure. */
  matching(municipalityCode: string, procedureId: string, type: OutboxEventType): Promise<Webhook[]>;
}

/** How long a procedure's closed submissions are kept, and what happens then. */
export interface RetentionPolicy {
  municipalityCode: string;
  procedureId: string;
  days: number;
  mode: RetentionMode;
  updatedAt: string;
  updatedBy: string;
}

export interface RetentionRepository {
  /** Every policy, or one municipality's. */
  list(municipalityCode?: string): Promise<RetentionPolicy[]>;
  set(policy: RetentionPolicy): Promise<void>;
  remove(municipalityCode: string, procedureId: string): Promise<void>;
}
