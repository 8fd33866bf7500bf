/** The correction panel's words, Japanese first. */
import type { Lang } from './correctionApi';

const TEXT = {
  title: ['補正（修正）のお願い', 'Correction requested'],
  lead: ['市区町村から、申請内容の確認・修正のお願いが届いています。内容をご確認のうえ、回答してください。', 'The municipality asks you to check or correct your application. Please answer below.'],
  requestedAt: ['依頼日時', 'Requested'],
  fieldsTitle: ['修正をお願いしている項目', 'Answers to correct'],
  fieldsHelp: ['必要に応じて書き直してください。変更がなければそのままで構いません。', 'Change them if needed; leave them as they are otherwise.'],
  yes: ['はい', 'Yes'],
  none: ['選択してください', 'Choose'],
  filesTitle: ['書類の追加', 'Add documents'],
  filesHelp: ['依頼に書かれた書類があれば添付してください（画像またはPDF）。', 'Attach the documents asked for (images or PDF).'],
  attached: ['添付済み', 'Attached'],
  fileKind: ['書類の種類', 'Kind of document'],
  fileChoose: ['ファイルを選ぶ', 'Choose a file'],
  messageLabel: ['市区町村へのメッセージ', 'Message to the municipality'],
  messageHelp: ['2000文字以内。修正した点や補足があれば書いてください。', 'Up to 2000 characters.'],
  send: ['回答を送信する', 'Send answer'],
  signFirst: [
    'この手続は電子署名が必要です。修正した内容は、マイナンバーカードで署名してから送信します。',
    'This procedure needs an electronic signature: changed answers are signed with your My Number Card before they are sent.',
  ],
  signAndSend: ['マイナンバーカードで署名する', 'Sign with My Number Card'],
  signedNow: ['マイナンバーカードで署名しました。「回答を送信する」を押してください。', 'Signed with your My Number Card. Press “Send answer”.'],
  signFailed: ['電子署名を確認できませんでした。もう一度署名してください。', 'The signature could not be verified. Please sign again.'],
  sending: ['送信しています…', 'Sending…'],
  uploading: ['アップロードしています…', 'Uploading…'],
  remove: ['取り消す', 'Remove'],
  errorsTitle: ['入力内容を確認してください', 'Please check your answers'],
  sent: ['回答を送信しました。市区町村が内容を確認します。', 'Your answer has been sent. The municipality will review it.'],
  history: ['これまでのやり取り', 'Messages so far'],
  fromMunicipality: ['市区町村から', 'From the municipality'],
  fromYou: ['あなたの回答', 'Your answer'],
  revisions: ['以前の申請内容', 'Earlier versions of your application'],
  revision: ['第{n}版（{at} 提出）', 'Version {n} (sent {at})'],
  show: ['表示', 'Show'],
  hide: ['閉じる', 'Hide'],
} as const;

export type TextKey = keyof typeof TEXT;

export function text(language: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXT[key][language === 'en' ? 1 : 0].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export function dateTime(iso: string, language: Lang): string {
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' });
}
