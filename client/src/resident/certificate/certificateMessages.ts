/**
 * The 罹災証明書 words (status panel, verification page), kept apart so only the pages that show them load them.
 */
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../common/i18n/catalogue';

export const CERTIFICATE_MESSAGES = {
  heading: ['罹災証明書', 'Disaster damage certificate (罹災証明書)'],
  issued: ['罹災証明書が発行されました', 'Your disaster damage certificate has been issued'],
  issuedFacts: ['証明書番号 {number}（{date}発行）', 'Certificate number {number} (issued {date})'],
  download: ['罹災証明書をダウンロード（PDF）', 'Download the certificate (PDF)'],
  downloading: ['ダウンロードしています…', 'Downloading…'],
  downloadFailed: ['ダウンロードできませんでした。時間をおいてもう一度お試しください。', 'The download failed. Please try again later.'],
  byPost: ['ご希望のとおり、罹災証明書は郵送でお届けします。', 'As you asked, the certificate will be sent to you by post.'],
  withdrawn: ['この罹災証明書は取り消されました（{date}）。', 'This certificate was withdrawn ({date}).'],
  withdrawnHelp: ['詳しくは市区町村の窓口にお問い合わせください。', 'Please ask the municipality’s desk for details.'],
  verifyTitle: ['罹災証明書の確認', 'Check a disaster damage certificate'],
  verifyLead: [
    '罹災証明書に書かれた「証明書番号」と「照合番号」を入力すると、市区町村が発行した内容が表示されます。',
    'Enter the certificate number and the verification code printed on the certificate to see what the municipality issued.',
  ],
  verifyHelp: [
    '証明書の記載（被害の程度など）が下に表示される内容と異なる場合、その証明書は書き換えられています。表示される内容が、市区町村が証明した内容です。',
    'If the paper (for example its damage level) differs from what is shown below, the paper has been altered. What is shown is what the municipality certified.',
  ],
  number: ['証明書番号', 'Certificate number'],
  numberHelp: ['例：令和8年 第000123号', 'e.g. 令和8年 第000123号'],
  code: ['照合番号', 'Verification code'],
  codeHelp: ['例：7KQM-2XHP-9RTA（英字の大文字・小文字、ハイフンの有無は問いません）', 'e.g. 7KQM-2XHP-9RTA (upper or lower case, with or without hyphens)'],
  check: ['確認する', 'Check'],
  checking: ['確認しています…', 'Checking…'],
  valid: ['有効', 'Valid'],
  validLead: ['この罹災証明書は有効です。市区町村が証明した内容は次のとおりです。', 'This certificate is valid. The municipality certified the following.'],
  revoked: ['取り消し', 'Withdrawn'],
  revokedLead: ['この罹災証明書は{date}に取り消されています。', 'This certificate was withdrawn on {date}.'],
  mismatch: ['一致しません', 'No match'],
  mismatchLead: ['証明書番号または照合番号が一致しません。入力を確かめてください。', 'The certificate number or the verification code does not match. Please check what you entered.'],
  municipality: ['発行した市区町村', 'Issued by'],
  disaster: ['災害', 'Disaster'],
  damageLevel: ['被害の程度（住家）', 'Damage level (home)'],
  issuedOn: ['証明日', 'Date issued'],
  failed: ['確認できませんでした。時間をおいてもう一度お試しください。', 'The check could not be made. Please try again later.'],
} as const satisfies Catalogue;

export type CertificateMessageKey = keyof typeof CERTIFICATE_MESSAGES;

export function useCertificateText(): (key: CertificateMessageKey, params?: TextParams) => string {
  const { language } = useLanguage();
  return (key, params) => translateFrom(CERTIFICATE_MESSAGES, language, key, params);
}
