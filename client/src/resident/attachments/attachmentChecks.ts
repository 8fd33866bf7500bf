/**
 * The attachment rules checked in the browser before anything is uploaded
 * (type, size, count) and before submitting (required ones present). The
 * server checks the same again, on the file's real content.
 */
import { conditionHolds, type AttachmentSpec, type FieldError } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';
import { translate } from '../../common/i18n/LanguageContext';
import { formatMediaTypes } from '../../common/format';

const BY_EXTENSION: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', heic: 'image/heic', heif: 'image/heic', pdf: 'application/pdf' };

/** The media type of a picked file; phones sometimes leave `type` empty for HEIC photos, so the extension helps. */
export function mediaTypeOf(file: Pick<File, 'name' | 'type'>): string {
  if (file.type) return file.type === 'image/heif' ? 'image/heic' : file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? '';
}

/** Why a picked file cannot be attached, or null when it can. */
export function rejectFile(spec: AttachmentSpec, file: Pick<File, 'name' | 'type' | 'size'>, language: Language): string | null {
  if (!spec.accept.includes(mediaTypeOf(file))) return translate(language, 'upload.badType', { name: file.name, types: formatMediaTypes(spec.accept, language) });
  if (file.size > spec.maxSizeMb * 1024 * 1024) return translate(language, 'upload.tooLarge', { name: file.name, max: spec.maxSizeMb });
  return null;
}

/** Whether the answers make this attachment required now. */
export const isRequiredNow = (spec: AttachmentSpec, data: unknown) =>
  spec.required === 'always' || (spec.required === 'conditional' && spec.condition !== undefined && conditionHolds(spec.condition, data));

const labelOf = (spec: AttachmentSpec, language: Language) => (language === 'en' && spec.labelEn ? spec.labelEn : spec.label);

/** Required attachments with no file, and attachments over their count, as field errors (pointer `/attachments/<id>`). */
export function attachmentErrors(specs: AttachmentSpec[], data: unknown, files: Record<string, unknown[]>, language: Language): FieldError[] {
  const errors: FieldError[] = [];
  for (const spec of specs) {
    const count = files[spec.id]?.length ?? 0;
    const label = labelOf(spec, language);
    const at = { pointer: `/attachments/${spec.id}`, property: `.attachments.${spec.id}`, label, keyword: 'attachment' };
    if (count === 0 && isRequiredNow(spec, data)) errors.push({ ...at, message: translate(language, 'upload.missing', { label }) });
    if (count > spec.maxFiles) errors.push({ ...at, message: translate(language, 'upload.tooMany', { label, max: spec.maxFiles }) });
  }
  return errors;
}
