/**
 * The push channel of the outbox dispatcher: which push targets an event
 * reaches (procedure, event type, and for status moves the statuses the admin
 * chose), and one attempt to POST the payload. Each attempt is audited against
 * the submission — which system received which submission, which fields, with
 * or without the PDF — because the body carries personal data.
 */
import { DIGEST_EVENT_TYPE } from '@madoguchi/shared';
import type { Delivery, OutboxEvent, PushTarget, Storage } from '../../storage/types';
import type { InboxLookups } from '../inbox/lookups';
import type { WebhookAddressPolicy } from './webhookAddresses';
import type { SendResult, WebhookSender } from './webhookSender';
import { buildPushPayload } from './pushPayload';
import { pushUrlRefusal } from './pushUrl';
import { pointerIsSensitive } from './pushFields';

/** Whether an event of the target's procedure should be pushed to it. */
export function wants(target: Pick<PushTarget, 'events' | 'statuses' | 'active'>, event: Pick<OutboxEvent, 'type' | 'data'>): boolean {
  if (!target.active || !(target.events as readonly string[]).includes(event.type)) return false;
  return event.type !== 'submission.status-changed' || target.statuses.length === 0 || target.statuses.includes(event.data.status as never);
}

export class PushChannel {
  constructor(
    private readonly storage: Storage,
    private readonly lookups: InboxLookups,
    private readonly sender: WebhookSender,
    private readonly options: { addresses: WebhookAddressPolicy; allowLoopbackHttp: boolean; municipalityName: (code: string) => string },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Ids of the push targets this event goes to. */
  async targetsFor(event: OutboxEvent): Promise<string[]> {
    // The staff's 期限 digest is mail to the desk, never a submission to push.
    if (event.type === DIGEST_EVENT_TYPE) return [];
    const targets = await this.storage.pushTargets.matching(event.municipalityCode, event.procedureId, event.type);
    return targets.filter((t) => wants(t, event)).map((t) => t.id);
  }

  async send(d: Delivery): Promise<SendResult> {
    const target = await this.storage.pushTargets.get(d.targetId);
    if (!target || !target.active) return { ok: false, error: 'push target removed or paused', durationMs: 0 };
    // The URL is checked again: the operator may have withdrawn the test loopback exception since it was saved.
    if (pushUrlRefusal(new URL(target.url), this.options.addresses, this.options.allowLoopbackHttp)) return { ok: false, error: 'address_refused', durationMs: 0 };
    const meta = await this.storage.inbox.getMeta(d.event.submissionId);
    const submission = meta && !meta.strippedAt ? await this.storage.submissions.findById(meta.id) : null;
    const version = submission && (await this.lookups.version(submission.procedureOwner, submission.procedureId, submission.formVersion));
    if (!meta || !submission || !version) return { ok: false, error: 'submission no longer held', durationMs: 0 };
    const payload = await buildPushPayload(this.storage, target, d.event, { submission, meta, version, municipalityName: this.options.municipalityName(meta.municipalityCode) });
    const result = await this.sender.postSigned(target, JSON.stringify(payload), { type: d.event.type, eventId: d.event.id, deliveryId: d.id }, 'Madoguchi-Push/1');
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor: `push-target:${target.id}`,
      action: 'submission.pushed',
      municipalityCode: meta.municipalityCode,
      targetType: 'submission',
      targetId: meta.id,
      details: {
        receiptNumber: meta.receiptNumber,
        pushTarget: target.name,
        host: new URL(target.url).host,
        deliveryId: d.id,
        fields: target.mapping.map((r) => r.field),
        sensitiveFields: target.mapping.filter((r) => r.source === 'answer' && pointerIsSensitive(version.schema, r.pointer)).map((r) => r.field),
        pdf: payload.pdf !== null,
        ok: result.ok,
        ...(result.statusCode !== undefined ? { statusCode: result.statusCode } : {}),
        ...(result.error ? { error: result.error } : {}),
      },
    });
    return result;
  }
}
