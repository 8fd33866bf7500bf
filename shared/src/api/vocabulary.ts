/** Closed vocabularies of the API that server, client and the contract share. */

/** Events written to the outbox and sent to webhooks. */
export const OUTBOX_EVENT_TYPES = [
  'submission.received',
  'submission.status-changed',
  'submission.resubmitted',
  // Retention removed it (issue #21): ids and time only, as the pull feed's tombstones.
  'submission.deleted',
  'submission.stripped',
  // A clerk or the applicant wrote in the submission's thread (issue #21): ids and `from` only.
  'submission.message',
] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];
/** The daily 期限 digest to staff (issue #21): an outbox event no webhook can subscribe to, only e-mailed. */
export const DIGEST_EVENT_TYPE = 'deadline.digest' as const;

/** What a back-office API key may do. */
export const API_KEY_SCOPES = ['read', 'read-write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What retention does to a closed submission past its period. */
export const RETENTION_MODES = ['delete', 'strip'] as const;
export type RetentionMode = (typeof RETENTION_MODES)[number];

/** Malware scan state of an uploaded file: not_scanned (scanning off), pending (scanner was down; retried), clean, infected (never downloadable). */
export const ATTACHMENT_SCAN_STATES = ['not_scanned', 'pending', 'clean', 'infected'] as const;
export type AttachmentScanState = (typeof ATTACHMENT_SCAN_STATES)[number];

/** How an application reached the desk: online, or filled in at the counter with the resident (書かない窓口, issue #19). */
export const SUBMISSION_CHANNELS = ['online', 'counter'] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];

/** The channel of a stored application: one made at the counter carries its counter origin. */
export const channelOf = (s: { counter?: unknown }): SubmissionChannel => (s.counter ? 'counter' : 'online');
