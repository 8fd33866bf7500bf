/**
 * Webhooks per municipality and procedure: a municipal admin names a URL and
 * the events; Madoguchi signs every delivery with the webhook's secret (shown
 * once, rotatable) and keeps a delivery log. https only, unless the operator
 * allows plain http for a closed network (WEBHOOK_ALLOW_HTTP).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Language } from '@madoguchi/shared';
import { BadRequestError, NotFoundError } from '../../errors';
import { OUTBOX_EVENT_TYPES, type Delivery, type DeliveryStatus, type OutboxEventType, type Storage, type Webhook } from '../../storage/types';
import type { WebhookAddressPolicy } from './webhookAddresses';
import { inboxText } from '../inbox/messages';

/** A webhook as admins see it: the secret only right after creation or rotation. */
export type WebhookView = Omit<Webhook, 'secret'>;
const view = ({ secret: _s, ...rest }: Webhook): WebhookView => rest;

export interface WebhookInput {
  url?: unknown;
  procedureId?: unknown;
  events?: unknown;
  active?: unknown;
  rotateSecret?: unknown;
}

export class WebhookService {
  constructor(
    private readonly storage: Storage,
    private readonly options: { allowHttp: boolean; addresses: WebhookAddressPolicy; procedureExists: (municipalityCode: string, procedureId: string) => Promise<boolean> },
    private readonly now: () => Date = () => new Date(),
  ) {}

  private checkUrl(url: unknown, language: Language): string {
    const bad = new BadRequestError(inboxText(language, 'webhookUrl'), 'bad_url');
    if (typeof url !== 'string' || url.length > 2000) throw bad;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw bad;
    }
    if (parsed.username || parsed.password) throw bad;
    if (parsed.protocol !== 'https:' && !(this.options.allowHttp && parsed.protocol === 'http:')) throw bad;
    // An address written in the URL is checked now; a host name is checked on every connection (DNS may change).
    if (this.options.addresses.refusalForHost(parsed.hostname)) throw new BadRequestError(inboxText(language, 'webhookAddressRefused'), 'webhook_address_refused');
    return parsed.toString();
  }

  private checkEvents(events: unknown, language: Language): OutboxEventType[] {
    if (!Array.isArray(events) || events.length === 0 || !events.every((e) => (OUTBOX_EVENT_TYPES as readonly string[]).includes(e))) {
      throw new BadRequestError(inboxText(language, 'webhookEvents'), 'bad_events');
    }
    return [...new Set(events as OutboxEventType[])];
  }

  private async checkProcedure(municipalityCode: string, procedureId: unknown, language: Language): Promise<string | null> {
    if (procedureId === null || procedureId === undefined || procedureId === '') return null;
    if (typeof procedureId !== 'string' || !(await this.options.procedureExists(municipalityCode, procedureId))) {
      throw new BadRequestError(inboxText(language, 'procedureUnknown'), 'procedure_not_found');
    }
    return procedureId;
  }

  async create(municipalityCode: string, userId: string, body: WebhookInput, language: Language): Promise<{ webhook: WebhookView; secret: string }> {
    const at = this.now().toISOString();
    const webhook: Webhook = {
      id: randomUUID(),
      municipalityCode,
      procedureId: await this.checkProcedure(municipalityCode, body.procedureId, language),
      url: this.checkUrl(body.url, language),
      secret: randomBytes(32).toString('base64url'),
      events: this.checkEvents(body.events, language),
      active: body.active !== false,
      createdAt: at,
      createdBy: userId,
      updatedAt: at,
    };
    await this.storage.webhooks.create(webhook);
    await this.audit(userId, 'webhook.created', webhook, { url: webhook.url, events: webhook.events, procedureId: webhook.procedureId });
    return { webhook: view(webhook), secret: webhook.secret };
  }

  async list(municipalityCode: string): Promise<WebhookView[]> {
    return (await this.storage.webhooks.list(municipalityCode)).map(view);
  }

  async get(municipalityCode: string, id: string, language: Language): Promise<Webhook> {
    const found = await this.storage.webhooks.get(id);
    if (!found || found.municipalityCode !== municipalityCode) throw new NotFoundError(inboxText(language, 'webhookNotFound'), 'webhook_not_found');
    return found;
  }

  async update(municipalityCode: string, id: string, userId: string, body: WebhookInput, language: Language): Promise<{ webhook: WebhookView; secret?: string }> {
    await this.get(municipalityCode, id, language);
    const patch: Partial<Webhook> = {};
    if (body.url !== undefined) patch.url = this.checkUrl(body.url, language);
    if (body.events !== undefined) patch.events = this.checkEvents(body.events, language);
    if (body.procedureId !== undefined) patch.procedureId = await this.checkProcedure(municipalityCode, body.procedureId, language);
    if (typeof body.active === 'boolean') patch.active = body.active;
    if (body.rotateSecret === true) patch.secret = randomBytes(32).toString('base64url');
    const updated = await this.storage.webhooks.update(id, patch, this.now());
    await this.audit(userId, 'webhook.updated', updated, { changed: Object.keys(patch).map((k) => (k === 'secret' ? 'secret (rotated)' : k)) });
    return { webhook: view(updated), ...(patch.secret ? { secret: patch.secret } : {}) };
  }

  async remove(municipalityCode: string, id: string, userId: string, language: Language): Promise<void> {
    const found = await this.get(municipalityCode, id, language);
    await this.storage.webhooks.delete(id);
    await this.audit(userId, 'webhook.deleted', found, { url: found.url });
  }

  async deliveries(municipalityCode: string, filter: { webhookId?: string; status?: DeliveryStatus }, limit = 100): Promise<Delivery[]> {
    return this.storage.deliveries.list({ municipalityCode, ...(filter.webhookId ? { targetId: filter.webhookId } : {}), ...(filter.status ? { status: filter.status } : {}), limit });
  }

  async retry(municipalityCode: string, deliveryId: string, userId: string, language: Language): Promise<Delivery> {
    const found = await this.storage.deliveries.get(deliveryId);
    if (!found || found.municipalityCode !== municipalityCode) throw new NotFoundError(inboxText(language, 'deliveryNotFound'), 'delivery_not_found');
    const retried = await this.storage.deliveries.retry(deliveryId, this.now());
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor: userId,
      action: 'delivery.retried',
      municipalityCode,
      targetType: 'delivery',
      targetId: deliveryId,
      details: { eventId: found.eventId },
    });
    return retried;
  }

  private async audit(actor: string, action: string, w: Webhook, details: Record<string, unknown>) {
    await this.storage.audit.append({ at: this.now().toISOString(), actor, action, municipalityCode: w.municipalityCode, targetType: 'webhook', targetId: w.id, details });
  }
}
