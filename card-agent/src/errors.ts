/** The one error type the agent's modules throw; the HTTP layer turns it into a status and a ja/en message. */
import type { CardAgentErrorCode, CardAgentMessage } from '@madoguchi/shared';
import { ERROR_MESSAGES } from './messages';

export class CardAgentFailure extends Error {
  readonly code: CardAgentErrorCode;
  readonly agentMessage: CardAgentMessage;
  readonly attemptsLeft?: number;

  constructor(code: CardAgentErrorCode, options: { message?: CardAgentMessage; attemptsLeft?: number; detail?: string } = {}) {
    // `detail` is for the agent's own diagnostics (status words, PC/SC errors): never card data.
    super(options.detail ? `${code}: ${options.detail}` : code);
    this.code = code;
    this.agentMessage = options.message ?? ERROR_MESSAGES[code];
    if (options.attemptsLeft !== undefined) this.attemptsLeft = options.attemptsLeft;
  }
}
