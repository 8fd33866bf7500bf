/**
 * The staff console's client for the card-reader agent on the counter PC
 * (card-agent/, issue #19). Framework-free: status, pairing, reading the
 * 基本4情報. The agent's ja/en messages are passed through unchanged; when the
 * agent cannot be reached at all, the console falls back to typing.
 *
 * The token lives in memory (and, if given, in sessionStorage so a reload in
 * the same tab stays paired); the PIN is sent once and never kept.
 */
import { CARD_AGENT_DEFAULT_PORT, type CardAgentError, type CardAgentErrorCode, type CardAgentMessage, type CardAgentPairResponse, type CardAgentStatus, type CardBasicInfo } from '@madoguchi/shared';

import { bilingual } from './cardAgentMessages';

export const DEFAULT_CARD_AGENT_URL = `http://127.0.0.1:${CARD_AGENT_DEFAULT_PORT}`;

/** `agent_unreachable`: no answer (not started, another port, or the browser refused the answer). */
export type CardAgentClientErrorCode = CardAgentErrorCode | 'agent_unreachable';

const UNREACHABLE = bilingual('unreachable');
const BAD_ANSWER = bilingual('badAnswer');

export class CardAgentClientError extends Error {
  constructor(
    readonly code: CardAgentClientErrorCode,
    readonly agentMessage: CardAgentMessage,
    readonly status: number,
    readonly attemptsLeft?: number,
  ) {
    super(agentMessage.en);
    this.name = 'CardAgentClientError';
  }
}

export interface CardAgentClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Keeps the token across reloads of the same tab (e.g. window.sessionStorage). */
  tokenStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

export interface CardAgentClient {
  status(): Promise<CardAgentStatus>;
  pair(code: string): Promise<void>;
  isPaired(): boolean;
  readBasicInfo(pin: string, options?: { allowLastAttempt?: boolean }): Promise<CardBasicInfo>;
  /** Drops the token (e.g. at the end of a shift). */
  forget(): void;
}

const TOKEN_KEY = 'madoguchi.cardAgent.token';

export function createCardAgentClient(options: CardAgentClientOptions = {}): CardAgentClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_CARD_AGENT_URL).replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const storage = options.tokenStorage;
  let token: string | null = storage?.getItem(TOKEN_KEY) ?? null;
  let expiresAt = 0;

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, auth = false): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(auth && token ? { Authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        cache: 'no-store',
      });
    } catch {
      throw new CardAgentClientError('agent_unreachable', UNREACHABLE, 0);
    }
    const data = (await response.json().catch(() => null)) as (T & { error?: CardAgentError }) | null;
    if (response.ok && data) return data;
    const error = data?.error;
    if (!error) throw new CardAgentClientError('card_error', BAD_ANSWER, response.status);
    if (error.code === 'not_paired') forgetToken();
    throw new CardAgentClientError(error.code, error.message, response.status, error.attemptsLeft);
  }

  function forgetToken(): void {
    token = null;
    expiresAt = 0;
    storage?.removeItem(TOKEN_KEY);
  }

  return {
    status: () => call<CardAgentStatus>('GET', '/status'),
    async pair(code) {
      const answer = await call<CardAgentPairResponse>('POST', '/pair', { code: code.trim() });
      token = answer.token;
      expiresAt = Date.parse(answer.expiresAt);
      storage?.setItem(TOKEN_KEY, token);
    },
    // A token restored from storage has no known expiry: the agent's 401 then asks for pairing again.
    isPaired: () => token !== null && (expiresAt === 0 || expiresAt > Date.now()),
    readBasicInfo: (pin, readOptions = {}) => call<CardBasicInfo>('POST', '/basic-info', { pin, ...(readOptions.allowLastAttempt ? { allowLastAttempt: true } : {}) }, true),
    forget: forgetToken,
  };
}
