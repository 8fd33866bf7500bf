/** The counter tablet's calls (`/counter/tablet/…`): the pairing lives in an HttpOnly cookie the server sets. */
import type { CounterTabletView } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';
import { apiJson } from '../../common/api/http';

export const pairTablet = (municipalityCode: string, code: string, language: Language) => apiJson<void>('/counter/tablet/pair', { method: 'POST', body: { municipalityCode, code }, language });

export const getTabletView = (language: Language, signal?: AbortSignal) => apiJson<CounterTabletView>('/counter/tablet', { language, ...(signal ? { signal } : {}) });

export const confirmOnTablet = (revision: number, signatureImage: string | undefined, language: Language) =>
  apiJson<CounterTabletView>('/counter/tablet/confirm', { method: 'POST', body: { revision, ...(signatureImage ? { signatureImage } : {}) }, language });

export const unpairTablet = (language: Language) => apiJson<void>('/counter/tablet/unpair', { method: 'POST', body: {}, language });
