/**
 * Writes the audit chain's signed checkpoints: on a schedule and at shutdown
 * (main.ts), each one appended to the checkpoint file and, when configured,
 * POSTed to an outside endpoint through the webhook sender (same address
 * policy: no loopback or private targets unless allowed, no redirects).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AuditRepository } from '../../storage/types';
import type { WebhookSender } from '../backoffice/webhookSender';
import type { CheckpointKey } from './checkpointKey';
import { signCheckpoint, type AuditCheckpoint, type CheckpointFile } from './checkpoints';

export interface CheckpointPush {
  sender: Pick<WebhookSender, 'post'>;
  url: string;
  secret: string;
}

export class AuditAnchor {
  constructor(
    private readonly audit: Pick<AuditRepository, 'head'>,
    private readonly key: CheckpointKey,
    private readonly file: CheckpointFile,
    private readonly now: () => Date = () => new Date(),
    private readonly push?: CheckpointPush,
    private readonly logger?: Logger,
  ) {}

  /** Signs and stores the chain's head; nothing when the log is empty or the head is already the last checkpoint. */
  async checkpoint(): Promise<AuditCheckpoint | null> {
    const head = await this.audit.head();
    if (!head) return null;
    const last = this.file.last();
    if (last && last.seq === head.seq && last.hash === head.hash) return null;
    // A head below the last checkpoint means rows went missing: say so now, and keep signing (the earlier checkpoints still convict it).
    if (last && head.seq < last.seq) this.logger?.error({ head: head.seq, checkpoint: last.seq }, 'audit log is shorter than its last checkpoint: run npm run audit:verify');
    const c = signCheckpoint(this.key, head, this.now());
    this.file.append(c);
    if (this.push) {
      const result = await this.push.sender.post(
        { url: this.push.url, secret: this.push.secret },
        { id: randomUUID(), type: 'audit.checkpoint', createdAt: c.at, municipalityCode: '', data: { ...c } },
        `checkpoint-${c.seq}`,
      );
      if (!result.ok) this.logger?.warn({ seq: c.seq, error: result.error }, 'audit checkpoint not pushed (kept in the file; the next one is pushed again)');
    }
    return c;
  }
}
