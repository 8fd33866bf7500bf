/** Texts of the push panel (issue #21), Japanese first. Kept beside the panel so the shared staff table stays untouched. */
import type { Language } from '@madoguchi/shared';

/** Catalogue of the panel's text, [Japanese, English] like the staff catalogue (checked by tests/client/i18n-catalogues.test.ts). */
export const PUSH_MESSAGES = {
  title: ['基幹システムへの送信（プッシュ）', 'Push to back-office systems'],
  lead: [
    '申請を受け付けたときなどに、申請内容（項目の対応表で選んだ回答）と申請書PDFを、指定した送信先へ署名付きで送ります。送信は監査ログに記録されます。',
    'When an application arrives (or on other events), its answers — as mapped below — and the application PDF are sent, signed, to the endpoint. Every push is audited.',
  ],
  none: ['送信先はまだありません。', 'No push targets yet.'],
  name: ['送信先の名前', 'Name'],
  url: ['送信先URL（https:// で始まるもの）', 'Endpoint URL (https://)'],
  procedure: ['手続', 'Procedure'],
  chooseProcedure: ['手続を選んでください', 'Choose a procedure'],
  events: ['送信するとき', 'Send when'],
  statusesLegend: ['状況の変更は、次の状況になったときだけ送る（選ばなければすべて）', 'Status changes: only to these statuses (none chosen: all)'],
  includePdf: ['申請書PDFを添える', 'Include the application PDF'],
  mapping: ['項目の対応表', 'Field mapping'],
  mappingLead: [
    '送信先の項目名ごとに、送る回答（様式の項目名）または申請の情報を選んでください。',
    'For each field name of the receiving system, choose the answer (by its label on the form) or a fact of the application.',
  ],
  targetField: ['送信先の項目名', 'Target field name'],
  source: ['送る内容', 'Value'],
  chooseSource: ['選んでください', 'Choose'],
  metaGroup: ['申請の情報', 'Application facts'],
  answersGroup: ['回答（様式の項目）', 'Answers (form fields)'],
  sensitiveMark: ['（機微な項目）', ' (sensitive)'],
  addRow: ['行を追加', 'Add a row'],
  removeRow: ['行を削除', 'Remove row'],
  row: ['{n}行目', 'Row {n}'],
  sensitiveConfirm: [
    '個人番号などの機微な項目を送ることを確認しました（送信先が法令上その情報を扱えることを確かめてください）',
    'I confirm that sensitive answers (such as My Number) are sent (check that the receiver may lawfully hold them)',
  ],
  save: ['送信先を登録', 'Add push target'],
  update: ['変更を保存', 'Save changes'],
  cancel: ['編集をやめる', 'Cancel editing'],
  edit: ['編集', 'Edit'],
  pause: ['一時停止', 'Pause'],
  resume: ['再開', 'Resume'],
  paused: ['一時停止中', 'paused'],
  rotate: ['署名用の秘密鍵を再発行', 'Rotate signing secret'],
  remove: ['削除', 'Delete'],
  removed: ['送信先を削除しました。', 'Push target deleted.'],
  saved: ['保存しました。', 'Saved.'],
  secretLead: [
    '署名用の秘密鍵です。この画面を離れると二度と表示されません。送信先のシステムに設定してください（Madoguchi-Signature ヘッダーの検証に使います）。',
    'The signing secret. It will not be shown again: configure it in the receiving system (it verifies the Madoguchi-Signature header).',
  ],
  secretLabel: ['署名用の秘密鍵', 'Signing secret'],
  fieldsCount: ['{n}項目', '{n} fields'],
  withPdf: ['PDFあり', 'with PDF'],
  log: ['送信の記録', 'Delivery log'],
  logCaption: ['基幹システムへの送信の記録（新しい順）', 'Pushes, newest first'],
  time: ['日時', 'Time'],
  to: ['送信先', 'To'],
  receipt: ['到達番号', 'Receipt number'],
  result: ['結果', 'Result'],
  actions: ['操作', 'Actions'],
  delivered: ['送信済み', 'Delivered'],
  failed: ['送信できませんでした', 'Failed'],
  retrying: ['再試行待ち（{at}）', 'Retrying ({at})'],
  attempts: ['・{n}回試行', ' · {n} attempts'],
  resend: ['再送', 'Resend'],
  resent: ['再送を予約しました。', 'Queued for resending.'],
  noDeliveries: ['送信の記録はまだありません。', 'No pushes yet.'],
  targetGone: ['送信先が削除されたか一時停止中です', 'The push target was deleted or is paused'],
  submissionGone: ['申請の内容が保存期間の処理で消去されています', 'The application’s content was removed by retention'],
} as const;

export type PushTextKey = keyof typeof PUSH_MESSAGES;

export const pushText = (language: Language, key: PushTextKey, vars: Record<string, string | number> = {}): string =>
  PUSH_MESSAGES[key][language === 'ja' ? 0 : 1].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** Submission facts a mapping row may send, by name. */
export const META_LABELS: Record<string, readonly [string, string]> = {
  receiptNumber: ['到達番号', 'Receipt number'],
  receivedAt: ['到達日時', 'Received at'],
  procedureId: ['手続ID', 'Procedure id'],
  formVersion: ['様式の版', 'Form version'],
  status: ['状況', 'Status'],
  revision: ['補正回数（版）', 'Revision'],
  municipalityCode: ['自治体コード', 'Municipality code'],
  channel: ['受付経路', 'Channel'],
};

/** Push-only failure reasons the server logs (pushDelivery.ts), in words; the rest are the webhooks' (failureLabel). */
export const PUSH_FAILURES: Record<string, PushTextKey> = {
  'push target removed or paused': 'targetGone',
  'submission no longer held': 'submissionGone',
};
