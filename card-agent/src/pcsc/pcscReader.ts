/**
 * PC/SC transport over the `smartcard` binding (built from source against
 * libpcsclite). The binding is an optional dependency: without it (or without
 * pcscd) the agent still starts and says what to install. Each operation opens
 * its own exclusive connection and resets the card afterwards, so a verified
 * PIN never outlives the request.
 */
import type { CardAgentMessage } from '@madoguchi/shared';
import { CardAgentFailure } from '../errors';
import { ERROR_MESSAGES, PCSCD_NOT_RUNNING } from '../messages';
import type { ApduTransport } from '../card/readSequence';

/**
 * The part of the `smartcard` package's API the agent uses, declared here so
 * the agent type-checks and starts even where the optional binding is absent.
 */
interface PcscCard {
  transmit(command: Buffer, options?: { autoGetResponse?: boolean }): Promise<Buffer>;
  disconnect(disposition?: number): void;
}
interface PcscReaderHandle {
  readonly name: string;
  readonly state: number;
  connect(shareMode?: number, protocol?: number): Promise<PcscCard>;
}
interface PcscContext {
  listReaders(): PcscReaderHandle[];
  close(): void;
}
export interface Binding {
  Context: new () => PcscContext;
  SharingViolationError: new (...args: never[]) => Error;
  SCARD_STATE_PRESENT: number;
  SCARD_SHARE_EXCLUSIVE: number;
  SCARD_PROTOCOL_T0: number;
  SCARD_PROTOCOL_T1: number;
  SCARD_RESET_CARD: number;
}

export interface ReaderStatus {
  pcscAvailable: boolean;
  readerPresent: boolean;
  cardPresent: boolean;
  readerName: string | null;
  problem?: CardAgentMessage;
}

export interface CardReader {
  status(): ReaderStatus;
  /** Runs `use` on an exclusive connection to the card; one at a time. */
  withCard<T>(use: (transport: ApduTransport) => Promise<T>): Promise<T>;
}

let cachedBinding: Binding | null | undefined;

/** Loads the native binding once; null when it is not installed or did not build. */
export function loadBinding(): Binding | null {
  if (cachedBinding === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cachedBinding = require('smartcard') as Binding;
    } catch {
      cachedBinding = null;
    }
  }
  return cachedBinding;
}

/** `readerName`: use the reader whose name contains this text (else the first with a card, else the first). */
export function createPcscReader(readerName?: string, binding: Binding | null = loadBinding()): CardReader {
  let queue: Promise<unknown> = Promise.resolve();

  function pick(context: PcscContext): PcscReaderHandle | null {
    let readers: PcscReaderHandle[];
    try {
      readers = context.listReaders();
    } catch {
      return null; // pcsc-lite answers "no readers available" with an error
    }
    const candidates = readerName ? readers.filter((r) => r.name.includes(readerName)) : readers;
    return candidates.find((r) => (r.state & binding!.SCARD_STATE_PRESENT) !== 0) ?? candidates[0] ?? null;
  }

  function openContext(): PcscContext {
    if (!binding) throw new CardAgentFailure('pcsc_unavailable', { detail: 'the smartcard binding is not installed' });
    try {
      return new binding.Context();
    } catch (error) {
      throw new CardAgentFailure('pcsc_unavailable', { message: PCSCD_NOT_RUNNING, detail: `pcscd: ${(error as Error).message}` });
    }
  }

  return {
    status() {
      let context: PcscContext;
      try {
        context = openContext();
      } catch (error) {
        return { pcscAvailable: false, readerPresent: false, cardPresent: false, readerName: null, problem: (error as CardAgentFailure).agentMessage ?? ERROR_MESSAGES.pcsc_unavailable };
      }
      try {
        const reader = pick(context);
        return { pcscAvailable: true, readerPresent: reader !== null, cardPresent: reader !== null && (reader.state & binding!.SCARD_STATE_PRESENT) !== 0, readerName: reader?.name ?? null };
      } finally {
        context.close();
      }
    },

    withCard<T>(use: (transport: ApduTransport) => Promise<T>): Promise<T> {
      const run = queue.then(() => connectAndUse(use));
      queue = run.catch(() => undefined);
      return run;
    },
  };

  async function connectAndUse<T>(use: (transport: ApduTransport) => Promise<T>): Promise<T> {
    const context = openContext();
    try {
      const reader = pick(context);
      if (!reader) throw new CardAgentFailure('no_reader');
      if ((reader.state & binding!.SCARD_STATE_PRESENT) === 0) throw new CardAgentFailure('no_card');
      let card: PcscCard;
      try {
        card = await reader.connect(binding!.SCARD_SHARE_EXCLUSIVE, binding!.SCARD_PROTOCOL_T0 | binding!.SCARD_PROTOCOL_T1);
      } catch (error) {
        const sharing = error instanceof binding!.SharingViolationError;
        throw new CardAgentFailure(sharing ? 'card_busy' : 'card_error', { detail: `connect: ${(error as Error).message}` });
      }
      try {
        return await use({
          transmit: async (command) => {
            try {
              return new Uint8Array(await card.transmit(Buffer.from(command), { autoGetResponse: true }));
            } catch (error) {
              throw new CardAgentFailure('card_error', { detail: `transmit: ${(error as Error).message}` });
            }
          },
        });
      } finally {
        try {
          card.disconnect(binding!.SCARD_RESET_CARD);
        } catch {
          // The card may have been removed already.
        }
      }
    } finally {
      context.close();
    }
  }
}
