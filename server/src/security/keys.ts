/**
 * Server keys. In the embedded set-up they are generated on first start into
 * DATA_DIR (mode 0600), so `npm start` needs no configuration; a deployment
 * with several instances passes them in the environment instead.
 */
import { randomBytes, createHmac, createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ensurePrivateDir } from './privateFiles';
import { join } from 'node:path';

export function loadOrCreateKey(dataDir: string, fileName: string, fromEnv?: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'base64');
  const path = join(dataDir, fileName);
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  ensurePrivateDir(dataDir);
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

/** Derives per-purpose secrets from the server key, so a submission's status secret can be re-issued on a retried request without storing it. */
export class SecretDeriver {
  constructor(private readonly key: Buffer) {}

  derive(purpose: string, subject: string, bytes = 18): string {
    return createHmac('sha256', this.key).update(`${purpose}\0${subject}`).digest().subarray(0, bytes).toString('base64url');
  }
}

export const sha256Hex = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

/** Constant-time comparison of a presented secret with a stored sha256 hex digest. */
export function matchesHash(presented: string, storedHex: string): boolean {
  const a = Buffer.from(sha256Hex(presented), 'hex');
  const b = Buffer.from(storedHex, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
