/**
 * The message thread of a submission (issue #21): the desk and the applicant
 * write to each other outside a 補正依頼 (a question, a reminder), with files.
 * One thread per submission holds the correction requests, their answers and
 * these free messages in time order. Each side has a read position; a message
 * from the other side after it is unread. A new message starts a content-free
 * e-mail notice through the outbox (`submission.message`).
 *
 * Closed (final) submissions: messages stay allowed — a resident may ask about
 * a decision — until retention strips or deletes the submission; after a
 * strip the thread is closed (`thread_closed`).
 */
import { randomUUID, createHash } from 'node:crypto';
import { type Language } from '@madoguchi/shared';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors';
import type { MessageSide, Storage, StoredFileMeta, SubmissionMessage, SubmissionMeta } from '../../storage/types';
import { sniffMediaType } from '../uploads/sniffMediaType';
import { MalwareDetectedError, UnsupportedMediaTypeError } from '../uploads/uploadService';
import type { FileScanService } from '../uploads/fileScans';
import { auditSubmission, type ApplicantActor, type StaffActor } from './actor';
import type { InboxLookups } from './lookups';
import { threadText } from './threadMessages';
import { submissionByReceipt } from '../status/receiptAccess';

export const MESSAGE_MAX_CHARS = 2000;
export const MESSAGE_MAX_FILES = 3;
export const MESSAGE_MAX_FILE_MB = 10;
export const MESSAGE_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

export interface ThreadFile {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface ThreadItem {
  id: string;
  kind: SubmissionMessage['kind'];
  from: MessageSide;
  /** Staff see the clerk's name; the applicant sees 「窓口」. */
  authorName: string;
  body: string;
  createdAt: string;
  /** Written by the other side after the reader's previous read position. */
  unread: boolean;
  attachments: ThreadFile[];
  /** JSON pointers of the answers a correction request asks about, or its answer changed. */
  fields: string[];
}

export interface ThreadView {
  receiptNumber: string;
  items: ThreadItem[];
  unreadCount: number;
  /** False once retention stripped the submission. */
  canWrite: boolean;
}

export interface IncomingFile {
  fileName: string;
  content: Buffer;
}

export class MessageThreadService {
  constructor(
    private readonly storage: Storage,
    private readonly lookups: InboxLookups,
    private readonly now: () => Date = () => new Date(),
    private readonly scans?: FileScanService,
  ) {}

  /** The submission behind a receipt number and secret; one 404 for every mismatch (as the status page). */
  private async applicant(receiptInput: string, secret: string, language: Language) {
    const submission = await submissionByReceipt(this.storage, receiptInput, secret, language);
    const meta = (await this.storage.inbox.getMeta(submission.id))!;
    return { meta, actor: { kind: 'applicant', receiptNumber: submission.receiptNumber } as ApplicantActor };
  }

  private async staffMeta(id: string, language: Language): Promise<SubmissionMeta> {
    const meta = await this.storage.inbox.getMeta(id);
    if (!meta) throw new NotFoundError(threadText(language, 'submissionNotFound'), 'submission_not_found');
    return meta;
  }

  /** The thread as one side sees it; marks the other side's messages read. */
  private async read(meta: SubmissionMeta, side: MessageSide, language: Language): Promise<ThreadView> {
    const [messages, position] = await Promise.all([this.storage.inbox.listMessages(meta.id), this.storage.messageReads.readPosition(meta.id, side)]);
    const items: ThreadItem[] = [];
    for (const m of messages) {
      const from: MessageSide = m.author === 'applicant' ? 'applicant' : 'desk';
      const files = await Promise.all((m.attachments ?? []).map((id) => this.storage.files.getMeta(id)));
      items.push({
        id: m.id,
        kind: m.kind,
        from,
        authorName: from === 'applicant' ? threadText(language, 'applicantName') : side === 'desk' ? await this.lookups.actorName(m.author) : threadText(language, 'deskName'),
        body: m.body,
        createdAt: m.createdAt,
        unread: from !== side && (!position || m.createdAt > position),
        attachments: files.filter((f): f is StoredFileMeta => !!f).map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, size: f.size })),
        fields: m.fields,
      });
    }
    const last = messages.at(-1)?.createdAt;
    if (last) await this.storage.messageReads.markRead(meta.id, side, last);
    return { receiptNumber: meta.receiptNumber, items, unreadCount: items.filter((i) => i.unread).length, canWrite: !meta.strippedAt };
  }

  async applicantThread(receipt: string, secret: string, language: Language): Promise<ThreadView> {
    const { meta, actor } = await this.applicant(receipt, secret, language);
    const view = await this.read(meta, 'applicant', language);
    await auditSubmission(this.storage, actor, 'submission.read', meta, this.now(), { by: 'applicant', thread: true });
    return view;
  }

  async staffThread(actor: StaffActor, id: string, language: Language): Promise<ThreadView> {
    const meta = await this.staffMeta(id, language);
    const view = await this.read(meta, 'desk', language);
    await auditSubmission(this.storage, actor, 'submission.read', meta, this.now(), { thread: true });
    return view;
  }

  async applicantWrite(receipt: string, secret: string, body: unknown, files: IncomingFile[], language: Language): Promise<{ id: string }> {
    const { meta, actor } = await this.applicant(receipt, secret, language);
    return this.write(meta, 'applicant', actor, body, files, language);
  }

  async staffWrite(actor: StaffActor, id: string, body: unknown, files: IncomingFile[], language: Language): Promise<{ id: string }> {
    return this.write(await this.staffMeta(id, language), actor.userId, actor, body, files, language);
  }

  /** The file of a message in the applicant's own thread (never a file of the application itself). */
  async applicantFile(receipt: string, secret: string, fileId: string, language: Language): Promise<{ meta: StoredFileMeta; content: Buffer }> {
    const { meta, actor } = await this.applicant(receipt, secret, language);
    const inThread = (await this.storage.inbox.listMessages(meta.id)).some((m) => m.attachments?.includes(fileId));
    const file = inThread ? await this.storage.files.getMeta(fileId) : null;
    const content = file && file.submissionId === meta.id && file.scanState !== 'infected' ? await this.storage.files.getContent(fileId) : null;
    if (!file || !content) throw new NotFoundError(threadText(language, 'fileNotFound'), 'file_not_found');
    await auditSubmission(this.storage, actor, 'submission.file.read', meta, this.now(), { fileId, fileName: file.fileName, by: 'applicant' });
    return { meta: file, content };
  }

  /** Checks everything first, so that bad input stores nothing; then stores the files, the message, the notice event. */
  private async write(meta: SubmissionMeta, author: string, actor: StaffActor | ApplicantActor, body: unknown, files: IncomingFile[], language: Language): Promise<{ id: string }> {
    if (meta.strippedAt) throw new ConflictError(threadText(language, 'threadClosed'), 'thread_closed');
    const text = typeof body === 'string' ? body.trim() : '';
    if (!text) throw new BadRequestError(threadText(language, 'bodyRequired', { max: MESSAGE_MAX_CHARS }), 'message_required');
    if ([...text].length > MESSAGE_MAX_CHARS) throw new BadRequestError(threadText(language, 'bodyTooLong', { max: MESSAGE_MAX_CHARS }), 'message_too_long');
    if (files.length > MESSAGE_MAX_FILES) throw new BadRequestError(threadText(language, 'tooManyFiles', { max: MESSAGE_MAX_FILES }), 'too_many_files');
    const at = this.now();
    const checked: Array<{ meta: StoredFileMeta; content: Buffer }> = [];
    for (const f of files) {
      if (f.content.length === 0) throw new BadRequestError(threadText(language, 'fileEmpty', { name: f.fileName }), 'empty_file');
      if (f.content.length > MESSAGE_MAX_FILE_MB * 1024 * 1024) throw new BadRequestError(threadText(language, 'fileTooLarge', { name: f.fileName, max: MESSAGE_MAX_FILE_MB }), 'file_too_large');
      const mediaType = sniffMediaType(f.content.subarray(0, 16));
      if (!mediaType || !MESSAGE_FILE_TYPES.includes(mediaType)) throw new UnsupportedMediaTypeError(threadText(language, 'fileType', { name: f.fileName }));
      const sha256 = createHash('sha256').update(f.content).digest('hex');
      const id = randomUUID();
      const scan = this.scans ? await this.scans.scanUpload(f.content) : ({ state: 'not_scanned' } as const);
      if (scan.state === 'infected') {
        await this.scans?.auditInfected({ id, municipalityCode: meta.municipalityCode, sha256, size: f.content.length, mediaType }, scan.signature, 'upload.malware_refused', {
          submissionId: meta.id,
          thread: true,
        });
        throw new MalwareDetectedError(threadText(language, 'fileInfected', { name: f.fileName, signature: scan.signature }));
      }
      checked.push({
        content: f.content,
        meta: {
          id,
          municipalityCode: meta.municipalityCode,
          fileName: cleanName(f.fileName),
          mediaType,
          size: f.content.length,
          sha256,
          submissionId: meta.id,
          uploadToken: `thread:${meta.id}`,
          createdAt: at.toISOString(),
          scanState: scan.state,
          ...(scan.state === 'clean' ? { scannedAt: scan.scannedAt } : {}),
        },
      });
    }
    for (const f of checked) await this.storage.files.put(f.meta, f.content);
    const message: SubmissionMessage = {
      id: randomUUID(),
      submissionId: meta.id,
      municipalityCode: meta.municipalityCode,
      kind: 'message',
      author,
      body: text,
      fields: [],
      revision: meta.revision,
      createdAt: at.toISOString(),
      ...(checked.length ? { attachments: checked.map((f) => f.meta.id) } : {}),
    };
    const from: MessageSide = author === 'applicant' ? 'applicant' : 'desk';
    // Ids and who wrote, never the text: webhooks and the e-mail notice carry no content. Committed with the message.
    const notice = {
      id: randomUUID(),
      type: 'submission.message' as const,
      municipalityCode: meta.municipalityCode,
      procedureId: meta.procedureId,
      submissionId: meta.id,
      receiptNumber: meta.receiptNumber,
      data: { submissionId: meta.id, receiptNumber: meta.receiptNumber, procedureId: meta.procedureId, status: meta.status, from, messageId: message.id },
      createdAt: message.createdAt,
    };
    await this.storage.inbox.addMessage(message, { outbox: [notice] });
    // The writer has read everything up to their own message.
    await this.storage.messageReads.markRead(meta.id, from, message.createdAt);
    await auditSubmission(this.storage, actor, 'submission.message.sent', meta, at, { messageId: message.id, from, files: checked.length });
    return { id: message.id };
  }
}

function cleanName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'file';
}
