/**
 * The Ed25519 key that signs audit checkpoints. Kept apart from the database:
 * a file created 0600 on first start (its own directory, configurable so it can
 * sit on another volume), or given in the environment. Only its holder can
 * sign a checkpoint; `audit:verify` derives the public half from it.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir } from '../../security/privateFiles';

export interface CheckpointKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of sha256(SPKI DER): names the key in each checkpoint. */
  keyId: string;
}

function fromPrivate(privateKey: KeyObject): CheckpointKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The audit checkpoint key must be an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  const keyId = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
  return { privateKey, publicKey, keyId };
}

/** The key from the environment (base64 PKCS#8 DER) or the file; null when neither exists (verification without a key). */
export function loadCheckpointKey(keyFile: string, fromEnv?: string): CheckpointKey | null {
  if (fromEnv) return fromPrivate(createPrivateKey({ key: Buffer.from(fromEnv, 'base64'), format: 'der', type: 'pkcs8' }));
  if (!existsSync(keyFile)) return null;
  return fromPrivate(createPrivateKey(readFileSync(keyFile, 'utf8')));
}

/** As loadCheckpointKey, creating the key file (0600, in a 0700 directory) on first start. */
export function loadOrCreateCheckpointKey(keyFile: string, fromEnv?: string): CheckpointKey {
  const existing = loadCheckpointKey(keyFile, fromEnv);
  if (existing) return existing;
  ensurePrivateDir(dirname(keyFile));
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  return fromPrivate(privateKey);
}
