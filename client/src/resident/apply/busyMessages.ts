/**
 * The words of the "not sent yet, try again" panel (a surge of applications or
 * a lost connection), in the [Japanese, English] catalogue form of
 * common/i18n/catalogue.ts. Kept apart: they load with the check page and the
 * attachments step, never with the form's first step.
 */
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../common/i18n/catalogue';

export const BUSY_MESSAGES = {
  busyTitle: ['ただいま申請が集中しています', 'Many applications are arriving right now'],
  offlineTitle: ['通信できませんでした', 'Could not connect'],
  saved: [
    '申請はまだ送信されていません。入力した内容と添付したファイルは、この端末に保存されています。このページを閉じても、続きから送信できます。',
    'Your application has not been sent yet. Your answers and attached files are saved on this device; you can close this page and send it later.',
  ],
  countdown: ['{seconds}秒後に、自動でもう一度送信します。', 'We will send it again automatically in {seconds} seconds.'],
  retrying: ['もう一度送信しています…', 'Sending again…'],
  retryNow: ['今すぐもう一度送信する', 'Send again now'],
  uploadWaiting: ['混み合っています。{seconds}秒後に自動で送り直します', 'Busy: sending again in {seconds} s'],
} as const satisfies Catalogue;

export type BusyMessageKey = keyof typeof BUSY_MESSAGES;

export function useBusyText(): (key: BusyMessageKey, params?: TextParams) => string {
  const { language } = useLanguage();
  return (key, params) => translateFrom(BUSY_MESSAGES, language, key, params);
}
