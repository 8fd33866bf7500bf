/** Closed vocabularies of the API that server, client and the contract share. */

/** Events written to the outbox and sent to webhooks. */
export const OUTBOX_EVENT_TYPES = ['submission.received', 'submission.status-changed', 'submission.resubmitted', 'submission.message'] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

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
