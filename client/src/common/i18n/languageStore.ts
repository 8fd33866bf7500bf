/**
 * The platform's one language setting, shared by the resident app and the staff
 * console: remembered on the device, mirrored in `<html lang>` for screen readers,
 * and readable outside React (request code sends it with every API call).
 */
import type { Language } from '@madoguchi/shared';
import { readStored, writeStored } from '../storage';

const STORAGE_KEY = 'madoguchi:language';
/** Also a cookie, read by the server only to preload the form page's data in this language (server/src/http/formPagePreloads.ts). */
export const LANGUAGE_COOKIE = 'madoguchi_lang';
const listeners = new Set<() => void>();
let current: Language | undefined;

function writeCookie(language: Language): void {
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
}

export function currentLanguage(): Language {
  if (current === undefined) {
    current = readStored<Language>(STORAGE_KEY) === 'en' ? 'en' : 'ja';
    // English chosen before the cookie existed: the next page then preloads in English too.
    if (current === 'en' && !document.cookie.includes(`${LANGUAGE_COOKIE}=en`)) writeCookie('en');
  }
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  writeStored(STORAGE_KEY, next);
  writeCookie(next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener());
}

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
