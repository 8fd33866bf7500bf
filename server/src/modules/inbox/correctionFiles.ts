/**
 * Files an applicant adds when answering a 補正依頼: each must be freshly
 * uploaded with the applicant's token for this municipality, of an accepted
 * type and size; the merged set must satisfy the procedure's attachment rules
 * for the corrected answers.
 */
import { attachmentNeeded, type FieldError, type FormVersion, type Language, type Submission } from '@madoguchi/shared';
import type { Storage } from '../../storage/types';
import { inboxText } from './messages';

export async function checkAddedFiles(
  storage: Storage,
  version: FormVersion,
  s: Submission,
  added: Record<string, unknown>,
  uploadToken: string,
  data: unknown,
  language: Language,
): Promise<{ errors: FieldError[]; ids: string[]; attachments: Record<string, string[]> }> {
  const errors: FieldError[] = [];
  const err = (id: string, label: string, message: string) => errors.push({ pointer: `/attachments/${id}`, property: `.attachments.${id}`, label, keyword: 'attachment', message });
  const specs = new Map(version.procedure.attachments.map((a) => [a.id, a]));
  const attachments: Record<string, string[]> = structuredClone(s.attachments);
  const ids: string[] = [];
  for (const [specId, list] of Object.entries(added)) {
    const spec = specs.get(specId);
    if (!spec) {
      err(specId, specId, inboxText(language, 'attachmentUnknown', { id: specId }));
      continue;
    }
    const label = language === 'en' ? (spec.labelEn ?? spec.label) : spec.label;
    for (const fileId of Array.isArray(list) ? list : []) {
      const meta = typeof fileId === 'string' ? await storage.files.getMeta(fileId) : null;
      if (
        !meta ||
        meta.uploadToken !== uploadToken ||
        meta.municipalityCode !== s.municipalityCode ||
        meta.submissionId ||
        !spec.accept.includes(meta.mediaType) ||
        meta.size > spec.maxSizeMb * 1024 * 1024
      ) {
        err(spec.id, label, inboxText(language, 'attachmentMissing', { label }));
        continue;
      }
      ids.push(meta.id);
      (attachments[spec.id] ??= []).push(meta.id);
    }
    if ((attachments[spec.id]?.length ?? 0) > spec.maxFiles) err(spec.id, label, inboxText(language, 'attachmentTooMany', { label, max: spec.maxFiles }));
  }
  for (const spec of specs.values()) {
    const needed = attachmentNeeded(spec, data, version.procedure.signaturePolicy);
    if (needed && !attachments[spec.id]?.length) err(spec.id, spec.label, inboxText(language, 'attachmentRequired', { label: language === 'en' ? (spec.labelEn ?? spec.label) : spec.label }));
  }
  return { errors, ids, attachments };
}
