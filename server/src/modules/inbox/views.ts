/**
 * What the staff inbox API returns (documented in http/openapi). Built from
 * storage rows; labels come from the form version a submission was made on.
 */
import { STATUS_LABELS, SUBMISSION_TRANSITIONS, type StatusChange, type SubmissionStatus } from '@madoguchi/shared';
import type { SubmissionMessage, SubmissionMeta, SubmissionNote } from '../../storage/types';
import type { InboxLookups } from './lookups';

import type { InboxItem, InboxListResponse, AttachmentView, AttachmentGroupView, HistoryView, NoteView, MessageView, SubmissionView } from '@madoguchi/shared';

// The shapes live in shared (the console uses them too); re-exported for the server's modules.
export type { InboxItem, InboxListResponse, AttachmentView, AttachmentGroupView, HistoryView, NoteView, MessageView, SubmissionView };

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
    versionLabel: await lookups.versionLabel(meta.procedureOwner, meta.procedureId, meta.formVersion),
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
    channel: meta.channel,
  };
}

export async function historyView(history: StatusChange[], lookups: InboxLookups): Promise<HistoryView[]> {
  return Promise.all(
    history.map(async (h) => ({
      from: h.from,
      to: h.to,
      toLabel: statusLabel(h.to),
      at: h.at,
      by: h.by,
      byName: await lookups.actorName(h.by),
      ...(h.publicNote ? { publicNote: h.publicNote } : {}),
    })),
  );
}

export async function noteView(n: SubmissionNote, lookups: InboxLookups): Promise<NoteView> {
  return { id: n.id, authorId: n.authorId, authorName: await lookups.actorName(n.authorId), body: n.body, createdAt: n.createdAt };
}

export async function messageView(m: SubmissionMessage, lookups: InboxLookups): Promise<MessageView> {
  return { id: m.id, kind: m.kind, authorName: await lookups.actorName(m.author), body: m.body, fields: m.fields, revision: m.revision, createdAt: m.createdAt };
}
