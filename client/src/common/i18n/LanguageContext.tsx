/**
 * The resident's language: Japanese first, English on request. The choice is
 * remembered on the device and sets `<html lang>` for screen readers.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readStored, writeStored } from '../storage';
import type { Language } from '@madoguchi/shared';
import { MESSAGES, type MessageKey } from './messages';

// The one language type of the platform (shared), used by resident and staff pages alike.
export type { Language };
const STORAGE_KEY = 'madoguchi:language';

export interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The interface text for `key`, with `{name}` placeholders filled from `params`. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
}

const LanguageContext = createContext<LanguageState | null>(null);

/** Fills `{name}` placeholders. */
export function fillTemplate(template: string, params?: Record<string, string | number>): string {
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;
}

/** Translates without React (used by modules that build strings outside components). */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const entry = MESSAGES[key];
  return fillTemplate(language === 'en' ? entry[1] : entry[0], params);
}

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? (readStored<Language>(STORAGE_KEY) === 'en' ? 'en' : 'ja'));
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    writeStored(STORAGE_KEY, next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<LanguageState>(() => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The current language and its translator; Japanese when no provider is mounted (component tests). */
export function useLanguage(): LanguageState {
  return useContext(LanguageContext) ?? { language: 'ja', setLanguage: () => undefined, t: (key, params) => translate('ja', key, params) };
}
