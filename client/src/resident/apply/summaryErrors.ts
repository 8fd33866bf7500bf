/** Shared field errors (browser or server) → error summary entries with the field's context. */
import { labelAt, type FieldError, type JsonSchema, type AttachmentSpec } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';
import type { SummaryError } from './ErrorSummary';
import { fieldIdOf, pointerSegments } from './steps';

/** 「世帯主・氏名」: the titles of the groups a field sits in (array entries numbered). */
function contextOf(schema: JsonSchema, pointer: string): string {
  const segments = pointerSegments(pointer);
  const parts: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const prefix = '/' + segments.slice(0, i).join('/');
    const segment = segments[i - 1]!;
    if (/^[0-9]+$/.test(segment)) {
      if (parts.length) parts[parts.length - 1] += ` ${Number(segment) + 1}`;
      continue;
    }
    const label = labelAt(schema, prefix);
    if (label) parts.push(label);
  }
  return parts.join('・');
}

export function toSummaryErrors(errors: FieldError[], schema: JsonSchema, attachments: AttachmentSpec[], language: Language): SummaryError[] {
  return errors.map((e) => {
    if (e.pointer.startsWith('/attachments/')) {
      const id = pointerSegments(e.pointer)[1] ?? '';
      const spec = attachments.find((a) => a.id === id);
      const label = spec ? (language === 'en' && spec.labelEn ? spec.labelEn : spec.label) : e.label;
      return { context: '', label, message: e.message, href: `#attachment-${id}`, pointer: e.pointer };
    }
    return { context: contextOf(schema, e.pointer), label: e.label, message: e.message, href: `#${fieldIdOf(e.pointer)}`, pointer: e.pointer };
  });
}
