/**
 * The card-reader agent against a virtual My Number Card behind the real
 * pcscd: vsmartcard's vpcd driver gives pcscd a reader, the virtual card
 * (card-agent/src/testing/virtualCard.ts, in its own process) plugs into it,
 * and the agent reads it through the real PC/SC binding. pcscd is started here
 * when it is not running; missing packages fail with the apt-get line to run.
 * The files using it run in band (as `npm test` does): there is one vpcd slot,
 * and a file stops the pcscd it started.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { startCardAgent, type RunningCardAgent, type StartCardAgentOptions } from '../../card-agent/src/index';
import type { VirtualCardData } from '../../card-agent/src/testing/virtualCard';
import type { CardProcessMessage } from '../../card-agent/src/testing/virtualCardProcess';

export { TEST_CARDS } from '../../card-agent/src/testing/virtualCard';

export const APT_LINE = 'apt-get install -y pcscd libpcsclite-dev vsmartcard-vpcd';
const PCSCD = '/usr/sbin/pcscd';
const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';
const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';
const CARD_PROCESS = join(__dirname, '..', '..', 'card-agent', 'dist', 'testing', 'virtualCardProcess.js');
/** The first vpcd slot; its card connects to port 35963. */
export const VIRTUAL_READER = 'Virtual PCD 00 00';

export interface VirtualCardHandle {
  /** What the card was asked (command names only, no data) and the PIN tries left. */
  state(): Promise<{ commands: string[]; triesLeft: number }>;
  remove(): Promise<void>;
}

export interface CardAgentHarness {
  agentUrl: string;
  pairingCode: string;
  card: VirtualCardHandle;
  agent: RunningCardAgent;
  /** Everything the agent logged. */
  logs: string[];
  close(): Promise<void>;
}

let ourPcscd: ChildProcess | null = null;

/** Makes sure pcscd runs with the vpcd reader; starts it (once per test file) if needed. */
export async function ensurePcscd(): Promise<void> {
  const missing = [PCSCD, VPCD_DRIVER].filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`Missing ${missing.join(', ')}: ${APT_LINE}`);
  // One pcscd per file: a busy socket that does not answer at once must not start a second one.
  if ((ourPcscd && ourPcscd.exitCode === null) || (await socketAnswers(PCSCD_SOCKET))) return;
  ourPcscd = spawn(PCSCD, ['--foreground'], { stdio: 'ignore' });
  // Never what keeps jest running (a pcscd left over once held CI open until its time limit);
  // stopOurPcscd ends it, and so does the end of the test process.
  ourPcscd.unref();
  const child = ourPcscd;
  process.once('exit', () => child.kill('SIGTERM'));
  for (let i = 0; i < 100 && !(await socketAnswers(PCSCD_SOCKET)); i++) await sleep(100);
  if (!(await socketAnswers(PCSCD_SOCKET))) throw new Error(`pcscd did not start (${PCSCD} --foreground)`);
}

/** Stops pcscd if this file started it. */
export async function stopOurPcscd(): Promise<void> {
  const child = ourPcscd;
  ourPcscd = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Forks the virtual card process and waits until it is plugged into vpcd. */
export async function insertCard(data: VirtualCardData): Promise<VirtualCardHandle> {
  if (!existsSync(CARD_PROCESS)) throw new Error(`${CARD_PROCESS} is missing: build first (npx tsc -b)`);
  const child = fork(CARD_PROCESS, [JSON.stringify(data)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = (): Promise<CardProcessMessage> =>
    new Promise((resolve, reject) => {
      child.once('message', (message) => resolve(message as CardProcessMessage));
      child.once('exit', (code) => reject(new Error(`virtual card exited (${code})`)));
    });
  const first = await next();
  if (first.type !== 'ready') throw new Error(`virtual card: ${first.type === 'error' ? first.message : first.type}`);
  return {
    async state() {
      const answer = next();
      child.send({ type: 'state' });
      const message = await answer;
      if (message.type !== 'state') throw new Error('virtual card did not report its state');
      return { commands: message.commands, triesLeft: message.triesLeft };
    },
    async remove() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'remove' });
      await exited;
    },
  };
}

/** pcscd + a virtual card with `data` + the agent on a free loopback port. */
export async function startCardAgentHarness(data: VirtualCardData, options: Partial<StartCardAgentOptions> = {}): Promise<CardAgentHarness> {
  await ensurePcscd();
  const card = await insertCard(data);
  const logs: string[] = [];
  const agent = await startCardAgent({ port: 0, origins: ['http://localhost:3000'], reader: VIRTUAL_READER, log: (line) => logs.push(line), ...options });
  const first = agent.status();
  if (!first.pcscAvailable) {
    await agent.close();
    await card.remove();
    throw new Error(`The agent cannot use PC/SC: ${first.problem?.en ?? ''} (${APT_LINE}, then npm install)`);
  }
  if (!first.readerPresent) {
    await agent.close();
    await card.remove();
    throw new Error(`pcscd runs without the "${VIRTUAL_READER}" reader: restart pcscd (it reads /etc/reader.conf.d/vpcd when it starts)`);
  }
  // pcscd polls the reader; wait (bounded) until it has seen the card.
  for (let i = 0; i < 100 && !agent.status().cardPresent; i++) await sleep(100);
  if (!agent.status().cardPresent) {
    await agent.close();
    await card.remove();
    throw new Error(`pcscd does not see the virtual card in "${VIRTUAL_READER}": is vsmartcard-vpcd configured (/etc/reader.conf.d/vpcd)?`);
  }
  return {
    agentUrl: agent.url,
    pairingCode: agent.pairingCode,
    card,
    agent,
    logs,
    async close() {
      await agent.close();
      await card.remove();
    },
  };
}

function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
