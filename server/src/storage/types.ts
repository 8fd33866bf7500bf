/**
 * The storage port. Services depend on these interfaces only; the SQLite
 * (embedded default) and mongoose (MongoDB) adapters implement them and pass
 * the same contract suite (tests/contract). Adapters translate driver errors
 * into domain errors (ConflictError, StorageUnavailableError).
 */
import type { GuideVersionRepository } from './guideTypes';
import type { CounterSessionRepository } from './counterTypes';
import type { DisasterRepository } from './disasterTypes';
import type { DisasterGrantRepository } from './disasterGrantTypes';
import type { SurveyTeamRepository } from './surveyTeamTypes';
import type { CertificateRepository } from './certificateTypes';
import type { DecisionNoticeRepository } from './decisionNoticeTypes';
import type { DeadlineRepository } from './deadlineTypes';
import type { PushTargetRepository } from './pushTypes';
import type { MessageReadRepository } from './messageReadTypes';
import type { CapacityRepository } from './capacityTypes';
import type { FormVersion, Procedure, Submission, SubmissionEvidence, SubmissionStatus, StatusChange, JsonSchema, UiSchema } from '@madoguchi/shared';
import type { ApiKeyRepository, DeliveryRepository, InboxRepository, NewRevision, OutboxRepository, RetentionRepository, SubmissionWriteOptions, WebhookRepository } from './inboxTypes';
import type { EditLayerRepository, PresetReleaseRepository } from './catalogTypes';
import type { SealedDataRepository } from './sealedTypes';
import type { AuditEvent, NewAuditEvent } from './auditTypes';
import type { AttachmentScanState as FileScanState } from '@madoguchi/shared';
import type { InboxViewRepository } from './inboxViewTypes';
import type { AuthVersionRepository, LeaseRepository, RateCounterRepository } from './coordinationTypes';
export type { AuditEvent, NewAuditEvent } from './auditTypes';

export * from './inboxTypes';
export * from './messageReadTypes';
export * from './catalogTypes';
export * from './sealedTypes';
export * from './deadlineTypes';
export * from './pushTypes';
export * from './coordinationTypes';
export * from './capacityTypes';

export interface NewFormVersion {
  procedure: Procedure;
  schema: JsonSchema;
  uiSchema: UiSchema;
  contentHash: string;
}

export interface ProcedureRepository {
  /** Adds a draft version numbered one above the procedure's latest. */
  createDraft(input: NewFormVersion, now: Date): Promise<FormVersion>;
  // Compare-and-set writes: each changes a version only while it is still in the state named, and
  // answers null otherwise (also when it does not exist). The rules of the lifecycle (draft → published
  // → retired) and their messages live above the store, in modules/procedures/versionLifecycle.ts.
  /** Replaces the content of a version that is still a draft. */
  replaceDraft(owner: string, procedureId: string, version: number, input: NewFormVersion): Promise<FormVersion | null>;
  /** Publishes a version that is still a draft and retires the previously published version, atomically. */
  publishDraft(owner: string, procedureId: string, version: number, at: Date): Promise<FormVersion | null>;
  /** Retires a version that is still the published one: the procedure leaves the catalog, old submissions keep pointing at it. */
  retirePublished(owner: string, procedureId: string, version: number, at: Date): Promise<FormVersion | null>;
  getVersion(owner: string, procedureId: string, version: number): Promise<FormVersion | null>;
  getPublished(owner: string, procedureId: string): Promise<FormVersion | null>;
  /** Just the number of the published version (a cheap index look-up), or null. */
  getPublishedVersionNumber(owner: string, procedureId: string): Promise<number | null>;
  getLatest(owner: string, procedureId: string): Promise<FormVersion | null>;
  listVersions(owner: string, procedureId: string): Promise<FormVersion[]>;
  /** Every published version whose owner is in `owners`, ordered by owner then id. */
  listPublished(owners: string[]): Promise<FormVersion[]>;
  /** The latest version (whatever its status) of every procedure an owner has, ordered by id. */
  listLatest(owner: string): Promise<FormVersion[]>;
}

export interface SubmissionQuery {
  municipalityCode: string;
  status?: SubmissionStatus[];
  procedureId?: string;
  assigneeId?: string;
  receivedFrom?: string;
  receivedTo?: string;
  limit: number;
  /** Opaque cursor from the previous page. */
  after?: string;
}

export interface SubmissionPage {
  items: Submission[];
  next?: string;
}

/**
 * One-stop bundle (issue #18): several applications sent together, stored all
 * or none, with one bundle receipt that lists each application's own 到達番号.
 */
export interface SubmissionBundle {
  id: string;
  /** 到達番号 of the bundle as a whole (the same alphabet as a submission's). */
  receiptNumber: string;
  municipalityCode: string;
  /** The applications of the bundle, in the order the resident saw them. */
  submissionIds: string[];
  idempotencyKey?: string;
  requestHash?: string;
  createdAt: string;
}

/** A submission to store with the files it binds and what commits with it. */
export interface NewSubmission {
  submission: Submission;
  files?: { ids: string[]; uploadToken: string };
  options?: SubmissionWriteOptions;
}

export interface SubmissionRepository {
  /**
   * Stores a new submission and, in the same transaction, binds its uploaded
   * files (all of `files.ids` must be unbound and carry `files.uploadToken`,
   * else nothing is stored). Duplicate receipt number or idempotency key →
   * ConflictError with `conflictOn`. `options.outbox` events and the search
   * index commit in the same transaction.
   */
  insert(submission: Submission, files?: { ids: string[]; uploadToken: string }, options?: SubmissionWriteOptions): Promise<void>;
  /**
   * Stores every submission of a bundle and the bundle itself in one
   * transaction: any failure (a file already bound, a duplicate key) stores
   * nothing. Duplicate bundle receipt number or idempotency key →
   * ConflictError with `conflictOn` `bundleReceiptNumber` / `bundleIdempotencyKey`.
   */
  insertBundle(bundle: SubmissionBundle, entries: NewSubmission[]): Promise<void>;
  findBundle(receiptNumber: string): Promise<SubmissionBundle | null>;
  findBundleByIdempotencyKey(municipalityCode: string, key: string): Promise<SubmissionBundle | null>;
  findById(id: string): Promise<Submission | null>;
  /** Replaces the identity and signature evidence of a submission (after 「署名を再検証」); false when it does not exist. */
  setEvidence(id: string, evidence: SubmissionEvidence): Promise<boolean>;
  findByReceiptNumber(receiptNumber: string): Promise<Submission | null>;
  findByIdempotencyKey(municipalityCode: string, key: string): Promise<Submission | null>;
  /**
   * Moves a submission to a new status if it is still in `expected` (optimistic
   * concurrency); returns the updated submission, or ConflictError if it moved meanwhile.
   */
  changeStatus(id: string, expected: SubmissionStatus, change: StatusChange, now: Date, options?: SubmissionWriteOptions): Promise<Submission>;
  /**
   * Replaces the answers with a resident's corrected ones (compare-and-set on
   * `expected` status), archiving the previous revision, binding new files and
   * moving the status, all in one transaction.
   */
  revise(id: string, expected: SubmissionStatus, revision: NewRevision, now: Date, options?: SubmissionWriteOptions): Promise<Submission>;
  assign(id: string, assigneeId: string | null, now: Date): Promise<Submission>;
  list(query: SubmissionQuery): Promise<SubmissionPage>;
  count(municipalityCode: string): Promise<number>;
}

export interface StoredFileMeta {
  id: string;
  municipalityCode: string;
  /** The original file name as the resident's device sent it (UTF-8, Japanese kept). */
  fileName: string;
  /** Media type detected from the content. */
  mediaType: string;
  size: number;
  sha256: string;
  /** Set once the file is part of a submission; unbound files expire. */
  submissionId?: string;
  /** Draft or session the file was uploaded for (to bind it later). */
  uploadToken: string;
  createdAt: string;
  /** Malware scan state (issue #8). Absent when writing means `not_scanned`; always set when read. */
  scanState?: FileScanState;
  /** Signature name clamd reported, for `infected` files. */
  scanSignature?: string;
  /** When the verdict (`clean` / `infected`) was reached. */
  scannedAt?: string;
}

/**
 * `not_scanned`: scanning was off when the file arrived; `pending`: the scanner
 * could not be reached, the rescan job retries; `clean` / `infected`: its verdict.
 */
/** The scan states of a stored file (the API's attachment scan states). */
export { ATTACHMENT_SCAN_STATES as FILE_SCAN_STATES, type AttachmentScanState as FileScanState } from '@madoguchi/shared';

export interface FileScanVerdict {
  state: 'clean' | 'infected';
  signature?: string;
  scannedAt: string;
}

export interface FileRepository {
  put(meta: StoredFileMeta, content: Buffer): Promise<void>;
  getMeta(id: string): Promise<StoredFileMeta | null>;
  getContent(id: string): Promise<Buffer | null>;
  /** Binds files to a submission; only files uploaded with `uploadToken` and not yet bound are bound. Returns how many. */
  bind(ids: string[], uploadToken: string, submissionId: string): Promise<number>;
  /** How many files uploaded with `uploadToken` are not (yet) bound to a submission. */
  countUnbound(uploadToken: string): Promise<number>;
  /** Deletes one file if it is not bound to a submission; returns whether it did. */
  deleteUnbound(id: string): Promise<boolean>;
  /** Deletes files never bound to a submission and older than `before`. Returns how many. */
  deleteUnboundBefore(before: Date): Promise<number>;
  /** Files waiting for a malware scan (`pending`), oldest first. */
  listScanPending(limit: number): Promise<StoredFileMeta[]>;
  /** Records the scanner's verdict on a `pending` file; returns false when it was not pending (or is gone). */
  recordScan(id: string, verdict: FileScanVerdict): Promise<boolean>;
}

export const USER_ROLES = ['platform-admin', 'municipal-admin', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** Null for platform admins; the tenant for everyone else. */
  municipalityCode: string | null;
  passwordHash: string | null;
  totpSecret: string | null;
  failedLogins: number;
  lockedUntil: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Staff limited to some procedures (ids); absent or null: all of the municipality's. */
  procedureIds?: string[] | null;
  /** TOTP time step of the last code accepted: a code is never accepted twice (replay). */
  totpLastStep?: number | null;
}

export interface UserRepository {
  /** Email is unique (case-insensitive) → ConflictError. */
  create(user: User): Promise<void>;
  update(id: string, patch: Partial<Omit<User, 'id' | 'createdAt'>>, now: Date): Promise<User>;
  findById(id: string): Promise<User | null>;
  findByEmail(email: string): Promise<User | null>;
  list(filter: { municipalityCode?: string | null }): Promise<User[]>;
  count(): Promise<number>;
}

export interface SessionRepository {
  get(sid: string, now: Date): Promise<Record<string, unknown> | null>;
  set(sid: string, data: Record<string, unknown>, expiresAt: Date): Promise<void>;
  touch(sid: string, expiresAt: Date): Promise<void>;
  destroy(sid: string): Promise<void>;
  /** Ends every session signed in as `userId` except `keepSid` (after a password change); returns how many ended. */
  destroyOthersOf(userId: string, keepSid: string): Promise<number>;
  deleteExpired(now: Date): Promise<number>;
}

export interface AuditRepository {
  /** Appends an event, chaining its hash to the previous one atomically. */
  /**
   * `waitForDisk: false` returns once the event is committed, before it is fsynced:
   * for events about reads, where the answer should not wait ~10 ms for the disk
   * (a power cut in that window may lose the event, never a submission).
   */
  append(event: NewAuditEvent, options?: { waitForDisk?: boolean }): Promise<AuditEvent>;
  list(filter: { municipalityCode?: string; targetId?: string; limit: number }): Promise<AuditEvent[]>;
  /** All events in order, for chain verification. */
  all(): AsyncIterable<AuditEvent>;
  /** The newest event (the chain's head), for signed checkpoints; null when the log is empty. */
  head(): Promise<AuditEvent | null>;
}

/** A resident's unfinished application, kept so it can be resumed with a secret link. */
export interface Draft {
  id: string;
  municipalityCode: string;
  procedureId: string;
  formVersion: number;
  /** sha256 of the resume secret. */
  secretHash: string;
  /** The answers, attachment ids and upload token, as an opaque (encrypted) string. */
  payload: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface DraftRepository {
  /** Inserts or replaces a draft. */
  save(draft: Draft): Promise<void>;
  /** A draft that has not expired at `now`. */
  get(id: string, now: Date): Promise<Draft | null>;
  delete(id: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

/** A one-time secret link: the first platform admin's setup link, or an invitation. */
export interface AuthToken {
  id: string;
  kind: 'setup' | 'invite';
  /** sha256 of the token; the token itself is never stored. */
  tokenHash: string;
  /** The invitee's address (null for the setup token). */
  email: string | null;
  role: UserRole;
  municipalityCode: string | null;
  procedureIds: string[] | null;
  /** User id of the inviting admin, or `system`. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface AuthTokenRepository {
  create(token: AuthToken): Promise<void>;
  findById(id: string): Promise<AuthToken | null>;
  /** The unused, unexpired token of this kind with this hash. */
  findActive(kind: AuthToken['kind'], tokenHash: string, now: Date): Promise<AuthToken | null>;
  /** Marks an active token used and returns it; null when unknown, used or expired. Atomic: a token works once. */
  consume(kind: AuthToken['kind'], tokenHash: string, now: Date): Promise<AuthToken | null>;
  /** Unused, unexpired tokens, newest first; `email` matches case-insensitively. */
  listActive(filter: { kind: AuthToken['kind']; municipalityCode?: string | null; email?: string }, now: Date): Promise<AuthToken[]>;
  delete(id: string): Promise<void>;
  /** Removes every unused token of a kind (a new setup link replaces the old). Returns how many. */
  deleteUnused(kind: AuthToken['kind']): Promise<number>;
}

/** Sign-in rules a municipal admin sets for their municipality. */
export interface AuthPolicy {
  municipalityCode: string;
  /** Every account of the municipality must use a TOTP second factor. */
  requireTotp: boolean;
  updatedAt: string;
  updatedBy: string;
}

/** A municipality's contact desks (窓口), which its procedures name as their contact. */
export interface MunicipalDesks {
  municipalityCode: string;
  desks: MunicipalDesk[];
  updatedAt: string;
  updatedBy: string;
}
export interface MunicipalDesk {
  id: string;
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  hours?: string;
}

export interface MunicipalDeskRepository {
  get(municipalityCode: string): Promise<MunicipalDesks | null>;
  /** Replaces the municipality's list of desks. */
  set(desks: MunicipalDesks): Promise<void>;
}

export interface AuthPolicyRepository {
  get(municipalityCode: string): Promise<AuthPolicy | null>;
  /** Inserts or replaces the municipality's policy. */
  set(policy: AuthPolicy): Promise<void>;
}

export interface Storage {
  readonly kind: 'sqlite' | 'mongo';
  readonly procedures: ProcedureRepository;
  readonly submissions: SubmissionRepository;
  readonly files: FileRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly audit: AuditRepository;
  readonly authTokens: AuthTokenRepository;
  readonly authPolicies: AuthPolicyRepository;
  readonly desks: MunicipalDeskRepository;
  readonly drafts: DraftRepository;
  readonly inbox: InboxRepository;
  readonly outbox: OutboxRepository;
  readonly deliveries: DeliveryRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly webhooks: WebhookRepository;
  /** Push targets: whole submissions POSTed to back-office systems (issue #21). */
  readonly pushTargets: PushTargetRepository;
  readonly retention: RetentionRepository;
  readonly editLayers: EditLayerRepository;
  readonly presetReleases: PresetReleaseRepository;
  /** A municipality's versions of life-event guides (adopted national ones and its own). */
  readonly guides: GuideVersionRepository;
  /** Counter visits (書かない窓口): their timelines and, until they end, the answers being filled in. */
  readonly counterSessions: CounterSessionRepository;
  /** Disasters a municipality declared and the triage rows of the applications made for them (被災者支援). */
  readonly disasters: DisasterRepository;
  /** 応援職員: accounts of other municipalities lent one disaster's queue (issue #20). */
  readonly disasterGrants: DisasterGrantRepository;
  /** 調査班 of a disaster (issue #20). */
  readonly surveyTeams: SurveyTeamRepository;
  /** 罹災証明書 issued for disaster applications (numbers, verification, withdrawal). */
  readonly certificates: CertificateRepository;
  /** 決定通知書 / 却下通知書 and their per-procedure templates (issue #21). */
  readonly decisionNotices: DecisionNoticeRepository;
  /** 標準処理期間 per procedure and the deadlines stamped on submissions (issue #21). */
  readonly deadlines: DeadlineRepository;
  /** Saved inbox views and each clerk's page size (issue #21). */
  readonly inboxViews: InboxViewRepository;
  /** Read positions of message threads, per side (issue #21). */
  readonly messageReads: MessageReadRepository;
  /** 定員: the places of each limited option and who holds them (issue #22). */
  readonly capacity: CapacityRepository;
  /** Every value sealed with the data cipher, for key rotation (tools/reencrypt.ts). */
  readonly sealed: SealedDataRepository;
  /** Rate-limit counters shared by every instance on this store (issue #23). */
  readonly rateCounters: RateCounterRepository;
  /** Leases of background jobs: each runs in one instance at a time (issue #23). */
  readonly leases: LeaseRepository;
  /** Changes whenever an account or a sign-in policy changes: what cached look-ups are checked against (issue #23). */
  readonly authVersion: AuthVersionRepository;
  /** For /health: throws when a submission could not be stored now (SQLite: a write probe; MongoDB: a ping of the primary). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
