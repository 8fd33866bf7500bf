/**
 * The card-reader client's own words, for the two cases the agent cannot
 * word itself (it does not answer, or answers nonsense). Kept in both
 * languages at once, as the agent's own messages are.
 */
import type { CardAgentMessage, Language } from '@madoguchi/shared';
import { translateFrom, type Catalogue } from '../../common/i18n/catalogue';

export const CARD_AGENT_CLIENT_MESSAGES = {
  unreachable: [
    'カードリーダーのエージェントに接続できません。窓口のパソコンで起動しているか確かめてください。読めないときは職員が入力してください。',
    'Cannot reach the card-reader agent. Check that it runs on the counter PC. If it cannot be used, staff type the data.',
  ],
  badAnswer: ['カードリーダーのエージェントから予期しない応答がありました。', 'The card-reader agent gave an unexpected answer.'],
} satisfies Catalogue;

const LANGUAGES: Language[] = ['ja', 'en'];

/** One text in both languages, in the agent's message shape. */
export const bilingual = (key: keyof typeof CARD_AGENT_CLIENT_MESSAGES): CardAgentMessage =>
  Object.fromEntries(LANGUAGES.map((language) => [language, translateFrom(CARD_AGENT_CLIENT_MESSAGES, language, key)])) as unknown as CardAgentMessage;
