/** The resident's My Number Card calls (sign-in state, signing); the browser holds only an HttpOnly session cookie. */
import type { CardIdentity } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';
import { apiJson } from '../../common/api/http';

export const getCardState = (language: Language, municipalityCode: string) =>
  apiJson<{ available: boolean; identity: CardIdentity | null }>(`/resident/card?municipality=${encodeURIComponent(municipalityCode)}`, { language });

export const signOutCard = (language: Language) => apiJson<void>('/resident/card/logout', { method: 'POST', language });

/** Where the browser goes to sign in: the server redirects to the デジタル認証アプリ and back to `returnTo`. */
export const cardLoginUrl = (returnTo: string) => `/api/v1/resident/card/login?returnTo=${encodeURIComponent(returnTo)}`;

/** Starts signing these answers; answers the URL of the signing step. */
export const startCardSigning = (body: { municipalityCode: string; procedureId: string; data: Record<string, unknown>; attachments: Record<string, string[]>; returnTo: string }, language: Language) =>
  apiJson<{ url: string }>('/resident/card/sign', { method: 'POST', body, language });
