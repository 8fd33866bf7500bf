/** Outbox, deliveries, API keys, webhooks and retention policies in MongoDB (mirrors storage/sqlite/{outbox,backoffice}Repository.ts). */
import type { Connection } from 'mongoose';
import { NotFoundError } from '../../errors';
import type {
  ApiKey,
  ApiKeyRepository,
  Delivery,
  DeliveryAttempt,
  DeliveryOutcome,
  DeliveryRepository,
  DeliveryStatus,
  OutboxEvent,
  OutboxEventType,
  OutboxRepository,
  RetentionPolicy,
  RetentionRepository,
  Webhook,
  WebhookRepository,
} from '../inboxTypes';
import type { DataCipher } from '../../security/dataCipher';
import { guardedMongo } from './errors';
import type { InboxModels } from './inboxModels';
import { writeOutbox } from './changeLog';
import { strip } from './repositories';
import { msg } from '../../i18n/messages';
import type { LeanDoc } from './leanDoc';

const DELIVERY_LOG_LIMIT = 20;
const withId = <T>(d: LeanDoc): T => strip<T>(d, 'id');

export class MongoOutboxRepository implements OutboxRepository {
  constructor(
    private readonly im: InboxModels,
    private readonly connection: Connection,
  ) {}

  async add(event: OutboxEvent) {
    await guardedMongo(() => this.connection.transaction((session) => writeOutbox(this.im, [event], session)));
  }

  async pending(limit: number) {
    const docs = await this.im.Outbox.find({ dispatchedAt: { $exists: false } })
      .sort({ seq: 1 })
      .limit(limit)
      .lean<LeanDoc[]>();
    return docs.map(({ seq: _seq, ...d }) => withId<OutboxEvent>(d));
  }

  async dispatch(eventId: string, deliveries: Delivery[], now: Date) {
    await guardedMongo(() =>
      this.connection.transaction(async (session) => {
        for (const d of deliveries) {
          // Upsert on the natural key: a second fan-out of the same event adds nothing.
          await this.im.Delivery.updateOne(
            { eventId: d.eventId, channel: d.channel, targetId: d.targetId },
            { $setOnInsert: { _id: d.id, event: d.event, municipalityCode: d.municipalityCode, status: 'pending', attempts: 0, nextAttemptAt: d.nextAttemptAt, createdAt: d.createdAt, log: [] } },
            { upsert: true, session },
          );
        }
        await this.im.Outbox.updateOne({ _id: eventId, dispatchedAt: { $exists: false } }, { $set: { dispatchedAt: now.toISOString() } }, { session });
      }),
    );
  }
}

export class MongoDeliveryRepository implements DeliveryRepository {
  constructor(private readonly im: InboxModels) {}

  async claimDue(now: Date, leaseUntil: Date, limit: number) {
    const due = await this.im.Delivery.find({ status: 'pending', nextAttemptAt: { $lte: now.toISOString() } })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean<LeanDoc[]>();
    const claimed: Delivery[] = [];
    for (const d of due) {
      // Compare-and-set on the due time: of two workers, one wins the lease.
      const won = await this.im.Delivery.findOneAndUpdate(
        { _id: d._id, status: 'pending', nextAttemptAt: d.nextAttemptAt },
        { $set: { nextAttemptAt: leaseUntil.toISOString() } },
        { new: true },
      ).lean();
      if (won) claimed.push(withId<Delivery>(won));
    }
    return claimed;
  }

  async record(id: string, attempt: DeliveryAttempt, outcome: DeliveryOutcome) {
    const set: Record<string, unknown> = { status: outcome.status };
    if (outcome.status === 'pending') set.nextAttemptAt = outcome.nextAttemptAt;
    if (outcome.status === 'delivered') set.deliveredAt = attempt.at;
    const doc = await guardedMongo(() =>
      this.im.Delivery.findOneAndUpdate({ _id: id }, { $set: set, $inc: { attempts: 1 }, $push: { log: { $each: [attempt], $slice: -DELIVERY_LOG_LIMIT } } }, { new: true }).lean(),
    );
    if (!doc) throw new NotFoundError(msg('deliveryNotFound'), 'delivery_not_found');
    return withId<Delivery>(doc);
  }

  async get(id: string) {
    const doc = await this.im.Delivery.findById(id).lean();
    return doc ? withId<Delivery>(doc) : null;
  }

  async list(filter: { municipalityCode: string; targetId?: string; status?: DeliveryStatus; limit: number }) {
    const q: Record<string, unknown> = { municipalityCode: filter.municipalityCode };
    if (filter.targetId) q.targetId = filter.targetId;
    if (filter.status) q.status = filter.status;
    return (await this.im.Delivery.find(q).sort({ createdAt: -1, _id: -1 }).limit(filter.limit).lean()).map((d) => withId<Delivery>(d));
  }

  async retry(id: string, now: Date) {
    await guardedMongo(() => this.im.Delivery.updateOne({ _id: id, status: 'failed' }, { $set: { status: 'pending', nextAttemptAt: now.toISOString() } }));
    const found = await this.get(id);
    if (!found) throw new NotFoundError(msg('deliveryNotFound'), 'delivery_not_found');
    return found;
  }
}

export class MongoApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly im: InboxModels) {}

  async create(k: ApiKey) {
    const { id, ...rest } = k;
    await guardedMongo(() => this.im.ApiKey.create({ _id: id, ...rest }));
  }

  async findById(id: string) {
    const d = await this.im.ApiKey.findById(id).lean();
    return d ? withId<ApiKey>(d) : null;
  }

  async list(municipalityCode: string) {
    return (await this.im.ApiKey.find({ municipalityCode }).sort({ createdAt: 1, _id: 1 }).lean()).map((d) => withId<ApiKey>(d));
  }

  async revoke(id: string, by: string, now: Date) {
    await guardedMongo(() => this.im.ApiKey.updateOne({ _id: id, revokedAt: { $exists: false } }, { $set: { revokedAt: now.toISOString(), revokedBy: by } }));
    const key = await this.findById(id);
    if (!key) throw new NotFoundError(msg('apiKeyNotFound'), 'api_key_not_found');
    return key;
  }

  async touch(id: string, now: Date) {
    await guardedMongo(() => this.im.ApiKey.updateOne({ _id: id }, { $set: { lastUsedAt: now.toISOString() } }));
  }
}

export class MongoWebhookRepository implements WebhookRepository {
  constructor(
    private readonly im: InboxModels,
    private readonly cipher: DataCipher,
  ) {}

  private toHook(d: LeanDoc): Webhook {
    const w = withId<Webhook>(d);
    return { ...w, procedureId: w.procedureId ?? null, secret: this.cipher.openText(w.secret) };
  }

  async create(w: Webhook) {
    const { id, ...rest } = w;
    await guardedMongo(() => this.im.Webhook.create({ _id: id, ...rest, secret: this.cipher.sealText(w.secret) }));
  }

  async get(id: string) {
    const d = await this.im.Webhook.findById(id).lean();
    return d ? this.toHook(d) : null;
  }

  async list(municipalityCode: string) {
    return (await this.im.Webhook.find({ municipalityCode }).sort({ createdAt: 1, _id: 1 }).lean()).map((d) => this.toHook(d));
  }

  async update(id: string, patch: Partial<Pick<Webhook, 'url' | 'procedureId' | 'events' | 'active' | 'secret'>>, now: Date) {
    const set: Record<string, unknown> = { ...patch, updatedAt: now.toISOString() };
    if (patch.secret !== undefined) set.secret = this.cipher.sealText(patch.secret);
    const d = await guardedMongo(() => this.im.Webhook.findOneAndUpdate({ _id: id }, { $set: set }, { new: true }).lean());
    if (!d) throw new NotFoundError(msg('webhookNotFound'), 'webhook_not_found');
    return this.toHook(d);
  }

  async delete(id: string) {
    await guardedMongo(() => this.im.Webhook.deleteOne({ _id: id }));
  }

  async matching(municipalityCode: string, procedureId: string, type: OutboxEventType) {
    const docs = await this.im.Webhook.find({ municipalityCode, active: true, events: type, $or: [{ procedureId: null }, { procedureId }] })
      .sort({ createdAt: 1, _id: 1 })
      .lean();
    return docs.map((d) => this.toHook(d));
  }
}

export class MongoRetentionRepository implements RetentionRepository {
  constructor(private readonly im: InboxModels) {}

  async list(municipalityCode?: string) {
    const docs = await this.im.Retention.find(municipalityCode ? { municipalityCode } : {})
      .sort({ municipalityCode: 1, procedureId: 1 })
      .lean();
    return docs.map((d) => strip<RetentionPolicy>(d));
  }

  async set(p: RetentionPolicy) {
    await guardedMongo(() => this.im.Retention.updateOne({ municipalityCode: p.municipalityCode, procedureId: p.procedureId }, { $set: p }, { upsert: true }));
  }

  async remove(municipalityCode: string, procedureId: string) {
    await guardedMongo(() => this.im.Retention.deleteOne({ municipalityCode, procedureId }));
  }
}
