/**
 * Checks the files a submission names against the procedure's attachment
 * specs: required ones present (conditions evaluated on the answers), counts
 * and types within limits, and every file uploaded by this same applicant.
 */
import { attachmentNeeded, type FieldError, type FormVersion } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';
import type { IntakeCommand } from './intakeCommand';

export async function checkAttachments(storage: Storage, version: FormVersion, cmd: IntakeCommand, data: unknown): Promise<FieldError[]> {
  const ja = cmd.language === 'ja';
  const given = cmd.body.attachments ?? {};
  const errors: FieldError[] = [];
  const specs = new Map(version.procedure.attachments.map((a) => [a.id, a]));
  const err = (id: string, label: string, message: string) => errors.push({ pointer: `/attachments/${id}`, property: `.attachments.${id}`, label, keyword: 'attachment', message });

  for (const id of Object.keys(given)) {
    if (!specs.has(id)) err(id, id, ja ? `この手続にない添付書類（${id}）が指定されています。` : `This procedure has no attachment "${id}".`);
  }
  for (const spec of specs.values()) {
    const ids = Array.isArray(given[spec.id]) ? given[spec.id]! : [];
    const needed = attachmentNeeded(spec, data, version.procedure.signaturePolicy);
    // At the counter the clerk sees the documents themselves: a missing upload is not a missing document.
    if (needed && ids.length === 0 && !cmd.counter) {
      err(spec.id, spec.label, ja ? `「${spec.label}」を添付してください。` : `Attach "${spec.labelEn ?? spec.label}".`);
      continue;
    }
    if (ids.length > spec.maxFiles) err(spec.id, spec.label, ja ? `「${spec.label}」は${spec.maxFiles}件まで添付できます。` : `Up to ${spec.maxFiles} files for "${spec.labelEn ?? spec.label}".`);
    for (const fileId of ids) {
      const meta = typeof fileId === 'string' ? await storage.files.getMeta(fileId) : null;
      if (!meta || meta.uploadToken !== cmd.body.uploadToken || meta.municipalityCode !== cmd.municipalityCode || meta.submissionId) {
        err(spec.id, spec.label, ja ? `「${spec.label}」のファイルが見つかりません。もう一度添付してください。` : `A file for "${spec.labelEn ?? spec.label}" was not found. Attach it again.`);
      } else if (!spec.accept.includes(meta.mediaType)) {
        err(spec.id, spec.label, ja ? `「${meta.fileName}」は添付できない種類のファイルです。` : `"${meta.fileName}" is not an accepted file type.`);
      } else if (meta.size > spec.maxSizeMb * 1024 * 1024) {
        err(spec.id, spec.label, ja ? `「${meta.fileName}」は${spec.maxSizeMb}MBを超えています。` : `"${meta.fileName}" is larger than ${spec.maxSizeMb} MB.`);
      }
    }
  }
  return errors;
}
