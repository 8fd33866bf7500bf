/** Texts of the push panel (issue #21), Japanese first. Kept beside the panel so the shared staff table stays untouched. */
import type { Language } from '@madoguchi/shared';

const TEXT = {
  title: { ja: '基幹システムへの送信（プッシュ）', en: 'Push to back-office systems' },
  lead: {
    ja: '申請を受け付けたときなどに、申請内容（項目の対応表で選んだ回答）と申請書PDFを、指定した送信先へ署名付きで送ります。送信は監査ログに記録されます。',
    en: 'When an application arrives (or on other events), its answers — as mapped below — and the application PDF are sent, signed, to the endpoint. Every push is audited.',
  },
  none: { ja: '送信先はまだありません。', en: 'No push targets yet.' },
  name: { ja: '送信先の名前', en: 'Name' },
  url: { ja: '送信先URL（https:// で始まるもの）', en: 'Endpoint URL (https://)' },
  procedure: { ja: '手続', en: 'Procedure' },
  chooseProcedure: { ja: '手続を選んでください', en: 'Choose a procedure' },
  events: { ja: '送信するとき', en: 'Send when' },
  statusesLegend: { ja: '状況の変更は、次の状況になったときだけ送る（選ばなければすべて）', en: 'Status changes: only to these statuses (none chosen: all)' },
  includePdf: { ja: '申請書PDFを添える', en: 'Include the application PDF' },
  mapping: { ja: '項目の対応表', en: 'Field mapping' },
  mappingLead: {
    ja: '送信先の項目名ごとに、送る回答（様式の項目名）または申請の情報を選んでください。',
    en: 'For each field name of the receiving system, choose the answer (by its label on the form) or a fact of the application.',
  },
  targetField: { ja: '送信先の項目名', en: 'Target field name' },
  source: { ja: '送る内容', en: 'Value' },
  chooseSource: { ja: '選んでください', en: 'Choose' },
  metaGroup: { ja: '申請の情報', en: 'Application facts' },
  answersGroup: { ja: '回答（様式の項目）', en: 'Answers (form fields)' },
  sensitiveMark: { ja: '（機微な項目）', en: ' (sensitive)' },
  addRow: { ja: '行を追加', en: 'Add a row' },
  removeRow: { ja: '行を削除', en: 'Remove row' },
  row: { ja: '{n}行目', en: 'Row {n}' },
  sensitiveConfirm: {
    ja: '個人番号などの機微な項目を送ることを確認しました（送信先が法令上その情報を扱えることを確かめてください）',
    en: 'I confirm that sensitive answers (such as My Number) are sent (check that the receiver may lawfully hold them)',
  },
  save: { ja: '送信先を登録', en: 'Add push target' },
  update: { ja: '変更を保存', en: 'Save changes' },
  cancel: { ja: '編集をやめる', en: 'Cancel editing' },
  edit: { ja: '編集', en: 'Edit' },
  pause: { ja: '一時停止', en: 'Pause' },
  resume: { ja: '再開', en: 'Resume' },
  paused: { ja: '一時停止中', en: 'paused' },
  rotate: { ja: '署名用の秘密鍵を再発行', en: 'Rotate signing secret' },
  remove: { ja: '削除', en: 'Delete' },
  removed: { ja: '送信先を削除しました。', en: 'Push target deleted.' },
  saved: { ja: '保存しました。', en: 'Saved.' },
  secretLead: {
    ja: '署名用の秘密鍵です。この画面を離れると二度と表示されません。送信先のシステムに設定してください（Madoguchi-Signature ヘッダーの検証に使います）。',
    en: 'The signing secret. It will not be shown again: configure it in the receiving system (it verifies the Madoguchi-Signature header).',
  },
  secretLabel: { ja: '署名用の秘密鍵', en: 'Signing secret' },
  fieldsCount: { ja: '{n}項目', en: '{n} fields' },
  withPdf: { ja: 'PDFあり', en: 'with PDF' },
  log: { ja: '送信の記録', en: 'Delivery log' },
  logCaption: { ja: '基幹システムへの送信の記録（新しい順）', en: 'Pushes, newest first' },
  time: { ja: '日時', en: 'Time' },
  to: { ja: '送信先', en: 'To' },
  receipt: { ja: '到達番号', en: 'Receipt number' },
  result: { ja: '結果', en: 'Result' },
  actions: { ja: '操作', en: 'Actions' },
  delivered: { ja: '送信済み', en: 'Delivered' },
  failed: { ja: '送信できませんでした', en: 'Failed' },
  retrying: { ja: '再試行待ち（{at}）', en: 'Retrying ({at})' },
  attempts: { ja: '・{n}回試行', en: ' · {n} attempts' },
  resend: { ja: '再送', en: 'Resend' },
  resent: { ja: '再送を予約しました。', en: 'Queued for resending.' },
  noDeliveries: { ja: '送信の記録はまだありません。', en: 'No pushes yet.' },
  targetGone: { ja: '送信先が削除されたか一時停止中です', en: 'The push target was deleted or is paused' },
  submissionGone: { ja: '申請の内容が保存期間の処理で消去されています', en: 'The application’s content was removed by retention' },
} as const;

export type PushTextKey = keyof typeof TEXT;

export const pushText = (language: Language, key: PushTextKey, vars: Record<string, string | number> = {}): string =>
  TEXT[key][language].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** Submission facts a mapping row may send, by name. */
export const META_LABELS: Record<string, { ja: string; en: string }> = {
  receiptNumber: { ja: '到達番号', en: 'Receipt number' },
  receivedAt: { ja: '到達日時', en: 'Received at' },
  procedureId: { ja: '手続ID', en: 'Procedure id' },
  formVersion: { ja: '様式の版', en: 'Form version' },
  status: { ja: '状況', en: 'Status' },
  revision: { ja: '補正回数（版）', en: 'Revision' },
  municipalityCode: { ja: '自治体コード', en: 'Municipality code' },
  channel: { ja: '受付経路', en: 'Channel' },
};

/** Push-only failure reasons the server logs (pushDelivery.ts), in words; the rest are the webhooks' (failureLabel). */
export const PUSH_FAILURES: Record<string, PushTextKey> = {
  'push target removed or paused': 'targetGone',
  'submission no longer held': 'submissionGone',
};
