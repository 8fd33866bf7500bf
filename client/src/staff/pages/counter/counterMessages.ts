/** The counter pages' words (書かない窓口), in the common catalogue form; loaded only with these pages. */
import { useCallback } from 'react';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../../common/i18n/catalogue';

export const COUNTER_MESSAGES = {
  title: ['窓口受付（書かない窓口）', 'Counter (no-writing desk)'],
  lead: [
    '来庁された方の受付番号を発行し、窓口に呼び出して、聞き取りながら申請書を入力します。ご本人にはタブレットで内容を確認していただきます。',
    'Give each visitor a ticket number, call them to a desk and fill in their applications while you talk. They confirm the answers on the tablet.',
  ],
  onlyMunicipal: ['窓口受付は、自治体の職員アカウントで使います。', 'The counter is used with a municipal staff account.'],
  issueTicket: ['受付番号を発行する', 'Issue a ticket number'],
  issued: ['受付番号 {ticket} を発行しました。', 'Ticket number {ticket} issued.'],
  desk: ['あなたの窓口', 'Your desk'],
  deskHint: ['例：1番窓口（この端末に記憶します）', 'E.g. Desk 1 (remembered on this computer)'],
  deskDefault: ['1番窓口', 'Desk 1'],
  today: ['本日の受付', 'Today’s visits'],
  none: ['本日の受付はまだありません。', 'No visits yet today.'],
  colTicket: ['受付番号', 'Ticket'],
  colStatus: ['状況', 'Status'],
  colArrived: ['受付時刻', 'Arrived'],
  colDesk: ['窓口', 'Desk'],
  colProcedures: ['手続', 'Procedures'],
  call: ['呼び出して対応する', 'Call and serve'],
  open: ['開く', 'Open'],
  'status.waiting': ['お待ち', 'Waiting'],
  'status.serving': ['対応中', 'Serving'],
  'status.confirming': ['ご本人確認中', 'Being confirmed'],
  'status.confirmed': ['確認済み', 'Confirmed'],
  'status.submitted': ['申請済み', 'Submitted'],
  'status.ended': ['終了', 'Ended'],
  visitTitle: ['受付番号 {ticket}', 'Ticket {ticket}'],
  backToQueue: ['受付一覧へ戻る', 'Back to the visits'],
  elapsed: ['対応開始から {minutes}分', '{minutes} min since service started'],
  // procedures
  choose: ['1. 手続を選ぶ', '1. Choose the procedures'],
  guide: ['ライフイベントから選ぶ', 'From a life event'],
  guideNone: ['（選ばない）', '(none)'],
  addProcedure: ['手続を追加', 'Add a procedure'],
  addProcedurePlaceholder: ['手続を選んでください', 'Choose a procedure'],
  remove: ['外す', 'Remove'],
  noProcedures: ['まだ手続が選ばれていません。', 'No procedure chosen yet.'],
  // identity
  identity: ['2. 本人確認・基本4情報', '2. Identity and the basic four items'],
  identityCard: ['マイナンバーカードから読み取り済み（{time}）', 'Read from the My Number Card ({time})'],
  identityTyped: ['カードを読まずに、職員が入力します。', 'Not read from a card: you type them.'],
  cardTitle: ['マイナンバーカードを読み取る', 'Read the My Number Card'],
  cardNoAgent: [
    'この端末ではカードリーダーを使えません（エージェント未起動）。基本4情報は職員が入力してください。',
    'No card reader on this computer (the agent is not running). Type the basic four items.',
  ],
  cardInsert: ['カードをカードリーダーに置いてください。', 'Place the card on the reader.'],
  cardReady: ['カードを読み取れます（{reader}）。', 'Ready to read the card ({reader}).'],
  cardPairCode: ['カードリーダーの接続番号（6桁）', 'Card reader pairing code (6 digits)'],
  cardPair: ['接続する', 'Connect'],
  cardPin: ['券面事項入力補助用の暗証番号（数字4桁）', 'PIN for the card’s text data (4 digits)'],
  cardPinHint: [
    'ご本人に入力していただいてください。暗証番号はこの端末のカードリーダーにだけ送られ、保存されません。',
    'Let the visitor type it. The PIN goes only to this computer’s card reader and is never kept.',
  ],
  cardRead: ['カードを読み取る', 'Read the card'],
  cardSettings: ['カードリーダーの設定', 'Card reader settings'],
  cardAgentUrl: ['エージェントのアドレス', 'Agent address'],
  cardRecheck: ['もう一度確認する', 'Check again'],
  prefill: ['事前入力（ご自宅で入力した内容）', 'Answers prepared at home'],
  prefillHint: ['ご本人のスマートフォンの「再開用リンク」のQRコードを読み取るか、リンクを入力してください。', 'Scan the QR code of the resident’s resume link, or enter the link.'],
  prefillLoad: ['読み込む', 'Load'],
  prefillDone: ['事前入力の内容を読み込みました。', 'The prepared answers were loaded.'],
  // forms
  forms: ['3. 聞き取りながら入力する', '3. Fill in while you talk'],
  shared: ['共通の項目', 'Shared answers'],
  sharedHint: ['ここに入力した内容は、各申請書に入ります。', 'What you enter here goes into each form.'],
  saveShared: ['共通の項目を各申請書に反映する', 'Put the shared answers into each form'],
  finishProcedure: ['この手続の入力を終える', 'Finish this procedure'],
  procedureDone: ['入力済み', 'Done'],
  procedureOpen: ['入力する', 'Fill in'],
  formsLoading: ['申請書の様式を読み込んでいます…', 'Loading the application forms…'],
  source: ['カード {card}件・事前入力 {prefill}件', 'Card {card}, prepared {prefill}'],
  saved: ['保存しました', 'Saved'],
  saving: ['保存しています…', 'Saving…'],
  // confirmation
  confirm: ['4. ご本人の確認', '4. The visitor confirms'],
  pairTablet: ['タブレットと接続する', 'Connect the tablet'],
  pairCode: ['タブレットに入力する番号', 'Code to enter on the tablet'],
  pairExpires: ['{time}まで有効', 'Valid until {time}'],
  tabletPaired: ['タブレット接続済み', 'Tablet connected'],
  askConfirm: ['タブレットで確認してもらう', 'Ask the visitor to confirm on the tablet'],
  waitingConfirm: ['ご本人がタブレットで確認しています…', 'The visitor is confirming on the tablet…'],
  confirmedTablet: ['ご本人がタブレットで確認しました（{signed}）。', 'The visitor confirmed on the tablet ({signed}).'],
  signedYes: ['手書き署名あり', 'signed by hand'],
  signedNo: ['署名なし', 'no signature'],
  paper: ['紙で署名してもらう場合', 'If the visitor prefers paper'],
  paperPrint: ['申請書を印刷（{title}）', 'Print the form ({title})'],
  paperSigned: ['紙の申請書に署名してもらった', 'The visitor signed the printed form'],
  confirmedPaper: ['紙の申請書に署名していただきました。', 'The visitor signed the printed form.'],
  submit: ['申請を受け付ける（送信）', 'Submit the applications'],
  submitted: ['申請を受け付けました。', 'The applications were submitted.'],
  receipt: ['到達番号', 'Receipt number'],
  end: ['受付を終了する', 'End the visit'],
  endHint: [
    '終了すると、この受付で入力した内容（カードの情報・署名を含む）は消去されます。申請済みの内容は受付箱に残ります。',
    'Ending erases what was entered for this visit (card data and signature included). Submitted applications stay in the inbox.',
  ],
  problems: ['入力内容に確認が必要な項目があります。', 'Some answers need attention.'],
  stale: ['別の画面で更新されたため、最新の内容を読み込みました。', 'It was changed on another screen; the latest version was loaded.'],
} satisfies Catalogue;

export type CounterMessageKey = keyof typeof COUNTER_MESSAGES;
export type CounterT = (key: CounterMessageKey, params?: TextParams) => string;

export function useCounterText(): CounterT {
  const { language } = useLanguage();
  return useCallback<CounterT>((key, params) => translateFrom(COUNTER_MESSAGES, language, key, params), [language]);
}
