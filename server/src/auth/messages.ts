/**
 * Every sign-in and account message, Japanese first with an English
 * counterpart (chosen by `?lang=en` / Accept-Language, see i18n/language.ts).
 */
import type { Language } from '@madoguchi/shared';

export const AUTH_MESSAGES = {
  badCredentials: { ja: 'メールアドレスまたはパスワードが正しくありません。', en: 'The e-mail address or password is incorrect.' },
  locked: {
    ja: 'ログインに続けて失敗したため、このアカウントは一時的にロックされています。{minutes}分ほどたってからもう一度お試しいただくか、管理者にお問い合わせください。',
    en: 'This account is locked for now after repeated failed sign-ins. Try again in about {minutes} minutes or ask your administrator.',
  },
  rateLimited: { ja: 'ログインの試行が多すぎます。しばらくたってからもう一度お試しください。', en: 'Too many sign-in attempts. Please wait a while and try again.' },
  totpInvalid: { ja: '確認コードが正しくないか、有効期限が切れています。', en: 'The verification code is wrong or has expired.' },
  totpNoPending: { ja: 'もう一度メールアドレスとパスワードでログインしてください。', en: 'Please sign in with your e-mail address and password again.' },
  totpEnrolmentRequired: {
    ja: 'この自治体では2段階認証が必須です。先に「アカウント」画面で認証アプリを登録してください。',
    en: 'Your municipality requires two-step verification. Register an authenticator app on the Account page first.',
  },
  totpAlreadyEnabled: { ja: '2段階認証は既に有効です。', en: 'Two-step verification is already on.' },
  totpRequiredByPolicy: { ja: 'この自治体では2段階認証を無効にできません。', en: 'Your municipality does not allow turning two-step verification off.' },
  signInRequired: { ja: 'ログインが必要です。', en: 'Please sign in.' },
  sessionExpired: { ja: '一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。', en: 'You were signed out after a period of inactivity. Please sign in again.' },
  forbidden: { ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
  csrf: { ja: '画面の有効期限が切れました。ページを再読み込みしてからもう一度操作してください。', en: 'This page has expired. Reload it and try again.' },
  setupInvalid: { ja: 'この設定用リンクは無効か、既に使われています。', en: 'This setup link is invalid or has already been used.' },
  setupDone: { ja: '最初の管理者は既に登録されています。ログイン画面からログインしてください。', en: 'The first administrator already exists. Please sign in.' },
  inviteInvalid: {
    ja: 'この招待リンクは無効か、有効期限が切れているか、既に使われています。管理者に新しい招待を依頼してください。',
    en: 'This invitation link is invalid, expired or already used. Ask your administrator for a new one.',
  },
  emailTaken: { ja: 'このメールアドレスのアカウントは既にあります。', en: 'An account with this e-mail address already exists.' },
  emailInvalid: { ja: 'メールアドレスの形式が正しくありません。', en: 'Enter a valid e-mail address.' },
  displayNameRequired: { ja: '氏名を入力してください。', en: 'Enter a name.' },
  passwordTooShort: { ja: 'パスワードは12文字以上にしてください。', en: 'Use at least 12 characters for the password.' },
  passwordTooLong: { ja: 'パスワードは200文字以内にしてください。', en: 'Use at most 200 characters for the password.' },
  passwordContainsEmail: { ja: 'パスワードにメールアドレスを含めないでください。', en: 'Do not use your e-mail address in the password.' },
  passwordWrong: { ja: '現在のパスワードが正しくありません。', en: 'The current password is incorrect.' },
  roleInvalid: { ja: '役割の指定が正しくありません。', en: 'Choose a valid role.' },
  municipalityRequired: { ja: '自治体の職員・管理者には自治体を指定してください。', en: 'Municipal accounts need a municipality.' },
  municipalityNotAllowed: { ja: 'プラットフォーム管理者には自治体を指定できません。', en: 'Platform administrators do not belong to a municipality.' },
  municipalityUnknown: { ja: '指定された市区町村が見つかりません。', en: 'No such municipality.' },
  userNotFound: { ja: '利用者が見つかりません。', en: 'No such user.' },
  inviteNotFound: { ja: '招待が見つかりません。', en: 'No such invitation.' },
  notSelf: { ja: '自分自身のアカウントを無効にしたり、役割を変えたりすることはできません。', en: 'You cannot disable your own account or change your own role.' },
  oidcNotConfigured: { ja: '外部IDでのログインは設定されていません。', en: 'Sign-in with an external identity provider is not set up.' },
  oidcUnavailable: { ja: '外部IDの認証サーバーに接続できません。しばらくたってからお試しください。', en: 'The identity provider cannot be reached. Please try again later.' },
} as const;

export type AuthMessageKey = keyof typeof AUTH_MESSAGES;

/** The message in the caller's language, with `{name}` placeholders filled in. */
export function authText(language: Language, key: AuthMessageKey, vars: Record<string, string | number> = {}): string {
  return AUTH_MESSAGES[key][language].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? ''));
}
