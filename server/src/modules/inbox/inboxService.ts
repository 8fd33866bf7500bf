/**
 * The staff inbox, reading side: the list (fast at a million rows: plain index
 * columns only, no answer decrypted), one submission with the labels of its
 * own form version, earlier revisions and attachments. Every read of a
 * submission leaves an audit event; opening one clears its unread marker.
 */
import { answerList, channelOf, signatureView, type FormVersion, type Language, type Submission } from '@madoguchi/shared';
import { refuseInfected, scanStateOf } from '../uploads/scanGuard';
import { NotFoundError } from '../../errors';
import type { InboxQuery, Storage, StoredFileMeta, SubmissionMeta } from '../../storage/types';
import { auditSubmission, type StaffActor } from './actor';
import { auditDetailsFor } from '../disasters/grantAudit';
import type { InboxLookups } from './lookups';
import { inboxText } from './messages';
import type { ParsedListQuery } from './listQuery';
import { counterView, drawnSignaturePng } from './counterOrigin';
import { deadlineField } from '../deadlines/deadlineFields';
import { revisionDiff, type RevisionDiff, type RevisionSide } from './revisionDiff';
import { PREVIEWABLE, historyView, inboxItem, messageView, pageLabels, noteView, staffTransitions, statusLabel, type AttachmentGroupView, type InboxListResponse, type SubmissionView } from './views';

/** The diff as the staff page receives it (contract: RevisionDiff). */
export type RevisionDiffView = RevisionDiff & { revision: number; previous: number; createdAt: string; previousCreatedAt: string };

export class InboxService {
  constructor(
    private readonly storage: Storage,
    private readonly lookups: InboxLookups,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Staff limited to some procedures see only those (the policy checks single submissions; the list filters). */
  private scoped(actor: StaffActor, q: Omit<InboxQuery, 'municipalityCode'>): InboxQuery {
    return { ...q, municipalityCode: actor.municipalityCode, ...(actor.procedureIds?.length ? { procedureIds: actor.procedureIds } : {}) };
  }

  async list(actor: StaffActor, q: Omit<InboxQuery, 'municipalityCode'>): Promise<InboxListResponse> {
    const { unreadMessages, ...rest } = q as ParsedListQuery;
    const withUnread = new Set(await this.storage.messageReads.unreadByDesk(actor.municipalityCode));
    const query = { ...this.scoped(actor, rest), ...(unreadMessages ? { submissionIds: [...withUnread] } : {}) };
    const [page, counts] = await Promise.all([this.storage.inbox.list(query), this.storage.inbox.countByStatus(actor.municipalityCode, query.procedureIds)]);
    const reads = await this.storage.inbox.readRevisions(
      actor.userId,
      page.items.map((m) => m.id),
    );
    const labels = await pageLabels(page.items, this.lookups);
    const now = this.now();
    const items = page.items.map((m) => inboxItem(m, labels, reads[m.id], withUnread.has(m.id), now));
    // The list shows names: one audit event per page, naming what was shown.
    await this.storage.audit.append(
      {
        at: this.now().toISOString(),
        actor: actor.userId,
        action: 'inbox.list',
        municipalityCode: actor.municipalityCode,
        targetType: 'inbox',
        targetId: actor.municipalityCode,
        details: auditDetailsFor(actor.lentFrom ?? null, { shown: page.items.map((m) => m.receiptNumber), filter: { ...q, after: undefined } }),
      },
      { waitForDisk: false },
    );
    return { items, next: page.next ?? null, counts };
  }

  /** Loads a submission with the version it was made on; 404 when either is missing. */
  async load(id: string, language: Language): Promise<{ submission: Submission; meta: SubmissionMeta; version: FormVersion }> {
    const [submission, meta] = await Promise.all([this.storage.submissions.findById(id), this.storage.inbox.getMeta(id)]);
    if (!submission || !meta) throw new NotFoundError(inboxText(language, 'submissionNotFound'), 'submission_not_found');
    const version = await this.lookups.version(submission.procedureOwner, submission.procedureId, submission.formVersion);
    if (!version) throw new NotFoundError(inboxText(language, 'submissionNotFound'), 'submission_not_found');
    return { submission, meta, version };
  }

  async view(actor: StaffActor, id: string, language: Language): Promise<SubmissionView> {
    const { submission: s, meta, version } = await this.load(id, language);
    const [notes, messages, revisions, attachments] = await Promise.all([
      this.storage.inbox.listNotes(id),
      this.storage.inbox.listMessages(id),
      this.storage.inbox.listRevisions(id),
      this.attachmentGroups(s, version),
    ]);
    const at = this.now();
    const counter = await counterView(s, this.lookups, revisions[0]?.data);
    await auditSubmission(this.storage, actor, 'submission.read', meta, at, { revision: meta.revision });
    await this.storage.inbox.markRead(actor.userId, id, meta.revision, at);
    return {
      id: s.id,
      receiptNumber: s.receiptNumber,
      municipalityCode: s.municipalityCode,
      procedure: { id: version.procedureId, owner: version.owner, title: version.procedure.title, signaturePolicy: version.procedure.signaturePolicy },
      formVersion: s.formVersion,
      versionLabel: await this.lookups.versionLabel(s.procedureOwner, s.procedureId, s.formVersion, language),
      status: s.status,
      statusLabel: statusLabel(s.status),
      assignee: s.assigneeId ? { id: s.assigneeId, name: (await this.lookups.userName(s.assigneeId)) ?? s.assigneeId } : null,
      applicantName: meta.applicantName ?? null,
      receivedAt: s.createdAt,
      updatedAt: s.updatedAt,
      revision: meta.revision,
      acknowledgedAt: meta.acknowledgedAt ?? null,
      strippedAt: meta.strippedAt ?? null,
      answers: answerList(version.schema, s.data, { language }),
      attachments,
      signature: signatureView(version.procedure.signaturePolicy, s.evidence?.signature),
      ...(s.evidence?.identity ? { identity: s.evidence.identity } : {}),
      channel: channelOf(s),
      ...(counter ? { counter } : {}),
      history: await historyView(s.history, this.lookups),
      notes: await Promise.all(notes.map((n) => noteView(n, this.lookups))),
      messages: await Promise.all(messages.map((m) => messageView(m, this.lookups))),
      revisions: revisions.map((r) => ({ revision: r.revision, createdAt: r.createdAt })),
      transitions: staffTransitions(s.status),
      ...deadlineField(meta, s.history, at),
    };
  }

  /** An earlier revision's answers, labelled by the version that revision was made on. */
  async revision(actor: StaffActor, id: string, revision: number, language: Language) {
    const { meta, version: current } = await this.load(id, language);
    const found = (await this.storage.inbox.listRevisions(id)).find((r) => r.revision === revision);
    if (!found) throw new NotFoundError(inboxText(language, 'revisionNotFound'), 'revision_not_found');
    const version = found.formVersion === current.version ? current : await this.lookups.version(meta.procedureOwner, meta.procedureId, found.formVersion);
    await auditSubmission(this.storage, actor, 'submission.read', meta, this.now(), { revision });
    return { revision: found.revision, createdAt: found.createdAt, formVersion: found.formVersion, answers: version ? answerList(version.schema, found.data, { language }) : [] };
  }

  /**
   * Revision n against revision n-1 (n may be the current one): what the resident or the counter changed.
   * Each side is labelled by its own form version; sensitive answers are compared, never shown.
   */
  async revisionDiff(actor: StaffActor, id: string, revision: number, language: Language): Promise<RevisionDiffView> {
    const { submission: s, meta, version: current } = await this.load(id, language);
    const earlier = await this.storage.inbox.listRevisions(id);
    // As the store dates an archived revision: its last (re)submission.
    const submittedAt = s.history.filter((h) => h.to === 'received' || h.to === 'resubmitted').at(-1)?.at ?? s.createdAt;
    const state = (n: number) => (n === meta.revision ? { data: s.data, attachments: s.attachments, formVersion: s.formVersion, createdAt: submittedAt } : earlier.find((r) => r.revision === n));
    const [before, after] = [state(revision - 1), state(revision)];
    if (revision < 2 || !before || !after) throw new NotFoundError(inboxText(language, 'revisionNotFound'), 'revision_not_found');
    const side = async (r: NonNullable<typeof before>): Promise<RevisionSide> => {
      const version = r.formVersion === current.version ? current : await this.lookups.version(meta.procedureOwner, meta.procedureId, r.formVersion);
      const files = await Promise.all(
        Object.entries(r.attachments).map(async ([specId, ids]) => ({
          specId,
          label: version?.procedure.attachments.find((a) => a.id === specId)?.label ?? specId,
          files: (await Promise.all(ids.map((fid) => this.storage.files.getMeta(fid)))).filter((m): m is StoredFileMeta => m !== null).map((m) => ({ id: m.id, fileName: m.fileName })),
        })),
      );
      return { answers: version ? answerList(version.schema, r.data, { revealSensitive: true, language }) : [], files };
    };
    const diff = revisionDiff(await side(before), await side(after));
    await auditSubmission(this.storage, actor, 'submission.read', meta, this.now(), { revision, comparedWith: revision - 1 });
    return { revision, previous: revision - 1, createdAt: after.createdAt, previousCreatedAt: before.createdAt, ...diff };
  }

  /** One attachment of the submission (current or earlier revision), audited. */
  async file(actor: StaffActor, id: string, fileId: string, language: Language): Promise<{ meta: StoredFileMeta; content: Buffer }> {
    const sub = await this.storage.inbox.getMeta(id);
    const meta = await this.storage.files.getMeta(fileId);
    const content = meta && sub && meta.submissionId === id ? await this.storage.files.getContent(fileId) : null;
    if (!sub || !meta || !content) throw new NotFoundError(inboxText(language, 'fileNotFound'), 'file_not_found');
    refuseInfected(meta, language);
    await auditSubmission(this.storage, actor, 'submission.file.read', sub, this.now(), { fileId, fileName: meta.fileName });
    return { meta, content };
  }

  /** The signature a visitor drew on the counter tablet, audited like an attachment. */
  async counterSignature(actor: StaffActor, id: string, language: Language): Promise<Buffer> {
    const [submission, meta] = await Promise.all([this.storage.submissions.findById(id), this.storage.inbox.getMeta(id)]);
    const png = drawnSignaturePng(submission?.counter);
    if (!meta || !png) throw new NotFoundError(inboxText(language, 'counterSignatureNotFound'), 'signature_not_found');
    await auditSubmission(this.storage, actor, 'submission.signature-image.read', meta, this.now());
    return png;
  }

  private async attachmentGroups(s: Submission, version: FormVersion): Promise<AttachmentGroupView[]> {
    const groups: AttachmentGroupView[] = [];
    for (const [specId, ids] of Object.entries(s.attachments)) {
      const spec = version.procedure.attachments.find((a) => a.id === specId);
      const metas = (await Promise.all(ids.map((fid) => this.storage.files.getMeta(fid)))).filter((m): m is StoredFileMeta => m !== null);
      groups.push({
        specId,
        label: spec?.label ?? specId,
        files: metas.map((m) => ({
          id: m.id,
          fileName: m.fileName,
          mediaType: m.mediaType,
          size: m.size,
          previewable: PREVIEWABLE.has(m.mediaType) && scanStateOf(m) !== 'infected',
          scanState: scanStateOf(m),
          scanSignature: m.scanSignature ?? null,
          scannedAt: m.scannedAt ?? null,
        })),
      });
    }
    return groups;
  }

  /** Colleagues a submission can be assigned to (names only). */
  async assignees(municipalityCode: string): Promise<Array<{ id: string; name: string; role: string }>> {
    const users = await this.storage.users.list({ municipalityCode });
    return users.filter((u) => !u.disabled).map((u) => ({ id: u.id, name: u.displayName, role: u.role }));
  }
}
