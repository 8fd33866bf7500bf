/**
 * The agent's settings, from the environment: the port on 127.0.0.1, the
 * console origins allowed to use it, the reader to use and how long a pairing
 * lasts. Bad values stop the start with a ja/en message.
 */
import { CARD_AGENT_DEFAULT_PORT } from '@madoguchi/shared';

export interface CardAgentConfig {
  port: number;
  /** Exact origins (scheme://host[:port]) of the staff console. */
  origins: string[];
  /** Part of the PC/SC reader's name; empty: the first reader with a card. */
  reader?: string;
  /** How long a pairing token is valid. */
  tokenTtlMs: number;
  /** Wrong pairing codes before pairing is locked until restart. */
  maxPairingFailures: number;
}

export const DEFAULT_ORIGINS = ['http://localhost:3000'];
export const DEFAULT_TOKEN_TTL_MINUTES = 480;
export const DEFAULT_MAX_PAIRING_FAILURES = 5;

export class ConfigProblem extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CardAgentConfig {
  return {
    port: integer(env.CARD_AGENT_PORT, CARD_AGENT_DEFAULT_PORT, 0, 65535, 'CARD_AGENT_PORT'),
    origins: env.CARD_AGENT_ORIGINS ? parseOrigins(env.CARD_AGENT_ORIGINS) : DEFAULT_ORIGINS,
    ...(env.CARD_AGENT_READER ? { reader: env.CARD_AGENT_READER } : {}),
    tokenTtlMs: integer(env.CARD_AGENT_TOKEN_TTL_MINUTES, DEFAULT_TOKEN_TTL_MINUTES, 1, 24 * 60, 'CARD_AGENT_TOKEN_TTL_MINUTES') * 60_000,
    maxPairingFailures: DEFAULT_MAX_PAIRING_FAILURES,
  };
}

/** A comma list of origins; each must be an origin only (no path), http or https. */
export function parseOrigins(list: string): string[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      let url: URL;
      try {
        url = new URL(item);
      } catch {
        throw new ConfigProblem(`CARD_AGENT_ORIGINS: 「${item}」はオリジンではありません / is not an origin`);
      }
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== item.replace(/\/$/, '')) {
        throw new ConfigProblem(`CARD_AGENT_ORIGINS: 「${item}」は scheme://host[:port] だけで書いてください / write scheme://host[:port] only`);
      }
      return url.origin;
    });
}

function integer(value: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigProblem(`${name}: ${min}〜${max} の整数にしてください / must be an integer from ${min} to ${max}`);
  return n;
}
