/**
 * What the staff inbox API returns (documented in http/openapi). Built from
 * storage rows; labels come from the form version a submission was made on.
 */
import { STATUS_LABELS, SUBMISSION_TRANSITIONS, type AnswerLine, type SignaturePolicy, type StatusChange, type SubmissionStatus } from '@madoguchi/shared';
import type { SubmissionMessage, SubmissionMeta, SubmissionNote } from '../../storage/types';
import type { InboxLookups } from './lookups';

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
  /** Images and PDFs can be shown in the browser. */
  previewable: boolean;
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
  kind: SubmissionMessage['kind'];
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
  /** Every answer with the label of the version it was submitted on. */
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

export const PREVIEWABLE = new Set(['image/jpeg', 'image/png', 'application/pdf']);

export const statusLabel = (s: SubmissionStatus) => STATUS_LABELS[s].ja;

/** Moves a desk may make by hand: everything the table allows except the applicant's own 再提出. */
export function staffTransitions(status: SubmissionStatus) {
  return SUBMISSION_TRANSITIONS[status].filter((to) => to !== 'resubmitted').map((to) => ({ to, label: statusLabel(to) }));
}

export async function inboxItem(meta: SubmissionMeta, title: string, lookups: InboxLookups, readRevision: number | undefined): Promise<InboxItem> {
  const assigneeName = await lookups.userName(meta.assigneeId);
  return {
    id: meta.id,
    receiptNumber: meta.receiptNumber,
    procedureId: meta.procedureId,
    procedureTitle: title,
    formVersion: meta.formVersion,
    status: meta.status,
    statusLabel: statusLabel(meta.status),
    assignee: meta.assigneeId ? { id: meta.assigneeId, name: assigneeName ?? meta.assigneeId } : null,
    applicantName: meta.applicantName ?? null,
    applicantKana: meta.applicantKana ?? null,
    receivedAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    revision: meta.revision,
    unread: readRevision === undefined || readRevision < meta.revision,
    acknowledgedAt: meta.acknowledgedAt ?? null,
  };
}

export async function historyView(history: StatusChange[], lookups: InboxLookups): Promise<HistoryView[]> {
  return Promise.all(
    history.map(async (h) => ({
      from: h.from, to: h.to, toLabel: statusLabel(h.to), at: h.at, by: h.by, byName: await lookups.actorName(h.by), ...(h.publicNote ? { publicNote: h.publicNote } : {}),
    })),
  );
}

export async function noteView(n: SubmissionNote, lookups: InboxLookups): Promise<NoteView> {
  return { id: n.id, authorId: n.authorId, authorName: await lookups.actorName(n.authorId), body: n.body, createdAt: n.createdAt };
}

export async function messageView(m: SubmissionMessage, lookups: InboxLookups): Promise<MessageView> {
  return { id: m.id, kind: m.kind, authorName: await lookups.actorName(m.author), body: m.body, fields: m.fields, revision: m.revision, createdAt: m.createdAt };
}
