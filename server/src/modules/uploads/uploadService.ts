/**
 * Accepts files residents attach before submitting. Each file is checked
 * against the procedure's attachment spec (type by content, size), sealed and
 * stored unbound under the resident's upload token; intake binds it to the
 * submission, and unbound files expire (see maintenance/cleanup.ts). One
 * token holds at most as many unsubmitted files as the procedure's
 * attachments allow together (`maxUnboundFiles`), so a script cannot pile up
 * abandoned files under one token.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Language, Procedure } from '@madoguchi/shared';
import { AppError, BadRequestError, ConflictError, NotFoundError, PayloadTooLargeError } from '../../errors';
import type { Storage, StoredFileMeta } from '../../storage/types';
import type { CatalogService } from '../procedures/catalogService';
import { sniffMediaType } from './sniffMediaType';
import type { FileScanService, UploadScan } from './fileScans';

export const UPLOAD_TOKEN = /^[A-Za-z0-9_-]{22,100}$/;

const TYPE_NAMES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/heic': 'HEIC', 'application/pdf': 'PDF' };

export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string) {
    super('unsupported_media_type', message, 415, true);
  }
}

/** The scanner found malware: refused, nothing stored (422 so clients show it like any other refusal of a file). */
export class MalwareDetectedError extends AppError {
  constructor(message: string) {
    super('malware_detected', message, 422, true);
  }
}

/** Unsubmitted files one upload token may hold: everything a complete application of the procedure can attach. */
export function maxUnboundFiles(procedure: Pick<Procedure, 'attachments'>): number {
  return procedure.attachments.reduce((sum, a) => sum + a.maxFiles, 0);
}

function tooManyFiles(max: number, en: boolean): ConflictError {
  return new ConflictError(
    en
      ? `This application takes at most ${max} files in all. Remove files you no longer need, then try again.`
      : `この申請に添付できるファイルは合計${max}件までです。不要なファイルを削除してから、もう一度お試しください。`,
    'too_many_files',
  );
}

export interface UploadCommand {
  municipalityCode: string;
  procedureId: string;
  attachmentId: string;
  uploadToken: string;
  fileName: string;
  content: Buffer;
  language: Language;
}

export class UploadService {
  constructor(
    private readonly storage: Storage,
    private readonly catalog: CatalogService,
    private readonly now: () => Date = () => new Date(),
    private readonly scans?: FileScanService,
  ) {}

  async accept(cmd: UploadCommand): Promise<StoredFileMeta> {
    const en = cmd.language === 'en';
    if (!UPLOAD_TOKEN.test(cmd.uploadToken))
      throw new BadRequestError(en ? 'Missing or invalid X-Upload-Token.' : 'アップロード用のトークン（X-Upload-Token）が正しくありません。', 'bad_upload_token');
    const version = await this.catalog.current(cmd.municipalityCode, cmd.procedureId);
    const spec = version.procedure.attachments.find((a) => a.id === cmd.attachmentId);
    if (!spec) throw new NotFoundError(en ? 'This procedure has no such attachment.' : 'この手続にその添付書類はありません。', 'attachment_not_found');
    if (cmd.content.length === 0) throw new BadRequestError(en ? 'The file is empty.' : 'ファイルが空です。', 'empty_file');
    if (cmd.content.length > spec.maxSizeMb * 1024 * 1024) {
      throw new PayloadTooLargeError(
        en ? `"${cmd.fileName}" is larger than ${spec.maxSizeMb} MB.` : `「${cmd.fileName}」は${spec.maxSizeMb}MBを超えています。${spec.maxSizeMb}MB以下のファイルを選んでください。`,
      );
    }
    const mediaType = sniffMediaType(cmd.content.subarray(0, 16));
    if (!mediaType || !spec.accept.includes(mediaType)) {
      const allowed = spec.accept.map((t) => TYPE_NAMES[t] ?? t).join('、');
      throw new UnsupportedMediaTypeError(
        en ? `"${cmd.fileName}" cannot be attached. Allowed: ${allowed}.` : `「${cmd.fileName}」は添付できない種類のファイルです。${allowed}のファイルを選んでください。`,
      );
    }
    const maxFiles = maxUnboundFiles(version.procedure);
    if ((await this.storage.files.countUnbound(cmd.uploadToken)) >= maxFiles) throw tooManyFiles(maxFiles, en);
    const id = randomUUID();
    const sha256 = createHash('sha256').update(cmd.content).digest('hex');
    // Scanned last: the cheap checks above refuse most bad files without bothering clamd.
    const scan: UploadScan = this.scans ? await this.scans.scanUpload(cmd.content) : { state: 'not_scanned' };
    if (scan.state === 'infected') {
      await this.scans?.auditInfected({ id, municipalityCode: cmd.municipalityCode, sha256, size: cmd.content.length, mediaType }, scan.signature, 'upload.malware_refused', {
        procedureId: cmd.procedureId,
        attachmentId: cmd.attachmentId,
      });
      throw new MalwareDetectedError(
        en
          ? `"${cmd.fileName}" was not accepted: malware (${scan.signature}) was found in it. Choose another file, and have your device checked.`
          : `「${cmd.fileName}」からウイルス（${scan.signature}）が検出されたため、受け付けられませんでした。別のファイルを選んでください。お使いの端末のウイルス検査もおすすめします。`,
      );
    }
    const meta: StoredFileMeta = {
      id,
      municipalityCode: cmd.municipalityCode,
      fileName: cleanFileName(cmd.fileName),
      mediaType,
      size: cmd.content.length,
      sha256,
      uploadToken: cmd.uploadToken,
      createdAt: this.now().toISOString(),
      scanState: scan.state,
      ...(scan.state === 'clean' ? { scannedAt: scan.scannedAt } : {}),
    };
    await this.storage.files.put(meta, cmd.content);
    // Counted again after storing: uploads that raced past the first count together and overshot take themselves back.
    if ((await this.storage.files.countUnbound(cmd.uploadToken)) > maxFiles) {
      await this.storage.files.deleteUnbound(id);
      throw tooManyFiles(maxFiles, en);
    }
    return meta;
  }

  /** Removes a file the resident took back; only their own, and only before it is submitted. */
  async remove(fileId: string, uploadToken: string, language: Language): Promise<void> {
    const meta = await this.storage.files.getMeta(fileId);
    if (!meta || meta.uploadToken !== uploadToken || meta.submissionId) {
      throw new NotFoundError(language === 'en' ? 'File not found.' : 'ファイルが見つかりません。', 'file_not_found');
    }
    await this.storage.files.deleteUnbound(fileId);
  }
}

/** Keeps Japanese names as they are, dropping path parts and control characters. */
function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'file';
}
