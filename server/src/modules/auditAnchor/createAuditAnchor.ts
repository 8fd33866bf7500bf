/** Builds the audit anchor from Config: the key (created on first start), the checkpoint file, the optional push. */
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Storage } from '../../storage/types';
import type { WebhookSender } from '../backoffice/webhookSender';
import { AuditAnchor } from './auditAnchor';
import { loadOrCreateCheckpointKey } from './checkpointKey';
import { CheckpointFile } from './checkpoints';

export function createAuditAnchor(config: Pick<Config, 'auditAnchor'>, storage: Pick<Storage, 'audit'>, sender: Pick<WebhookSender, 'post'>, logger?: Logger, now?: () => Date): AuditAnchor {
  const a = config.auditAnchor;
  const key = loadOrCreateCheckpointKey(a.keyFile, a.keyFromEnv);
  const push = a.pushUrl && a.pushSecret ? { sender, url: a.pushUrl, secret: a.pushSecret } : undefined;
  return new AuditAnchor(storage.audit, key, new CheckpointFile(a.checkpointDir), now, push, logger);
}
