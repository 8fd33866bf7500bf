/**
 * @madoguchi/card-agent: the counter PC's card-reader agent. `startCardAgent`
 * starts it programmatically (tests, the e2e suite); `npm start` runs main.ts.
 */
import type { AddressInfo } from 'node:net';
import { createAgentServer } from './http/server';
import { Pairing } from './http/pairing';
import { createPcscReader, type Binding, type CardReader } from './pcsc/pcscReader';
import { DEFAULT_MAX_PAIRING_FAILURES, DEFAULT_ORIGINS, DEFAULT_TOKEN_TTL_MINUTES } from './config';
import { AGENT_VERSION } from './version';

export { loadConfig, parseOrigins, ConfigProblem, type CardAgentConfig } from './config';
export { AGENT_VERSION } from './version';
export type { CardReader, ReaderStatus } from './pcsc/pcscReader';

export interface StartCardAgentOptions {
  /** 0 picks a free port. */
  port: number;
  origins?: readonly string[];
  /** Part of the PC/SC reader's name. */
  reader?: string;
  tokenTtlMs?: number;
  maxPairingFailures?: number;
  /** Where the agent's log lines go (default: console.log). */
  log?: (line: string) => void;
  /** Replaces the PC/SC binding (null: act as if it were not installed). */
  binding?: Binding | null;
}

export interface RunningCardAgent {
  url: string;
  pairingCode: string;
  status: CardReader['status'];
  close(): Promise<void>;
}

export async function startCardAgent(options: StartCardAgentOptions): Promise<RunningCardAgent> {
  const pairing = new Pairing(options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MINUTES * 60_000, options.maxPairingFailures ?? DEFAULT_MAX_PAIRING_FAILURES);
  const reader = options.binding === undefined ? createPcscReader(options.reader) : createPcscReader(options.reader, options.binding);
  let port = options.port;
  const server = createAgentServer({
    origins: options.origins ?? DEFAULT_ORIGINS,
    pairing,
    reader,
    version: AGENT_VERSION,
    log: options.log ?? ((line) => console.log(line)),
    port: () => port,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the agent is never reachable from the network.
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    pairingCode: pairing.code,
    status: () => reader.status(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
