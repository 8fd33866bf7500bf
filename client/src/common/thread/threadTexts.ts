/** Texts of the message thread, Japanese first with English. */
import type { Language } from '@madoguchi/shared';

const JA = {
  empty: 'メッセージはまだありません。',
  unread: '未読',
  unreadCount: (n: number) => `未読のメッセージが${n}件あります。`,
  request: '補正依頼',
  answer: '補正への回答',
  message: 'メッセージ',
  files: '添付ファイル',
  fields: '補正を求めた項目：',
  changed: '変更された項目：',
  writeToApplicant: '申請者へのメッセージ',
  writeToDesk: '窓口へのメッセージ（質問など）',
  help: '2000文字以内。PDF・JPEG・PNGのファイルを3件まで（1件10MBまで）添付できます。',
  count: (n: number, max: number) => `${n} / ${max}文字`,
  attach: 'ファイルを添付（任意）',
  send: 'メッセージを送る',
  sent: 'メッセージを送りました。',
  closed: 'この申請は保存期間を過ぎたため、メッセージは送れません。',
};
type Texts = typeof JA;
const EN: Texts = {
  empty: 'No messages yet.',
  unread: 'Unread',
  unreadCount: (n: number) => `${n} unread message${n === 1 ? '' : 's'}.`,
  request: 'Correction request',
  answer: 'Answer to the correction request',
  message: 'Message',
  files: 'Attached files',
  fields: 'Answers to correct: ',
  changed: 'Changed answers: ',
  writeToApplicant: 'Message to the applicant',
  writeToDesk: 'Message to the desk (a question, for example)',
  help: 'At most 2000 characters. Up to 3 PDF, JPEG or PNG files (10 MB each).',
  count: (n: number, max: number) => `${n} / ${max} characters`,
  attach: 'Attach files (optional)',
  send: 'Send message',
  sent: 'Your message was sent.',
  closed: 'This application is past its retention period: messages can no longer be sent.',
};

export const threadTexts = (language: Language): Texts => (language === 'en' ? EN : JA);
