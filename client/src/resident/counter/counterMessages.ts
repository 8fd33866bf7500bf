/**
 * The counter tablet's words (書かない窓口), in the common catalogue form; kept
 * apart so that only the tablet's page loads them. Plain Japanese, short
 * sentences: many visitors are elderly and read them at arm's length.
 */
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../common/i18n/catalogue';

export const COUNTER_MESSAGES = {
  pageTitle: ['窓口の確認用画面', 'Counter confirmation screen'],
  ticket: ['受付番号', 'Ticket number'],
  // pairing
  pairTitle: ['番号を入力してください', 'Enter the code'],
  pairLead: ['職員の画面に表示された6桁の番号を入力してください。', 'Enter the 6-digit code shown on the clerk’s screen.'],
  pairCodeLabel: ['6桁の番号', '6-digit code'],
  pairDigitsLeft: ['あと{n}けた', '{n} more digits'],
  pairDigitsDone: ['6けた入力しました', 'All 6 digits entered'],
  pairKeypad: ['数字のボタン', 'Number keys'],
  pairBackspace: ['1つ消す', 'Delete one'],
  pairClear: ['全部消す', 'Clear all'],
  pairSubmit: ['つなぐ', 'Connect'],
  pairSending: ['確認しています…', 'Checking…'],
  visitEnded: ['受付は終了しました。ありがとうございました。', 'Your visit has ended. Thank you.'],
  // waiting
  waitTitle: ['しばらくお待ちください', 'Please wait a moment'],
  waitLead: ['ただいま職員が入力しています。しばらくお待ちください。', 'The clerk is filling in your application. Please wait a moment.'],
  waitNext: ['入力が終わると、この画面に内容が表示されます。', 'When it is done, your answers will appear on this screen.'],
  waitQueue: ['まもなくお呼びします。しばらくお待ちください。', 'We will call you soon. Please wait a moment.'],
  // confirming
  confirmTitle: ['申請の内容をご確認ください', 'Please check your application'],
  confirmLead: [
    '職員が入力した内容です。{n}件の申請書があります。最後まで見て、間違いがないかご確認ください。',
    'This is what the clerk filled in: {n} application(s). Please read to the end and check that everything is right.',
  ],
  confirmCorrect: ['訂正したいところがあれば、職員にお伝えください。', 'If anything should be corrected, please tell the clerk.'],
  confirmChanged: ['職員が内容を変更しました。もう一度ご確認ください。', 'The clerk has changed the answers. Please check them again.'],
  procedureOf: ['{n}件目', 'Application {n}'],
  signTitle: ['署名', 'Signature'],
  signRequired: ['署名が必要です。', 'Your signature is needed.'],
  signOptional: ['署名は任意です（書かなくても申請できます）。', 'A signature is optional (you can apply without one).'],
  signPad: ['署名欄', 'Signature box'],
  signPadHint: ['枠の中に、指でお名前を書いてください', 'Write your name in the box with your finger'],
  signClear: ['書き直す', 'Clear and write again'],
  signEmpty: ['まだ署名がありません', 'Not signed yet'],
  signDone: ['署名しました', 'Signed'],
  confirmButton: ['この内容で申請します', 'Apply with these answers'],
  confirmSending: ['送信しています…', 'Sending…'],
  confirmNeedsSignature: ['署名欄にお名前を書くと、押せるようになります。', 'Write your name in the signature box first, then you can press this.'],
  // after
  thanksTitle: ['ありがとうございました', 'Thank you'],
  thanksConfirmed: ['内容を確認しました。職員が申請の手続をします。しばらくお待ちください。', 'You have confirmed your answers. The clerk will now send your application. Please wait a moment.'],
  thanksSubmitted: ['申請を受け付けました。', 'Your application has been received.'],
  receipts: ['到達番号', 'Receipt numbers'],
  receiptsLead: ['申請ごとの番号です。お問い合わせのときは、この番号をお伝えください。', 'Each application’s number. Please give it when you ask about the application.'],
  // connection
  reconnecting: ['接続を確認しています…', 'Checking the connection…'],
  network: ['通信できませんでした。もう一度お試しください。', 'Could not connect. Please try again.'],
  unpair: ['接続を解除', 'Disconnect'],
  unpairAsk: ['職員の方へ：このタブレットと受付の接続を解除しますか？', 'For staff: disconnect this tablet from the visit?'],
  unpairYes: ['解除する', 'Disconnect'],
  unpairNo: ['やめる', 'Cancel'],
} as const satisfies Catalogue;

export type CounterMessageKey = keyof typeof COUNTER_MESSAGES;
export type CounterText = (key: CounterMessageKey, params?: TextParams) => string;

export function useCounterText(): CounterText {
  const { language } = useLanguage();
  return (key, params) => translateFrom(COUNTER_MESSAGES, language, key, params);
}
