/**
 * The one-stop bundle's words, in the common catalogue form; kept apart so
 * that only the bundle's pages load them (the form's budget stays as it is).
 */
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../common/i18n/catalogue';

export const BUNDLE_MESSAGES = {
  title: ['まとめて申請する', 'Apply for everything together'],
  lead: [
    '共通の項目（氏名・住所・口座など）は、はじめに一度だけ入力します。それぞれの申請書には、その内容が入った状態で始まります。すべての申請書を確認したら、まとめて一度に送信します。',
    'You give the answers the forms share (name, address, bank account…) once, first. Each form then starts with them filled in. When you have checked every form, you send them all at once.',
  ],
  listLabel: ['まとめて申請する手続', 'Applications in this set'],
  shared: ['共通の項目', 'Shared answers'],
  sharedHint: ['{groups}。各申請書に入ります', '{groups}. Filled into each form'],
  sharedLead: [
    'ここで入力した内容は、下の申請書すべてに入ります。申請書の中で書き換えた項目は、そのまま残ります。',
    'What you enter here goes into every form below. Anything you change inside a form stays as you changed it.',
  ],
  saveShared: ['保存して一覧に戻る', 'Save and go back to the list'],
  confirmedLabel: ['確認済', 'Checked'],
  procedureHint: ['申請書を入力し、確認画面で「確認して一覧に戻る」を押します', 'Fill in the form and press “Check and go back to the list” on its check page'],
  signHint: ['{n}件の申請書に、まとめて一度だけ電子署名します', 'One electronic signature for all {n} forms'],
  signedLabel: ['署名済', 'Signed'],
  signLead: [
    'すべての申請書を確認しました。マイナンバーカードで、{n}件まとめて一度だけ電子署名してください。スマートフォンの「デジタル認証アプリ」を使います。',
    'Every form is checked. Sign all {n} at once with your My Number Card, using the Digital Authentication App on your phone.',
  ],
  signButton: ['マイナンバーカードで{n}件まとめて署名する', 'Sign all {n} with My Number Card'],
  send: ['まとめて送信する', 'Send them all'],
  sendHint: ['すべての申請書が「確認済」になり、必要な署名が済むと送信できます', 'You can send once every form is checked and signed where needed'],
  sendButton: ['{n}件の申請をまとめて送信する', 'Send the {n} applications'],
  sending: ['送信しています…', 'Sending…'],
  sendNote: ['送信は一度だけです。すべての申請が受け付けられるか、どれも受け付けられないかのどちらかです。', 'You send once: either every application is received, or none is.'],
  problemsIn: ['次の申請書の入力内容を確認してください：{titles}。まだ何も送信されていません。', 'Please check these forms: {titles}. Nothing has been sent yet.'],
  backToList: ['まとめて申請の一覧に戻る', 'Back to the list of applications'],
  inBundle: ['まとめて申請する手続の1つです（{n}件中）。共通の項目は入力済みです。', 'One of {n} applications sent together. The shared answers are already filled in.'],
  empty: ['まとめて申請する手続がありません。ライフイベントの案内から選んでください。', 'There are no applications in this set. Choose them from a life-event guide.'],
  doneTitle: ['まとめて申請しました', 'Your applications have been sent'],
  doneLead: ['次の{n}件の申請が、それぞれの担当課に届きました。', 'These {n} applications have reached their offices.'],
  bundleReceipt: ['まとめ番号（到達番号）', 'Set number (receipt number)'],
  bundleSecret: ['確認キー', 'Status key'],
  keepNote: ['この番号と確認キーで、すべての申請の状況を確認できます。控えておいてください。', 'With this number and key you can check every application. Please keep them.'],
  receiptOf: ['到達番号', 'Receipt number'],
  status: ['状況', 'Status'],
  itemStatus: ['この申請の状況', 'Status of this application'],
  statusHint: ['まとめて申請したときは、まとめ番号とその確認キーでも確認できます。', 'For applications sent together, the set number and its key work too.'],
  statusTitle: ['まとめて申請した手続の状況', 'Status of your applications'],
  statusUnavailable: ['状況を表示できませんでした。', 'The status could not be shown.'],
  fromGuide: ['案内に戻る', 'Back to the guide'],
} as const satisfies Catalogue;

export type BundleMessageKey = keyof typeof BUNDLE_MESSAGES;

export function useBundleText(): (key: BundleMessageKey, params?: TextParams) => string {
  const { language } = useLanguage();
  return (key, params) => translateFrom(BUNDLE_MESSAGES, language, key, params);
}
