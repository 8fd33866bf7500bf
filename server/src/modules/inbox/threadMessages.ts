/** Texts of the message thread (issue #21), Japanese first with an English counterpart. */
import type { Language } from '@madoguchi/shared';

export const THREAD_MESSAGES = {
  receiptMismatch: { ja: '到達番号または確認キーが正しくありません。', en: 'No application matches this receipt number and key.' },
  submissionNotFound: { ja: '申請が見つかりません。', en: 'No such submission.' },
  fileNotFound: { ja: '添付ファイルが見つかりません。', en: 'No such attachment.' },
  applicantName: { ja: '申請者', en: 'Applicant' },
  deskName: { ja: '窓口', en: 'The desk' },
  bodyRequired: { ja: 'メッセージを入力してください（{max}文字以内）。', en: 'Write a message (at most {max} characters).' },
  bodyTooLong: { ja: 'メッセージは{max}文字以内にしてください。', en: 'The message must be at most {max} characters.' },
  tooManyFiles: { ja: '添付できるファイルは{max}件までです。', en: 'At most {max} files can be attached.' },
  fileEmpty: { ja: '「{name}」は空のファイルです。', en: '"{name}" is empty.' },
  fileTooLarge: { ja: '「{name}」は{max}MBを超えています。{max}MB以下のファイルを選んでください。', en: '"{name}" is larger than {max} MB.' },
  fileType: { ja: '「{name}」は添付できない種類のファイルです。PDF、JPEG、PNGのファイルを選んでください。', en: '"{name}" cannot be attached. Allowed: PDF, JPEG, PNG.' },
  fileInfected: {
    ja: '「{name}」からウイルス（{signature}）が検出されたため、受け付けられませんでした。別のファイルを選んでください。',
    en: '"{name}" was not accepted: malware ({signature}) was found in it. Choose another file.',
  },
  threadClosed: { ja: 'この申請は保存期間を過ぎて内容が消去されたため、メッセージを送ることはできません。', en: 'This application is past its retention period; messages can no longer be sent.' },
} as const;

export type ThreadMessageKey = keyof typeof THREAD_MESSAGES;

export function threadText(language: Language, key: ThreadMessageKey, vars: Record<string, string | number> = {}): string {
  return THREAD_MESSAGES[key][language === 'en' ? 'en' : 'ja'].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** The e-mail notices: no message text, only that there is one and where to read it. */
export function messageNoticeToApplicant(municipalityName: string, receiptNumber: string, statusUrl: string): { subject: string; text: string } {
  return {
    subject: `【${municipalityName}】窓口からのメッセージ（到達番号 ${receiptNumber}）`,
    text: [
      `${municipalityName}へのオンライン申請（到達番号 ${receiptNumber}）について、`,
      '窓口からメッセージが届いています。状況確認ページでご確認ください。',
      '',
      statusUrl,
      '',
      'このメールは送信専用です。返信いただいてもお答えできません。',
      '',
      '---',
      `The desk of ${municipalityName} has sent you a message about your application (receipt ${receiptNumber}). Please read it on the status page above.`,
    ].join('\n'),
  };
}

export function messageNoticeToDesk(receiptNumber: string, procedureTitle: string, submissionUrl: string): { subject: string; text: string } {
  return {
    subject: `申請者からのメッセージ（到達番号 ${receiptNumber}）`,
    text: [
      '申請者からメッセージが届いています。受付箱の申請画面でご確認ください。',
      '',
      `手続：${procedureTitle}`,
      `到達番号：${receiptNumber}`,
      submissionUrl,
      '',
      '---',
      `The applicant of ${receiptNumber} has sent a message. Read it on the submission page in the inbox.`,
    ].join('\n'),
  };
}
