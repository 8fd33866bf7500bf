/** The console's own words, Japanese first; the language choice is remembered in the browser. */
import { useSyncExternalStore } from 'react';
import type { Language } from '@madoguchi/shared';

/** The platform's language type (shared). */
export type Lang = Language;

const KEY = 'madoguchi.staff.lang';
const listeners = new Set<() => void>();

export function currentLanguage(): Lang {
  return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'ja';
}

export function setLanguage(lang: Lang): void {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  listeners.forEach((l) => l());
}

export function useLanguage(): Lang {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    currentLanguage,
    () => 'ja',
  );
}

export type Text = { ja: string; en: string };

/** Picks the text for the current language. */
export function useT(): (text: Text) => string {
  const lang = useLanguage();
  return (text) => text[lang];
}

export const ROLE_LABELS: Record<string, Text> = {
  'platform-admin': { ja: 'プラットフォーム管理者', en: 'Platform administrator' },
  'municipal-admin': { ja: '自治体管理者', en: 'Municipal administrator' },
  staff: { ja: '職員', en: 'Staff' },
};

/** Why a sign-in through the identity provider came back without an account. */
export const OIDC_ERRORS: Record<string, Text> = {
  oidc_no_account: { ja: 'このIDに対応する職員アカウントがありません。管理者に招待を依頼してください。', en: 'There is no staff account for this ID. Ask an administrator to invite you.' },
  oidc_email_unverified: { ja: 'IDのメールアドレスが確認されていないため、ログインできません。', en: 'The ID provider has not verified this e-mail address.' },
  oidc_wrong_municipality: { ja: 'このIDでは、この自治体のアカウントにログインできません。', en: 'This ID cannot sign in to an account of this municipality.' },
  oidc_failed: { ja: '外部IDでのログインに失敗しました。もう一度お試しください。', en: 'Signing in with the external ID failed. Please try again.' },
};
