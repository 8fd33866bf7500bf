/** Every inbox, correction and back-office message, Japanese first with an English counterpart. */
import type { Language } from '@madoguchi/shared';

export const INBOX_MESSAGES = {
  submissionNotFound: { ja: '申請が見つかりません。', en: 'No such submission.' },
  cardNotConfigured: { ja: 'マイナンバーカードの電子署名を検証する設定がありません。', en: 'Signature verification with the My Number Card is not configured.' },
  fileNotFound: { ja: '添付ファイルが見つかりません。', en: 'No such attachment.' },
  counterSignatureNotFound: { ja: 'この申請には、窓口のタブレットで書かれた署名はありません。', en: 'This application has no signature drawn on the counter tablet.' },
  fileInfected: { ja: 'この添付ファイルからウイルス（{signature}）が検出されたため、ダウンロードできません。', en: 'Malware ({signature}) was found in this attachment; it cannot be downloaded.' },
  revisionNotFound: { ja: '指定された版の申請内容はありません。', en: 'No such revision.' },
  illegalTransition: { ja: '「{from}」から「{to}」には変更できません。', en: 'A submission cannot move from "{from}" to "{to}".' },
  useCorrectionRequest: { ja: '補正依頼は「補正依頼」の操作から、依頼内容を書いて送ってください。', en: 'Send a correction request with a message instead.' },
  resubmitByApplicant: { ja: '「補正済（再提出）」には申請者の回答によってのみ変わります。', en: 'Only the applicant’s answer moves a submission to resubmitted.' },
  stale: { ja: 'この申請は他の職員によって更新されました。画面を更新してから、もう一度操作してください。', en: 'Someone else changed this submission. Reload and try again.' },
  badStatus: { ja: '状況の指定が正しくありません。', en: 'Unknown status.' },
  assigneeInvalid: { ja: '担当者に指定できるのは、この自治体の有効な職員だけです。', en: 'Only an active account of this municipality can be assigned.' },
  noteRequired: { ja: 'メモを入力してください（2000文字以内）。', en: 'Enter a note (at most 2000 characters).' },
  messageRequired: { ja: '申請者へのお知らせ（依頼内容）を入力してください（2000文字以内）。', en: 'Enter the message to the applicant (at most 2000 characters).' },
  publicNoteTooLong: { ja: '申請者へのお知らせは2000文字以内にしてください。', en: 'The message to the applicant must be at most 2000 characters.' },
  fieldsInvalid: { ja: '補正を求める項目の指定が正しくありません。', en: 'The fields to correct are not valid.' },
  badQuery: { ja: '検索条件の指定が正しくありません（{name}）。', en: 'Invalid search parameter ({name}).' },
  exportNeedsProcedure: { ja: 'CSVを出力する手続を選んでください。', en: 'Choose a procedure to export.' },
  revealPointersInvalid: { ja: '表示する項目の指定が正しくありません。', en: 'The answers to show are not valid.' },
  sensitiveExportForbidden: { ja: '機微情報を含むCSVを出力する権限がありません。', en: 'You may not export sensitive answers.' },
  exportTooLarge: { ja: '該当する申請が{max}件を超えています。期間などで絞り込んでから出力してください。', en: 'More than {max} submissions match. Narrow the filter and export again.' },
  // Resident side (補正依頼への回答)
  receiptMismatch: { ja: '到達番号または確認キーが正しくありません。', en: 'No application matches this receipt number and key.' },
  noOpenCorrection: { ja: '現在、補正（修正）をお願いしている事項はありません。', en: 'There is no open correction request for this application.' },
  correctionStale: { ja: '申請内容が更新されています。画面を読み込み直してから、もう一度送信してください。', en: 'This application has changed. Reload the page and send again.' },
  correctionEmpty: { ja: '回答のメッセージ、修正した内容、追加する書類のいずれかを入力してください。', en: 'Write a message, change an answer or add a document.' },
  correctionFieldNotRequested: { ja: '補正を求められていない項目は変更できません。', en: 'Only the answers you were asked to correct can be changed.' },
  correctionInvalid: { ja: '入力内容に{count}件の誤りがあります。', en: 'There are {count} problems with your answers.' },
  answerTooLong: { ja: 'メッセージは2000文字以内にしてください。', en: 'The message must be at most 2000 characters.' },
  attachmentUnknown: { ja: 'この手続にない添付書類（{id}）が指定されています。', en: 'This procedure has no attachment "{id}".' },
  attachmentMissing: { ja: '「{label}」のファイルが見つかりません。もう一度添付してください。', en: 'A file for "{label}" was not found. Attach it again.' },
  attachmentTooMany: { ja: '「{label}」は{max}件まで添付できます。', en: 'Up to {max} files for "{label}".' },
  attachmentRequired: { ja: '「{label}」を添付してください。', en: 'Attach "{label}".' },
  // Back office
  apiKeyMissing: { ja: 'APIキーが必要です（Authorization: Bearer …）。', en: 'An API key is required (Authorization: Bearer …).' },
  apiKeyInvalid: { ja: 'APIキーが正しくないか、失効しています。', en: 'The API key is invalid or revoked.' },
  apiKeyNotFound: { ja: 'APIキーが見つかりません。', en: 'No such API key.' },
  apiKeyName: { ja: 'APIキーの名前を入力してください（100文字以内）。', en: 'Enter a name for the key (at most 100 characters).' },
  apiKeyScope: { ja: '権限は read または read-write を指定してください。', en: 'Scope must be read or read-write.' },
  badCursor: { ja: 'カーソルの指定が正しくありません。', en: 'Invalid cursor.' },
  webhookNotFound: { ja: 'Webhookが見つかりません。', en: 'No such webhook.' },
  webhookUrl: { ja: '送信先URLは https:// で始まる正しいURLにしてください。', en: 'The URL must be a valid https:// URL.' },
  webhookAddressRefused: {
    ja: 'この送信先には送信できません（ループバック、リンクローカル、内部ネットワークのアドレス）。LGWAN などの閉域網の受信先は、運用者が WEBHOOK_ALLOWED_NETWORKS に登録してから指定してください。',
    en: 'Webhooks cannot be sent to this address (loopback, link-local or internal network). For a receiver on a closed network such as LGWAN, the operator must list it in WEBHOOK_ALLOWED_NETWORKS first.',
  },
  webhookEvents: { ja: '通知するイベントを1つ以上選んでください。', en: 'Choose at least one event.' },
  deliveryNotFound: { ja: '配信記録が見つかりません。', en: 'No such delivery.' },
  retentionInvalid: { ja: '保存期間は1〜36500日、方法は delete（削除）か strip（内容の消去）を指定してください。', en: 'Days must be 1–36500 and mode delete or strip.' },
  procedureUnknown: { ja: 'この自治体にその手続はありません。', en: 'This municipality has no such procedure.' },
} as const;

export type InboxMessageKey = keyof typeof INBOX_MESSAGES;

/** The message in the caller's language, with `{name}` placeholders filled in. */
export function inboxText(language: Language, key: InboxMessageKey, vars: Record<string, string | number> = {}): string {
  return INBOX_MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
