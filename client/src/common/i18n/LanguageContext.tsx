/**
 * The language in React: Japanese first, English on request. One provider and
 * one hook serve the resident app and the staff console; each translates with
 * its own catalogue (resident: messages.ts here, staff: staff/messages.ts).
 */
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Language } from '@madoguchi/shared';
import { translateFrom, type TextParams } from './catalogue';
import { currentLanguage, setLanguage, subscribeLanguage } from './languageStore';
import { MESSAGES, type MessageKey } from './messages';

// The one language type of the platform (shared), used by resident and staff pages alike.
export type { Language };

export interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The resident interface text for `key`, with `{name}` placeholders filled from `params`. */
  t: (key: MessageKey, params?: TextParams) => string;
}

const LanguageContext = createContext<LanguageState | null>(null);

/** Translates resident text without React (used by modules that build strings outside components). */
export function translate(language: Language, key: MessageKey, params?: TextParams): string {
  return translateFrom(MESSAGES, language, key, params);
}

/** `fixed`: a part shown in one language whatever the setting (the builder's preview of the Japanese form). */
export function LanguageProvider({ children, fixed }: { children: ReactNode; fixed?: Language }) {
  const chosen = useSyncExternalStore(subscribeLanguage, currentLanguage);
  const language = fixed ?? chosen;
  useEffect(() => {
    if (!fixed) document.documentElement.lang = language;
  }, [language, fixed]);
  const value = useMemo<LanguageState>(() => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }), [language]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The current language and its translator; Japanese when no provider is mounted (component tests). */
export function useLanguage(): LanguageState {
  return useContext(LanguageContext) ?? { language: 'ja', setLanguage: () => undefined, t: (key, params) => translate('ja', key, params) };
}
