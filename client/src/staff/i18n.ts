/**
 * The console's words come from its catalogue (messages.ts) through the
 * platform's one language setting (common/i18n), so resident and staff pages
 * share the choice, the `{name}` placeholders and `<html lang>`.
 */
import { useCallback } from 'react';
import type { Language } from '@madoguchi/shared';
import { translateFrom, type TextParams } from '../common/i18n/catalogue';
import { useLanguage } from '../common/i18n/LanguageContext';
import { setLanguage } from '../common/i18n/languageStore';
import { STAFF_MESSAGES, type StaffMessageKey } from './messages';

export type { StaffMessageKey };
export type StaffT = (key: StaffMessageKey, params?: TextParams) => string;

/** Console text without React (labels built by API helpers). */
export const staffText = (language: Language, key: StaffMessageKey, params?: TextParams): string => translateFrom(STAFF_MESSAGES, language, key, params);

/** The translator for console text in the current language. */
export function useStaffText(): StaffT {
  const { language } = useLanguage();
  return useCallback<StaffT>((key, params) => staffText(language, key, params), [language]);
}

export const ROLE_LABELS: Record<string, StaffMessageKey> = {
  'platform-admin': 'role.platformAdmin',
  'municipal-admin': 'role.municipalAdmin',
  staff: 'role.staff',
};

/** Why a sign-in through the identity provider came back without an account. */
export const OIDC_ERRORS: Record<string, StaffMessageKey> = {
  oidc_no_account: 'login.oidc.noAccount',
  oidc_email_unverified: 'login.oidc.emailUnverified',
  oidc_wrong_municipality: 'login.oidc.wrongMunicipality',
  oidc_failed: 'login.oidc.failed',
};

const OLD_KEY = 'madoguchi.staff.lang';

/**
 * The console used to keep its own language ('madoguchi.staff.lang', plain
 * text); a clerk's choice carries over to the one setting once.
 */
export function adoptOldStaffLanguage(): void {
  try {
    const old = window.localStorage.getItem(OLD_KEY);
    if (old === 'en' || old === 'ja') setLanguage(old);
    window.localStorage.removeItem(OLD_KEY);
  } catch {
    /* storage unavailable: nothing to carry over */
  }
}
