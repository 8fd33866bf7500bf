/**
 * The pull API for back-office systems: submissions changed since a cursor
 * (every new submission, status move, correction and retention strip raises a
 * store-wide sequence, committed with the change; a retention deletion or strip
 * appears as a tombstone at its place in that order), one submission with its
 * answers and attachments, acknowledgement of receipt. Every read is audited
 * against the API key.
 */
import { answerList, signatureView, type Language, type StatusChange } from '@madoguchi/shared';
import { refuseInfected, scanStateOf } from '../uploads/scanGuard';
import { BadRequestError, NotFoundError } from '../../errors';
import type { Storage, SubmissionMeta } from '../../storage/types';
import { auditSubmission, type ApiActor } from '../inbox/actor';
import type { InboxLookups } from '../inbox/lookups';
import { inboxText } from '../inbox/messages';
import { pullCounter } from '../inbox/counterOrigin';
import { summaryOf } from '../notices/decisionNoticeService';
import type { DecisionNoticeRecord } from '../../storage/decisionNoticeTypes';

export const MAX_PULL_PAGE = 200;
/** Attachments larger than this are left out of `embed=attachments` (fetch them one by one). */
export const MAX_EMBED_BYTES = 20 * 1024 * 1024;

export interface PullItem {
  id: string;
  receiptNumber: string;
  procedureId: string;
  formVersion: number;
  status: SubmissionMeta['status'];
  revision: number;
  changeSeq: number;
  receivedAt: string;
  updatedAt: string;
  acknowledgedRevision: number | null;
  /** True when retention removed the answers and files. */
  stripped: boolean;
  /** online, or counter (made at the counter: the single application carries `counter`). */
  channel: SubmissionMeta['channel'];
}

/**
 * Where the feed says a submission was removed by retention, at the change sequence
 * it happened (exactly once for a cursor). Ids and time only, no personal data.
 */
export interface PullTombstone {
  kind: 'deleted' | 'stripped';
  changeSeq: number;
  submissionId: string;
  receiptNumber: string;
  procedureId: string;
  at: string;
}

export const encodePullCursor = (seq: number) => Buffer.from(JSON.stringify({ seq })).toString('base64url');

export function decodePullCursor(cursor: string | undefined, language: Language): number {
  if (!cursor) return 0;
  try {
    const { seq } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { seq: unknown };
    if (typeof seq === 'number' && Number.isInteger(seq) && seq >= 0) return seq;
  } catch {
    // fall through
  }
  throw new BadRequestError(inboxText(language, 'badCursor'), 'bad_cursor');
}

/** A feed entry: a stripped submission is announced by its tombstone (its last change), any other by its item. */
const entry = (m: SubmissionMeta): PullItem | PullTombstone =>
  m.strippedAt ? { kind: 'stripped', changeSeq: m.changeSeq, submissionId: m.id, receiptNumber: m.receiptNumber, procedureId: m.procedureId, at: m.strippedAt } : item(m);

const item = (m: SubmissionMeta): PullItem => ({
  id: m.id,
  receiptNumber: m.receiptNumber,
  procedureId: m.procedureId,
  formVersion: m.formVersion,
  status: m.status,
  revision: m.revision,
  changeSeq: m.changeSeq,
  receivedAt: m.createdAt,
  updatedAt: m.updatedAt,
  acknowledgedRevision: m.acknowledgedRevision ?? null,
  stripped: !!m.strippedAt,
  channel: m.channel,
});

export class PullService {
  constructor(
    private readonly storage: Storage,
    private readonly lookups: InboxLookups,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async changes(actor: ApiActor, q: { after?: string; limit?: number; procedureId?: string }, language: Language) {
    const afterSeq = decodePullCursor(q.after, language);
    const limit = Math.min(Math.max(q.limit ?? 100, 1), MAX_PULL_PAGE);
    const query = { municipalityCode: actor.municipalityCode, afterSeq, limit, ...(q.procedureId ? { procedureId: q.procedureId } : {}) };
    const [metas, deletions] = await Promise.all([this.storage.inbox.changes(query), this.storage.inbox.tombstones(query)]);
    // One order for both: a deletion sits where its change sequence puts it; a page ends at `limit` entries.
    const merged = [
      ...metas.map(entry),
      ...deletions.map((t): PullTombstone => ({ kind: 'deleted', changeSeq: t.changeSeq, submissionId: t.submissionId, receiptNumber: t.receiptNumber, procedureId: t.procedureId, at: t.at })),
    ].sort((a, b) => a.changeSeq - b.changeSeq);
    const page = merged.slice(0, limit);
    const last = page.at(-1);
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor: `api-key:${actor.keyId}`,
      action: 'api.changes',
      municipalityCode: actor.municipalityCode,
      targetType: 'inbox',
      targetId: actor.municipalityCode,
      details: { afterSeq, listed: page.map((m) => m.receiptNumber) },
    });
    // The cursor always moves to the last item seen; an empty page keeps it, so polling resumes where it was.
    return { items: page, next: encodePullCursor(last ? last.changeSeq : afterSeq), hasMore: merged.length > limit || metas.length === limit || deletions.length === limit };
  }

  /** The submission a receipt number names, if it belongs to the key's municipality (else 404: no probing across tenants). */
  async meta(actor: ApiActor, receiptNumber: string, language: Language): Promise<SubmissionMeta> {
    const meta = await this.storage.inbox.getMetaByReceipt(receiptNumber);
    if (!meta || meta.municipalityCode !== actor.municipalityCode) throw new NotFoundError(inboxText(language, 'submissionNotFound'), 'submission_not_found');
    return meta;
  }

  async get(actor: ApiActor, receiptNumber: string, options: { embedAttachments: boolean }, language: Language) {
    const meta = await this.meta(actor, receiptNumber, language);
    const s = await this.storage.submissions.findById(meta.id);
    const version = s && (await this.lookups.version(s.procedureOwner, s.procedureId, s.formVersion));
    if (!s || !version) throw new NotFoundError(inboxText(language, 'submissionNotFound'), 'submission_not_found');
    const attachments = [];
    let embedded = 0;
    for (const [specId, ids] of Object.entries(s.attachments)) {
      const files = [];
      for (const fileId of ids) {
        const f = await this.storage.files.getMeta(fileId);
        if (!f) continue;
        // An infected file's content is never handed out (scanGuard.ts); its entry still says why.
        const embed = options.embedAttachments && scanStateOf(f) !== 'infected' && embedded + f.size <= MAX_EMBED_BYTES;
        const content = embed ? await this.storage.files.getContent(fileId) : null;
        if (content) embedded += f.size;
        files.push({
          id: f.id,
          fileName: f.fileName,
          mediaType: f.mediaType,
          size: f.size,
          sha256: f.sha256,
          scanState: scanStateOf(f),
          scanSignature: f.scanSignature ?? null,
          href: `/api/v1/backoffice/submissions/${s.receiptNumber}/files/${f.id}`,
          ...(content ? { contentBase64: content.toString('base64') } : {}),
        });
      }
      attachments.push({ specId, label: version.procedure.attachments.find((a) => a.id === specId)?.label ?? specId, files });
    }
    const [revisions, notice] = await Promise.all([this.storage.inbox.listRevisions(s.id), this.storage.decisionNotices.forSubmission(s.id)]);
    await auditSubmission(this.storage, actor, 'submission.read', meta, this.now(), { revision: meta.revision, embeddedAttachments: embedded > 0 });
    return {
      ...item(meta),
      municipalityCode: s.municipalityCode,
      procedureTitle: version.procedure.title,
      data: s.data,
      // Back-office systems (基幹系) take the application in full through their API key: nothing is masked.
      answers: answerList(version.schema, s.data, { revealSensitive: true }).map(({ pointer, label, value, depth, isGroup }) => ({ pointer, label, value, depth, isGroup })),
      attachments,
      history: s.history.map((h: StatusChange) => ({ from: h.from, to: h.to, at: h.at, by: h.by, ...(h.publicNote ? { publicNote: h.publicNote } : {}) })),
      revisions: revisions.map((r) => ({ revision: r.revision, createdAt: r.createdAt })),
      signature: signatureView(version.procedure.signaturePolicy, s.evidence?.signature),
      ...(s.evidence?.identity ? { identity: s.evidence.identity } : {}),
      // Made at the counter: who served, where each answer came from, the confirmation and the drawn signature (the system keeps the record).
      ...(s.counter ? { counter: await pullCounter({ ...s, counter: s.counter }, this.lookups, revisions[0]?.data) } : {}),
      // Closed as 処理完了 or 却下: the notice the resident received, and where its PDF is (issue #21).
      ...(notice ? { notice: { ...summaryOf(notice), href: `/api/v1/backoffice/submissions/${s.receiptNumber}/notice/pdf` } } : {}),
    };
  }

  /** The decision notice of a submission, for its PDF (404 when not decided); audited. */
  async notice(actor: ApiActor, receiptNumber: string, language: Language): Promise<DecisionNoticeRecord> {
    const meta = await this.meta(actor, receiptNumber, language);
    const notice = await this.storage.decisionNotices.forSubmission(meta.id);
    if (!notice) throw new NotFoundError(language === 'en' ? 'No decision notice has been issued.' : '決定通知書は発行されていません。', 'notice_not_found');
    await auditSubmission(this.storage, actor, 'notice.read', meta, this.now(), { number: notice.number });
    return notice;
  }

  async file(actor: ApiActor, receiptNumber: string, fileId: string, language: Language) {
    const meta = await this.meta(actor, receiptNumber, language);
    const f = await this.storage.files.getMeta(fileId);
    const content = f && f.submissionId === meta.id ? await this.storage.files.getContent(fileId) : null;
    if (!f || !content) throw new NotFoundError(inboxText(language, 'fileNotFound'), 'file_not_found');
    refuseInfected(f, language);
    await auditSubmission(this.storage, actor, 'submission.file.read', meta, this.now(), { fileId, fileName: f.fileName });
    return { meta: f, content };
  }

  async acknowledge(actor: ApiActor, receiptNumber: string, revision: unknown, language: Language) {
    const meta = await this.meta(actor, receiptNumber, language);
    const rev = revision === undefined ? meta.revision : revision;
    if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 1 || rev > meta.revision) throw new BadRequestError(inboxText(language, 'revisionNotFound'), 'bad_revision');
    const at = this.now();
    const acked = await this.storage.inbox.acknowledge(meta.id, `api-key:${actor.keyId}`, rev, at);
    await auditSubmission(this.storage, actor, 'submission.acknowledged', meta, at, { revision: rev });
    return item(acked);
  }
}
