/**
 * What the staff inbox API returns (documented in http/openapi). Built from
 * storage rows; labels come from the form version a submission was made on.
 */
import { STATUS_LABELS, SUBMISSION_TRANSITIONS, deadlineViewOf, type StatusChange, type SubmissionStatus } from '@madoguchi/shared';
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

/** The names and labels a list page shows, each looked up once per page (fifty rows share a handful of versions and assignees). */
export interface PageLabels {
  /** By `labelKey` (owner/procedure@version): the procedure's title and the version's wording in that version. */
  versions: Map<string, { title: string; versionLabel: string }>;
  /** Assignee id → display name. */
  users: Map<string, string>;
}

const labelKey = (m: Pick<SubmissionMeta, 'procedureOwner' | 'procedureId' | 'formVersion'>) => `${m.procedureOwner}/${m.procedureId}@${m.formVersion}`;

export async function pageLabels(rows: readonly SubmissionMeta[], lookups: InboxLookups): Promise<PageLabels> {
  const versions = new Map<string, { title: string; versionLabel: string }>();
  const users = new Map<string, string>();
  for (const m of rows) {
    const key = labelKey(m);
    if (!versions.has(key)) {
      const version = await lookups.version(m.procedureOwner, m.procedureId, m.formVersion);
      versions.set(key, { title: version?.procedure.title ?? m.procedureId, versionLabel: await lookups.versionLabel(m.procedureOwner, m.procedureId, m.formVersion) });
    }
    if (m.assigneeId && !users.has(m.assigneeId)) users.set(m.assigneeId, (await lookups.userName(m.assigneeId)) ?? m.assigneeId);
  }
  return { versions, users };
}

/** One list row; synchronous and built in one literal: a page maps fifty of these per request. */
export function inboxItem(meta: SubmissionMeta, labels: PageLabels, readRevision: number | undefined, unreadMessages: boolean, now: Date): InboxItem {
  const version = labels.versions.get(labelKey(meta))!;
  const item: InboxItem = {
    id: meta.id,
    receiptNumber: meta.receiptNumber,
    procedureId: meta.procedureId,
    procedureTitle: version.title,
    formVersion: meta.formVersion,
    versionLabel: version.versionLabel,
    status: meta.status,
    statusLabel: statusLabel(meta.status),
    assignee: meta.assigneeId ? { id: meta.assigneeId, name: labels.users.get(meta.assigneeId) ?? meta.assigneeId } : null,
    applicantName: meta.applicantName ?? null,
    applicantKana: meta.applicantKana ?? null,
    receivedAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    revision: meta.revision,
    unread: readRevision === undefined || readRevision < meta.revision,
    acknowledgedAt: meta.acknowledgedAt ?? null,
    channel: meta.channel,
  };
  if (meta.deadline) item.deadline = deadlineViewOf(meta.deadline, meta.status, [], now);
  if (unreadMessages) item.unreadMessages = true;
  return item;
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
