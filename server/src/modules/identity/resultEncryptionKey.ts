/**
 * Our key pair for the sign result: the provider encrypts the result (JWE)
 * to the public key we register with it (served as a JWK Set), and only this
 * server can open it. Generated into DATA_DIR (0600) on first use unless
 * MYNA_ENCRYPTION_KEY_FILE names a PEM the operator manages.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../../security/privateFiles';

export interface ResultEncryptionKey {
  privateKey: KeyObject;
  /** The public JWK Set to register with the provider. */
  jwks: { keys: Record<string, unknown>[] };
}

export function loadResultEncryptionKey(dataDir: string, file?: string): ResultEncryptionKey {
  const path = file ?? join(dataDir, 'myna-result-key.pem');
  if (!file && !existsSync(path)) {
    ensurePrivateDir(dataDir);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
    writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as Record<string, unknown>;
  const kid = createHash('sha256').update(String(jwk.n)).digest('base64url').slice(0, 16);
  return { privateKey, jwks: { keys: [{ ...jwk, kid, use: 'enc', alg: 'RSA-OAEP-256' }] } };
}
