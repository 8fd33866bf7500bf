/** Dates, times and sizes as the resident's language writes them. */
import type { Language } from './i18n/LanguageContext';
import { formatDateEnglish, formatWareki } from './wareki';
import { japanClock } from '@madoguchi/shared';

/** An instant (ISO timestamp) in Japan time: 「令和8年11月23日 14:05」. */
export function formatDateTime(isoInstant: string, language: Language): string {
  const d = new Date(isoInstant);
  if (Number.isNaN(d.getTime())) return isoInstant;
  const { date, time } = japanClock(d);
  return language === 'en' ? `${formatDateEnglish(date)} ${time} JST` : `${formatWareki(date)} ${time}`;
}

/** 1536 → 「1.5 MB」-style sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / (1024 * 104.8576)) / 10} MB`;
}

const TYPE_NAMES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/heic': 'HEIC', 'application/pdf': 'PDF' };

/** `['image/jpeg','application/pdf']` → 「JPEG・PDF」. */
export const formatMediaTypes = (types: string[], language: Language) => types.map((t) => TYPE_NAMES[t] ?? t).join(language === 'en' ? ', ' : '・');
