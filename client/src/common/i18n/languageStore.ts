/**
 * The platform's one language setting, shared by the resident app and the staff
 * console: remembered on the device, mirrored in `<html lang>` for screen readers,
 * and readable outside React (request code sends it with every API call).
 */
import type { Language } from '@madoguchi/shared';
import { readStored, writeStored } from '../storage';

const STORAGE_KEY = 'madoguchi:language';
const listeners = new Set<() => void>();
let current: Language | undefined;

export function currentLanguage(): Language {
  return (current ??= readStored<Language>(STORAGE_KEY) === 'en' ? 'en' : 'ja');
}

export function setLanguage(next: Language): void {
  current = next;
  writeStored(STORAGE_KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener());
}

export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
