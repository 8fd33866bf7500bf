/**
 * Where the audit chain's signed checkpoints go and what signs them, from the
 * environment (part of Config). The checkpoints and the key live outside the
 * database file on purpose: someone who can rewrite or replace the database
 * (delete the newest audit rows, restore last week's copy) must not be able to
 * rewrite the record of how far the chain had reached, nor sign a new one.
 * Every variable is documented in README.md ("Audit trail checkpoints").
 */
import { join, resolve } from 'node:path';
import { integerSetting } from '../../envSettings';
import { ConfigError } from '../../errors';

export interface AnchorConfig {
  /** Directory of the append-only checkpoint file (default: DATA_DIR/audit-checkpoints, beside the database file). */
  checkpointDir: string;
  /** Ed25519 private key (PKCS#8 PEM, 0600), created on first start when absent. */
  keyFile: string;
  /** The key itself (base64 of the PKCS#8 DER), for deployments that keep it in a secret store; wins over keyFile. */
  keyFromEnv?: string;
  /** Minutes between scheduled checkpoints (one more is written at shutdown). */
  intervalMinutes: number;
  /** Optional HTTPS endpoint each checkpoint is POSTed to (a third place an intruder on this host cannot reach). */
  pushUrl?: string;
  /** HMAC secret of the pushed envelope (Madoguchi-Signature, as webhooks). */
  pushSecret?: string;
}

export const CHECKPOINT_FILE_NAME = 'audit-checkpoints.jsonl';

export function loadAnchorConfig(env: NodeJS.ProcessEnv, dataDir: string): AnchorConfig {
  const pushUrl = env.AUDIT_CHECKPOINT_PUSH_URL?.trim() || undefined;
  if (pushUrl) {
    let url: URL;
    try {
      url = new URL(pushUrl);
    } catch {
      throw new ConfigError('AUDIT_CHECKPOINT_PUSH_URL must be an https:// URL');
    }
    const httpAllowed = env.WEBHOOK_ALLOW_HTTP === 'true';
    if (url.protocol !== 'https:' && !(httpAllowed && url.protocol === 'http:')) throw new ConfigError('AUDIT_CHECKPOINT_PUSH_URL must be an https:// URL');
    if (!env.AUDIT_CHECKPOINT_PUSH_SECRET || env.AUDIT_CHECKPOINT_PUSH_SECRET.length < 16) {
      throw new ConfigError('AUDIT_CHECKPOINT_PUSH_SECRET (at least 16 characters) is needed with AUDIT_CHECKPOINT_PUSH_URL');
    }
  }
  return {
    checkpointDir: resolve(env.AUDIT_CHECKPOINT_DIR ?? join(dataDir, 'audit-checkpoints')),
    keyFile: resolve(env.AUDIT_CHECKPOINT_KEY_FILE ?? join(dataDir, 'audit-checkpoint-key', 'ed25519.pem')),
    ...(env.AUDIT_CHECKPOINT_KEY ? { keyFromEnv: env.AUDIT_CHECKPOINT_KEY } : {}),
    intervalMinutes: integerSetting(env, 'AUDIT_CHECKPOINT_MINUTES', 60, 1, 24 * 60),
    ...(pushUrl ? { pushUrl, pushSecret: env.AUDIT_CHECKPOINT_PUSH_SECRET } : {}),
  };
}
