/**
 * The My Number Card's words, in the same [Japanese, English] catalogue form
 * as common/i18n/catalogue.ts defines (like the resident and staff catalogues). Kept apart because they load only where a
 * municipality offers the card: the form's first step stays within its budget.
 */
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../common/i18n/catalogue';

export const CARD_MESSAGES = {
  offer: [
    'マイナンバーカードで本人確認をすると、氏名・住所・生年月日・性別がカードの情報で入力されます。スマートフォンの「デジタル認証アプリ」を使います。',
    'Prove who you are with your My Number Card, and your name, address, date of birth and sex are filled in from the card. This uses the Digital Authentication App on your phone.',
  ],
  signIn: ['マイナンバーカードでログイン', 'Sign in with My Number Card'],
  signedIn: ['マイナンバーカードで本人確認済み：{name}', 'Identity confirmed with My Number Card: {name}'],
  signOut: ['ログアウト', 'Sign out'],
  fromCard: ['マイナンバーカードから入力', 'Filled in from your My Number Card'],
  signRequired: [
    'この手続には、マイナンバーカードによる電子署名が必要です。内容を確認したら「マイナンバーカードで署名する」を押し、スマートフォンの「デジタル認証アプリ」で署名してください。',
    'This procedure needs an electronic signature with your My Number Card. After checking your answers, press “Sign with My Number Card” and sign in the Digital Authentication App on your phone.',
  ],
  signOptional: ['マイナンバーカードで電子署名をすることもできます（任意）。', 'You may also sign with your My Number Card (optional).'],
  sign: ['マイナンバーカードで署名する', 'Sign with My Number Card'],
  signing: ['署名の準備をしています…', 'Preparing the signature…'],
  signed: ['マイナンバーカードで電子署名しました。この内容で申請してください。', 'Signed with your My Number Card. Submit these answers now.'],
  'error.signature_invalid': ['電子署名を確認できませんでした。もう一度署名してください。', 'The signature could not be verified. Please sign again.'],
  'error.signature_replayed': ['この署名の手続は既に完了しています。もう一度署名してください。', 'This signing was already completed. Please sign again.'],
  'error.card_state_mismatch': ['マイナンバーカードの手続が途中で終わりました。もう一度お試しください。', 'The My Number Card step did not finish. Please try again.'],
  'error.card_provider_unreachable': [
    'デジタル認証アプリのサービスにつながりませんでした。時間をおいてもう一度お試しください。入力した内容はこの端末に残っています。',
    'Could not reach the Digital Authentication App service. Please try again later; your answers are still saved on this device.',
  ],
  'error.card_claims_missing': ['マイナンバーカードから氏名と住所を受け取れませんでした。', 'Your name and address could not be read from the card.'],
} as const satisfies Catalogue;

export type CardMessageKey = keyof typeof CARD_MESSAGES;

/** The card's text in the resident's language, with `{name}` placeholders filled. */
export function useCardText(): (key: CardMessageKey, params?: TextParams) => string {
  const { language } = useLanguage();
  return (key, params) => translateFrom(CARD_MESSAGES, language, key, params);
}
