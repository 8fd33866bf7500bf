/**
 * Finds where the applicant gave an e-mail address: answers whose schema says
 * `format: email` (the common `email` block), in form order. The address is
 * read from the sealed answers when a notice is sent, never stored elsewhere.
 */
import type { JsonSchema } from '@madoguchi/shared';
import { schemaAt } from './correctionFields';

function leafPointers(value: unknown, pointer = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPointers(v, `${pointer}/${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPointers(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return typeof value === 'string' ? [pointer] : [];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every distinct address found, the applicant's own first (data order follows the form's). */
export function emailAddresses(schema: JsonSchema, data: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const pointer of leafPointers(data)) {
    if (schemaAt(schema, pointer)?.format !== 'email') continue;
    const value = pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], data);
    if (typeof value === 'string' && EMAIL.test(value) && !found.includes(value)) found.push(value);
  }
  return found;
}
