/**
 * Delivers outbox events: fans each committed event out into deliveries (one
 * per matching webhook, one e-mail to the applicant when they gave an address)
 * and sends due deliveries with exponential back-off. Everything it needs is in
 * the store, so a process that dies between commit and delivery loses nothing:
 * the next start finds the event undispatched, or the delivery still pending.
 * Delivery is at least once; receivers de-duplicate on the event id.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Delivery, DeliveryOutcome, OutboxEvent, Storage } from '../../storage/types';
import type { ApplicantNotifier } from '../inbox/applicantNotice';
import { envelopeOf } from './events';
import { DIGEST_EVENT_TYPE } from '@madoguchi/shared';
import { digestTarget, type DigestMailer } from '../deadlines/digestMailer';
import type { SendResult, WebhookSender } from './webhookSender';
import type { PushChannel } from './pushDelivery';

export interface DispatcherOptions {
  /** How often the store is polled for new events and due deliveries. */
  pollMs: number;
  /** Attempts before a delivery is given up (it can be retried by hand). */
  maxAttempts: number;
  /** Delay after the first failure; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Time limit of one HTTP attempt. */
  timeoutMs: number;
  /** How long a claimed delivery is reserved for this worker (longer than timeoutMs). */
  leaseMs: number;
  batch: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = { pollMs: 1000, maxAttempts: 12, baseDelayMs: 30_000, maxDelayMs: 6 * 3600_000, timeoutMs: 10_000, leaseMs: 60_000, batch: 20 };

/** Delay before attempt `attempt + 1` after `attempt` failures: base·2^(attempt−1), capped, with ±20 % jitter so retries of many events spread out. */
export function backoffMs(attempt: number, o: Pick<DispatcherOptions, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const raw = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

export class OutboxDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly storage: Storage,
    private readonly notifier: ApplicantNotifier | undefined,
    private readonly sender: WebhookSender,
    readonly options: DispatcherOptions = DEFAULT_DISPATCHER_OPTIONS,
    private readonly now: () => Date = () => new Date(),
    private readonly logger?: Logger,
    /** Sends the daily 期限 digest to staff (issue #21); without it digest events go nowhere. */
    private readonly digests?: DigestMailer,
    /** Push targets (whole submissions to back-office systems); absent in set-ups without them. */
    private readonly push?: PushChannel,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger?.error({ err: error }, 'outbox dispatch failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs).unref();
        });
    };
    tick();
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One round: fan out new events, then send what is due. */
  async runOnce(): Promise<{ dispatched: number; attempted: number }> {
    let dispatched = 0;
    for (const event of await this.storage.outbox.pending(this.options.batch)) {
      await this.storage.outbox.dispatch(event.id, await this.deliveriesFor(event), this.now());
      dispatched++;
    }
    const at = this.now();
    const due = await this.storage.deliveries.claimDue(at, new Date(at.getTime() + this.options.leaseMs), this.options.batch);
    await Promise.all(due.map((d) => this.attempt(d)));
    return { dispatched, attempted: due.length };
  }

  /** Runs rounds until nothing is left to fan out or due now (tests, shutdown drains). */
  async drain(maxRounds = 50): Promise<void> {
    for (let i = 0; i < maxRounds; i++) {
      const r = await this.runOnce();
      if (r.dispatched === 0 && r.attempted === 0) return;
    }
  }

  private async deliveriesFor(event: OutboxEvent): Promise<Delivery[]> {
    const at = this.now().toISOString();
    const base = { eventId: event.id, event, municipalityCode: event.municipalityCode, status: 'pending' as const, attempts: 0, nextAttemptAt: at, createdAt: at, log: [] };
    // A digest goes to the one staff member it was written for, never to webhooks or the applicant.
    if (event.type === DIGEST_EVENT_TYPE) return this.digests ? [{ ...base, id: randomUUID(), channel: 'email', targetId: digestTarget(event) }] : [];
    const hooks = await this.storage.webhooks.matching(event.municipalityCode, event.procedureId, event.type);
    const deliveries: Delivery[] = hooks.map((w) => ({ ...base, id: randomUUID(), channel: 'webhook', targetId: w.id }));
    for (const targetId of this.push ? await this.push.targetsFor(event) : []) deliveries.push({ ...base, id: randomUUID(), channel: 'push', targetId });
    // Only when there is somewhere to write: a log full of "no address" entries would hide real failures.
    // A retention removal is news for integrators only: the applicant was told when the submission closed.
    const removal = event.type === 'submission.deleted' || event.type === 'submission.stripped';
    // A resident's message is told to the desk instead (issue #21).
    if (removal || !this.notifier) {
      // nothing to e-mail
    } else if (event.type === 'submission.message' && event.data.from === 'applicant') deliveries.push({ ...base, id: randomUUID(), channel: 'email', targetId: 'desk' });
    else if (await this.notifier.recipient(event.submissionId)) deliveries.push({ ...base, id: randomUUID(), channel: 'email', targetId: 'applicant' });
    return deliveries;
  }

  private async attempt(d: Delivery): Promise<void> {
    const started = this.now();
    let result: SendResult;
    try {
      result =
        d.channel === 'webhook' ? await this.sendWebhook(d) : d.channel === 'push' ? await this.sendPush(d) : d.event.type === DIGEST_EVENT_TYPE ? await this.sendDigest(d) : await this.sendEmail(d);
    } catch (error) {
      result = { ok: false, error: String((error as Error).message ?? error).slice(0, 200), durationMs: this.now().getTime() - started.getTime() };
    }
    const attempts = d.attempts + 1;
    const outcome: DeliveryOutcome = result.ok
      ? { status: 'delivered' }
      : attempts >= this.options.maxAttempts
        ? { status: 'failed' }
        : { status: 'pending', nextAttemptAt: new Date(this.now().getTime() + backoffMs(attempts, this.options)).toISOString() };
    await this.storage.deliveries.record(
      d.id,
      {
        at: started.toISOString(),
        ok: result.ok,
        durationMs: result.durationMs,
        ...(result.statusCode !== undefined ? { statusCode: result.statusCode } : {}),
        ...(result.error ? { error: result.error } : {}),
      },
      outcome,
    );
    if (!result.ok) this.logger?.warn({ delivery: d.id, channel: d.channel, attempts, error: result.error }, 'delivery attempt failed');
  }

  private async sendWebhook(d: Delivery): Promise<SendResult> {
    const webhook = await this.storage.webhooks.get(d.targetId);
    if (!webhook || !webhook.active || d.event.type === DIGEST_EVENT_TYPE) return { ok: false, error: 'webhook removed or paused', durationMs: 0 };
    return this.sender.post(webhook, envelopeOf({ ...d.event, type: d.event.type }), d.id);
  }

  private async sendDigest(d: Delivery): Promise<SendResult> {
    const started = Date.now();
    if (!this.digests) return { ok: false, error: 'no mail transport', durationMs: 0 };
    const { sent } = await this.digests.send(d.event);
    return { ok: true, durationMs: Date.now() - started, ...(sent ? {} : { error: 'no such account any more' }) };
  }

  private async sendPush(d: Delivery): Promise<SendResult> {
    if (!this.push) return { ok: false, error: 'push not configured', durationMs: 0 };
    return this.push.send(d);
  }

  private async sendEmail(d: Delivery): Promise<SendResult> {
    const started = Date.now();
    const { sent } = d.targetId === 'desk' ? await this.notifier!.sendToDesk(d.event) : await this.notifier!.send(d.event);
    // The address may have been removed by a correction or retention: nothing to send is not a failure.
    return { ok: true, durationMs: Date.now() - started, ...(sent ? {} : { error: 'no address any more' }) };
  }
}
