/**
 * The words of the disaster banner and the declared disaster in a form, in
 * the common catalogue form; kept apart so that only the pages that show
 * them load them (the form's budget stays as it is). The banner's own
 * sentence comes from the server.
 */
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue } from '../../common/i18n/catalogue';

export const DISASTER_MESSAGES = {
  kicker: ['災害に関するお知らせ', 'Disaster notice'],
  guideLink: ['被災された方の支援と手続を確認する', 'See the support and procedures for those affected'],
  risaiLink: ['罹災証明書を申請する', 'Apply for a disaster victim certificate (罹災証明書)'],
  declaredLabel: ['対象となる災害', 'Disaster'],
  chooseLabel: ['どの災害の被害ですか', 'Which disaster damaged your home?'],
} as const satisfies Catalogue;

export type DisasterMessageKey = keyof typeof DISASTER_MESSAGES;

export function useDisasterText(): (key: DisasterMessageKey) => string {
  const { language } = useLanguage();
  return (key) => translateFrom(DISASTER_MESSAGES, language, key);
}
