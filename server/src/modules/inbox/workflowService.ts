/**
 * The staff inbox, writing side: status moves from the shared transitions
 * table (the server refuses anything else), assignment, internal notes and the
 * 補正依頼 (correction request). Each status move commits its outbox event with
 * it, so webhooks and the applicant's e-mail follow even after a crash.
 */
import { randomUUID } from 'node:crypto';
import { SUBMISSION_STATUSES, canTransition, type Language, type StatusChange, type Submission, type SubmissionStatus } from '@madoguchi/shared';
import { BadRequestError, ConflictError, ValidationError } from '../../errors';
import type { Storage } from '../../storage/types';
import { submissionEvent } from '../backoffice/events';
import { auditSubmission, type ApiActor, type StaffActor } from './actor';
import type { InboxService } from './inboxService';
import { inboxText } from './messages';
import { statusLabel } from './views';
import { MAX_REASON, isDecision, type DecisionNoticeService } from '../notices/decisionNoticeService';

export const MAX_TEXT = 2000;

export interface StatusCommand {
  to: string;
  /** The status the caller saw; the move is refused if it changed meanwhile. Defaults to the current one. */
  expected?: string;
  /** Message shown to the applicant on the status page. */
  publicNote?: string;
  /** Why it is 却下 (required then); printed on the 却下通知書. */
  reason?: string;
}

const isStatus = (s: unknown): s is SubmissionStatus => typeof s === 'string' && (SUBMISSION_STATUSES as string[]).includes(s);

export class WorkflowService {
  constructor(
    private readonly storage: Storage,
    private readonly inbox: InboxService,
    private readonly now: () => Date = () => new Date(),
    /** Closing as 処理完了 or 却下 writes the decision notice with the move (issue #21). */
    private readonly notices?: DecisionNoticeService,
  ) {}

  async changeStatus(actor: StaffActor | ApiActor, id: string, cmd: StatusCommand, language: Language): Promise<Submission> {
    if (!isStatus(cmd.to) || (cmd.expected !== undefined && !isStatus(cmd.expected))) throw new BadRequestError(inboxText(language, 'badStatus'), 'bad_status');
    if (cmd.to === 'correction-requested') throw new BadRequestError(inboxText(language, 'useCorrectionRequest'), 'use_correction_request');
    if (cmd.to === 'resubmitted') throw new BadRequestError(inboxText(language, 'resubmitByApplicant'), 'illegal_transition');
    const note = cmd.publicNote?.trim();
    if (note && note.length > MAX_TEXT) throw new BadRequestError(inboxText(language, 'publicNoteTooLong'), 'note_too_long');
    const reason = this.notices ? rejectionReason(cmd.to, cmd.reason, language) : '';
    return this.move(actor, id, cmd.to, cmd.expected, note, language, reason);
  }

  async requestCorrection(actor: StaffActor, id: string, cmd: { message?: unknown; fields?: unknown; expected?: string }, language: Language): Promise<Submission> {
    const message = typeof cmd.message === 'string' ? cmd.message.trim() : '';
    if (!message || message.length > MAX_TEXT) throw new BadRequestError(inboxText(language, 'messageRequired'), 'message_required');
    const fields = cmd.fields ?? [];
    if (!Array.isArray(fields) || fields.length > 200 || !fields.every((f) => typeof f === 'string' && /^(\/[^/]+)+$/.test(f))) {
      throw new BadRequestError(inboxText(language, 'fieldsInvalid'), 'bad_fields');
    }
    if (cmd.expected !== undefined && !isStatus(cmd.expected)) throw new BadRequestError(inboxText(language, 'badStatus'), 'bad_status');
    const moved = await this.move(actor, id, 'correction-requested', cmd.expected, message, language);
    const meta = (await this.storage.inbox.getMeta(id))!;
    await this.storage.inbox.addMessage({
      id: randomUUID(),
      submissionId: id,
      municipalityCode: moved.municipalityCode,
      kind: 'correction-request',
      author: actor.userId,
      body: message,
      fields: fields as string[],
      revision: meta.revision,
      createdAt: this.now().toISOString(),
    });
    return moved;
  }

  private async move(actor: StaffActor | ApiActor, id: string, to: SubmissionStatus, expected: SubmissionStatus | undefined, note: string | undefined, language: Language, reason = '') {
    const { submission, meta } = await this.inbox.load(id, language);
    // A retried close (the answer was lost) finds the decision made: the same submission and its one notice, no second move.
    if (this.notices && isDecision(to) && submission.status === to && (await this.notices.forSubmission(id))) return submission;
    const from = expected ?? submission.status;
    if (from !== submission.status) throw new ConflictError(inboxText(language, 'stale'), 'stale_status', 'status');
    if (!canTransition(from, to)) {
      throw new ConflictError(inboxText(language, 'illegalTransition', { from: statusLabel(from), to: statusLabel(to) }), 'illegal_transition', 'status');
    }
    const at = this.now();
    const by = actor.kind === 'staff' ? actor.userId : `api-key:${actor.keyId}`;
    const change: StatusChange = { from, to, at: at.toISOString(), by, ...(note ? { publicNote: note } : {}) };
    const event = submissionEvent('submission.status-changed', { ...submission, status: to }, change.at, { previousStatus: from, revision: meta.revision });
    const decisionNotice = this.notices && isDecision(to) ? await this.notices.prepare(submission, meta, to, reason, at, by) : undefined;
    let moved: Submission;
    try {
      // 取下げ and 却下 free the places the submission holds (issue #22), in the same transaction as the move.
      const releaseCapacity = to === 'withdrawn' || to === 'rejected';
      moved = await this.storage.submissions.changeStatus(id, from, change, at, { outbox: [event], ...(decisionNotice ? { decisionNotice } : {}), ...(releaseCapacity ? { releaseCapacity } : {}) });
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError(inboxText(language, 'stale'), 'stale_status', 'status');
      throw error;
    }
    const notice = decisionNotice ? await this.notices!.forSubmission(id) : null;
    await auditSubmission(this.storage, actor, 'submission.status', meta, at, { from, to, ...(notice ? { noticeNumber: notice.number } : {}) });
    return moved;
  }

  async assign(actor: StaffActor, id: string, assigneeId: unknown, language: Language): Promise<Submission> {
    const { meta } = await this.inbox.load(id, language);
    if (assigneeId !== null) {
      const user = typeof assigneeId === 'string' ? await this.storage.users.findById(assigneeId) : null;
      if (!user || user.disabled || user.municipalityCode !== meta.municipalityCode) throw new BadRequestError(inboxText(language, 'assigneeInvalid'), 'bad_assignee');
    }
    const at = this.now();
    const updated = await this.storage.submissions.assign(id, assigneeId as string | null, at);
    await auditSubmission(this.storage, actor, 'submission.assign', meta, at, { assigneeId });
    return updated;
  }

  async addNote(actor: StaffActor, id: string, body: unknown, language: Language): Promise<void> {
    const text = typeof body === 'string' ? body.trim() : '';
    if (!text || text.length > MAX_TEXT) throw new BadRequestError(inboxText(language, 'noteRequired'), 'note_required');
    const { meta } = await this.inbox.load(id, language);
    const at = this.now();
    await this.storage.inbox.addNote({ id: randomUUID(), submissionId: id, municipalityCode: meta.municipalityCode, authorId: actor.userId, body: text, createdAt: at.toISOString() });
    await auditSubmission(this.storage, actor, 'submission.note', meta, at);
  }
}

/**
 * 却下 needs its reason (printed on the 却下通知書): the trimmed reason, '' for any
 * other status, a 422 naming the field when it is missing or too long. Also
 * checked once up front for a bulk 却下 (bulkService.ts), which gives one reason to all.
 */
export function rejectionReason(to: string, reason: unknown, language: Language): string {
  if (to !== 'rejected') return '';
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text && text.length <= MAX_REASON) return text;
  const message =
    language === 'en'
      ? `Enter the reason for rejecting (up to ${MAX_REASON} characters); it is printed on the notice.`
      : `却下の理由を${MAX_REASON}文字以内で入力してください（却下通知書に記載されます）。`;
  throw new ValidationError(message, [{ pointer: '/reason', property: '.reason', label: language === 'en' ? 'Reason' : '却下の理由', keyword: 'required', message }]);
}
