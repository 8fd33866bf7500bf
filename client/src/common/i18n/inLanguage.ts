/**
 * Text the municipality or a preset wrote, in the resident's language where
 * an English version exists. When English is asked for but only Japanese
 * exists, the text says so with `lang="ja"`, so a screen reader switches to
 * a Japanese voice instead of spelling it out in English.
 */
import type { Language } from './LanguageContext';

export interface Shown {
  text: string;
  /** `ja` when Japanese text is shown on an English page; undefined otherwise (the page's own language). */
  lang?: 'ja';
}

export function inLanguage(language: Language, ja: string, en?: string): Shown {
  if (language === 'en' && en) return { text: en };
  return language === 'en' ? { text: ja, lang: 'ja' } : { text: ja };
}

/** `lang="ja"` for Japanese-only text (form labels written by the municipality) on an English page. */
export const japaneseOnly = (language: Language): 'ja' | undefined => (language === 'en' ? 'ja' : undefined);
