/**
 * What the staff inbox API returns (server/src/http/inboxRoutes.ts, documented
 * at /api/v1/openapi.json). Shared so the console and the server agree on one shape.
 */
import type { AnswerLine } from '../form/answerList';
import type { SignaturePolicy } from '../form/types';
import type { SubmissionStatus } from '../submission/status';
import type { AttachmentScanState } from './vocabulary';

export interface InboxItem {
  id: string;
  receiptNumber: string;
  procedureId: string;
  procedureTitle: string;
  formVersion: number;
  status: SubmissionStatus;
  statusLabel: string;
  assignee: { id: string; name: string } | null;
  applicantName: string | null;
  applicantKana: string | null;
  receivedAt: string;
  updatedAt: string;
  revision: number;
  /** Not opened by this user since it arrived or was last corrected by the applicant. */
  unread: boolean;
  acknowledgedAt: string | null;
}

export interface InboxListResponse {
  items: InboxItem[];
  next: string | null;
  /** Submissions per status in the user's scope (tabs). */
  counts: Partial<Record<SubmissionStatus, number>>;
}

export interface AttachmentView {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** Images and PDFs can be shown in the browser (never an infected file). */
  previewable: boolean;
  /** Malware scan (issue #8): not_scanned (scanning off), pending (scanner was down; retried), clean, infected (never downloadable). */
  scanState: AttachmentScanState;
  /** The signature clamd named, for infected files. */
  scanSignature: string | null;
  scannedAt: string | null;
}


export interface AttachmentGroupView {
  specId: string;
  label: string;
  files: AttachmentView[];
}

export interface HistoryView {
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  toLabel: string;
  at: string;
  by: string;
  byName: string;
  publicNote?: string;
}

export interface NoteView {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface MessageView {
  id: string;
  kind: 'correction-request' | 'correction-answer';
  authorName: string;
  body: string;
  fields: string[];
  revision: number;
  createdAt: string;
}

export interface SubmissionView {
  id: string;
  receiptNumber: string;
  municipalityCode: string;
  procedure: { id: string; owner: string; title: string; signaturePolicy: SignaturePolicy };
  formVersion: number;
  status: SubmissionStatus;
  statusLabel: string;
  assignee: { id: string; name: string } | null;
  applicantName: string | null;
  receivedAt: string;
  updatedAt: string;
  revision: number;
  acknowledgedAt: string | null;
  strippedAt: string | null;
  /** Every answer with the label of the version it was submitted on; sensitive ones (`sensitive: true`) masked. */
  answers: AnswerLine[];
  attachments: AttachmentGroupView[];
  /** Online submissions carry no JPKI signature yet: `none`; the policy says whether one was required. */
  signature: { policy: SignaturePolicy; status: 'none' };
  history: HistoryView[];
  notes: NoteView[];
  messages: MessageView[];
  /** Earlier revisions (the current one is `revision`). */
  revisions: Array<{ revision: number; createdAt: string }>;
  /** Statuses staff may move it to (補正依頼 through the correction request). */
  transitions: Array<{ to: SubmissionStatus; label: string }>;
}

/**
 * `POST …/submissions/:id/reveal {pointers}`: the clear values of sensitive
 * answers a member of staff asked to see (audited, pointers and labels only).
 */
export interface SensitiveRevealResponse {
  answers: Array<{ pointer: string; label: string; value: string }>;
}
