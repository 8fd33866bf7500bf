/**
 * Retention per procedure: how many days a closed submission (処理完了, 却下,
 * 取下げ) is kept after it closed, and then either deleted with everything
 * attached (`delete`) or stripped to its record — receipt number, procedure,
 * status trail — with answers, files, revisions, notes and messages removed
 * (`strip`). The job runs hourly; every removal is audited.
 */
import type { Language } from '@madoguchi/shared';
import { BadRequestError } from '../../errors';
import { RETENTION_MODES, type RetentionMode, type RetentionPolicy, type Storage } from '../../storage/types';
import { inboxText } from './messages';
import { removalEvent } from '../backoffice/events';

export const MAX_RETENTION_DAYS = 36_500;

export class RetentionService {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(municipalityCode: string): Promise<RetentionPolicy[]> {
    return this.storage.retention.list(municipalityCode);
  }

  async set(municipalityCode: string, procedureId: string, userId: string, body: { days?: unknown; mode?: unknown }, language: Language): Promise<RetentionPolicy> {
    const days = body.days;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS || !RETENTION_MODES.includes(body.mode as RetentionMode)) {
      throw new BadRequestError(inboxText(language, 'retentionInvalid'), 'bad_retention');
    }
    const policy: RetentionPolicy = { municipalityCode, procedureId, days, mode: body.mode as RetentionMode, updatedAt: this.now().toISOString(), updatedBy: userId };
    await this.storage.retention.set(policy);
    await this.audit(userId, 'retention.set', municipalityCode, procedureId, { days, mode: policy.mode });
    return policy;
  }

  async remove(municipalityCode: string, procedureId: string, userId: string): Promise<void> {
    await this.storage.retention.remove(municipalityCode, procedureId);
    await this.audit(userId, 'retention.removed', municipalityCode, procedureId, {});
  }

  /** One pass over every policy; returns how many submissions were deleted and stripped. */
  async run(batch = 200): Promise<{ deleted: number; stripped: number }> {
    let deleted = 0;
    let stripped = 0;
    const now = this.now();
    for (const p of await this.storage.retention.list()) {
      const before = new Date(now.getTime() - p.days * 86_400_000).toISOString();
      for (;;) {
        const due = await this.storage.inbox.closedBefore({ municipalityCode: p.municipalityCode, procedureId: p.procedureId, before, limit: batch });
        for (const m of due) {
          const at = now.toISOString();
          const kind = p.mode === 'delete' ? 'deleted' : 'stripped';
          // The webhook event and the audit row commit with the removal: a crash cannot remove in silence.
          const options = {
            at,
            outbox: [removalEvent(kind, { submissionId: m.id, receiptNumber: m.receiptNumber, municipalityCode: m.municipalityCode, procedureId: m.procedureId }, at)],
            audit: {
              at,
              actor: 'system',
              action: `submission.retention.${kind}`,
              municipalityCode: m.municipalityCode,
              targetType: 'submission',
              targetId: m.id,
              details: { receiptNumber: m.receiptNumber, procedureId: m.procedureId, closedAt: m.closedAt, days: p.days },
            },
          };
          if (p.mode === 'delete') await this.storage.inbox.purge(m.id, options);
          else await this.storage.inbox.strip(m.id, now, options);
          if (p.mode === 'delete') deleted++;
          else stripped++;
        }
        if (due.length < batch) break;
      }
    }
    return { deleted, stripped };
  }

  private async audit(actor: string, action: string, municipalityCode: string, procedureId: string, details: Record<string, unknown>) {
    await this.storage.audit.append({ at: this.now().toISOString(), actor, action, municipalityCode, targetType: 'retention', targetId: procedureId, details });
  }
}
