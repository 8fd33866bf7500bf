/**
 * The life-event guides' words, in the common catalogue form; kept apart so
 * that only the guide pages load them (the form's budget stays as it is).
 */
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../common/i18n/catalogue';

export const GUIDE_MESSAGES = {
  questions: ['質問に答えてください', 'Answer the questions'],
  result: ['必要な手続', 'What you need to do'],
  resultLead: ['答えに合わせて、下の一覧が変わります。', 'The list below follows your answers.'],
  none: ['質問に答えると、必要な手続が表示されます。', 'Answer the questions to see what you need to do.'],
  count: ['{n}件', 'Things to do: {n}.'],
  why: ['理由', 'Why'],
  deadline: ['期限', 'Deadline'],
  where: ['手続する所', 'Where'],
  online: ['オンラインで申請する', 'Apply online'],
  onlineLabel: ['オンライン申請できます', 'Online'],
  atDesk: ['窓口などでの手続', 'At a desk'],
  back: ['手続の一覧へ戻る', 'Back to all procedures'],
  notFound: ['この案内は見つかりません。', 'This guide was not found.'],
  related: ['この手続が必要になるとき', 'When this procedure is needed'],
  bundle: ['{n}件をまとめて申請する', 'Apply for all {n} together'],
  bundleLead: [
    'オンラインで申請できる{n}件は、まとめて申請できます。氏名・住所・口座などの共通の項目は一度入力するだけで済みます。',
    'The {n} online applications can be made together: you give your name, address, bank account and other shared answers only once.',
  ],
} as const satisfies Catalogue;

export type GuideMessageKey = keyof typeof GUIDE_MESSAGES;

export function useGuideText(): (key: GuideMessageKey, params?: TextParams) => string {
  const { language } = useLanguage();
  return (key, params) => translateFrom(GUIDE_MESSAGES, language, key, params);
}
