/**
 * The card-reader agent's localhost protocol (issue #19, 書かない窓口): the
 * agent on the counter PC reads the 基本4情報 from a My Number Card and the
 * staff console asks it over http://127.0.0.1. These shapes are shared by the
 * agent (card-agent/) and the console's client; they hold no code.
 */

/** The agent's default port on 127.0.0.1 (env CARD_AGENT_PORT changes it). */
export const CARD_AGENT_DEFAULT_PORT = 39419;

/** A message in both languages; the console shows ja first, en second. */
export interface CardAgentMessage {
  ja: string;
  en: string;
}

/** Why the agent said no. Every error carries `code` and a ja/en `message`. */
export const CARD_AGENT_ERROR_CODES = [
  'origin_refused',
  'not_paired',
  'pairing_code_wrong',
  'pairing_locked',
  'bad_request',
  'not_found',
  'pcsc_unavailable',
  'no_reader',
  'no_card',
  'card_busy',
  'not_my_number_card',
  'pin_format',
  'pin_wrong',
  'pin_last_attempt',
  'pin_blocked',
  'consent_required',
  'card_error',
] as const;
export type CardAgentErrorCode = (typeof CARD_AGENT_ERROR_CODES)[number];

export interface CardAgentError {
  code: CardAgentErrorCode;
  message: CardAgentMessage;
  /** For pin_wrong / pin_last_attempt: how many PIN tries the card still allows. */
  attemptsLeft?: number;
}

/** GET /status (no pairing needed: it says nothing about the visitor). */
export interface CardAgentStatus {
  agent: 'madoguchi-card-agent';
  version: string;
  /** False when the PC/SC binding or pcscd is missing; `problem` then says what to install. */
  pcscAvailable: boolean;
  readerPresent: boolean;
  cardPresent: boolean;
  readerName: string | null;
  problem?: CardAgentMessage;
}

/** POST /pair */
export interface CardAgentPairRequest {
  code: string;
}
export interface CardAgentPairResponse {
  token: string;
  /** ISO time after which the console pairs again. */
  expiresAt: string;
}

/** POST /basic-info: the 券面事項入力補助用暗証番号 (4 digits). */
export interface CardAgentBasicInfoRequest {
  pin: string;
  /**
   * The card allows 3 tries. With one try left the agent does not send the PIN
   * unless the clerk confirms that the visitor is sure (a wrong PIN then locks
   * the card until the municipality resets it).
   */
  allowLastAttempt?: boolean;
}

/** 性別 on the card: 1 男, 2 女, 3 and 9 as written on the card (shown as null). */
export type CardSex = '男' | '女' | null;

/** The 基本4情報 as written on the card, nothing else. */
export interface CardBasicInfo {
  name: string;
  address: string;
  /** YYYY-MM-DD (the card stores YYYYMMDD, Gregorian). */
  birthdate: string;
  sex: CardSex;
  /** The card's own code: '1', '2', '3' or '9'. */
  sexCode: string;
}

/** POST /my-number: only with the resident's consent and for a named procedure. */
export interface CardAgentMyNumberRequest {
  pin: string;
  consent: boolean;
  /** The procedure id that needs the 個人番号. */
  purpose: string;
  allowLastAttempt?: boolean;
}
export interface CardAgentMyNumberResponse {
  myNumber: string;
}
