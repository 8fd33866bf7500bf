/** The caller's language: `?lang=`, then Accept-Language; Japanese unless English is asked for. */
import type { Request } from 'express';
import type { Language } from '@madoguchi/shared';

export function requestLanguage(req: Request): Language {
  const explicit = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  if (explicit === 'en' || explicit === 'ja') return explicit;
  return req.acceptsLanguages('ja', 'en') === 'en' ? 'en' : 'ja';
}
