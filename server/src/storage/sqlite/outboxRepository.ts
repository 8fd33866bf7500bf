/** The outbox and its deliveries in SQLite. Fan-out and leasing are single statements or transactions, so a crash never half-applies them. */
import { NotFoundError } from '../../errors';
import type { Delivery, DeliveryAttempt, DeliveryOutcome, DeliveryRepository, DeliveryStatus, OutboxEvent, OutboxRepository } from '../inboxTypes';
import { guarded, mapSqliteError, type Db } from './database';
import { groupCommitter } from './groupCommit';
import { writeOutbox } from './changeLog';
import { msg } from '../../i18n/messages';

/** Attempts kept per delivery: enough to see a pattern, bounded so a dead receiver cannot grow a row forever. */
export const DELIVERY_LOG_LIMIT = 20;

interface OutboxRow {
  id: string;
  type: OutboxEvent['type'];
  municipality_code: string;
  procedure_id: string;
  submission_id: string;
  receipt_number: string;
  data_json: string;
  created_at: string;
  dispatched_at: string | null;
}

const toEvent = (r: OutboxRow): OutboxEvent => ({
  id: r.id,
  type: r.type,
  municipalityCode: r.municipality_code,
  procedureId: r.procedure_id,
  submissionId: r.submission_id,
  receiptNumber: r.receipt_number,
  data: JSON.parse(r.data_json),
  createdAt: r.created_at,
  ...(r.dispatched_at ? { dispatchedAt: r.dispatched_at } : {}),
});

interface DeliveryRow {
  id: string;
  event_id: string;
  event_json: string;
  channel: Delivery['channel'];
  target_id: string;
  municipality_code: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  created_at: string;
  delivered_at: string | null;
  log_json: string;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  eventId: r.event_id,
  event: JSON.parse(r.event_json),
  channel: r.channel,
  targetId: r.target_id,
  municipalityCode: r.municipality_code,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  ...(r.delivered_at ? { deliveredAt: r.delivered_at } : {}),
  log: JSON.parse(r.log_json),
});

export class SqliteOutboxRepository implements OutboxRepository {
  constructor(private readonly db: Db) {}

  async add(event: OutboxEvent) {
    guarded(() => writeOutbox(this.db, [event]));
  }

  async pending(limit: number) {
    return (this.db.prepare('SELECT * FROM outbox WHERE dispatched_at IS NULL ORDER BY seq LIMIT ?').all(limit) as OutboxRow[]).map(toEvent);
  }

  /**
   * In the shared commit (groupCommit.ts), durable before it resolves like before, but fsynced off the event loop:
   * under intake load the dispatcher marks an event per submission, and a transaction of its own each time
   * fsynced the WAL on the event loop (about 5 % of the intake profile, and the requests waiting behind it).
   */
  async dispatch(eventId: string, deliveries: Delivery[], now: Date) {
    try {
      await groupCommitter(this.db).run(() => {
        const insert = this.db.prepare(
          `INSERT OR IGNORE INTO deliveries (id, event_id, event_json, channel, target_id, municipality_code, status, attempts, next_attempt_at, created_at, log_json)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, '[]')`,
        );
        for (const d of deliveries) insert.run(d.id, d.eventId, JSON.stringify(d.event), d.channel, d.targetId, d.municipalityCode, d.nextAttemptAt, d.createdAt);
        this.db.prepare('UPDATE outbox SET dispatched_at = ? WHERE id = ? AND dispatched_at IS NULL').run(now.toISOString(), eventId);
      });
    } catch (error) {
      mapSqliteError(error);
    }
  }
}

export class SqliteDeliveryRepository implements DeliveryRepository {
  constructor(private readonly db: Db) {}

  private one(id: string): Delivery | null {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE id = ?').get(id) as DeliveryRow | undefined;
    return row ? toDelivery(row) : null;
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number) {
    return guarded(() =>
      this.db
        .transaction(() => {
          const rows = this.db.prepare("SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?").all(now.toISOString(), limit) as DeliveryRow[];
          const lease = this.db.prepare("UPDATE deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?");
          return rows.filter((r) => lease.run(leaseUntil.toISOString(), r.id, r.next_attempt_at).changes === 1).map((r) => toDelivery({ ...r, next_attempt_at: leaseUntil.toISOString() }));
        })
        .immediate(),
    );
  }

  async record(id: string, attempt: DeliveryAttempt, outcome: DeliveryOutcome) {
    return guarded(() =>
      this.db
        .transaction(() => {
          const current = this.one(id);
          if (!current) throw new NotFoundError(msg('deliveryNotFound'), 'delivery_not_found');
          const log = [...current.log, attempt].slice(-DELIVERY_LOG_LIMIT);
          this.db
            .prepare('UPDATE deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, delivered_at = ?, log_json = ? WHERE id = ?')
            .run(outcome.status, outcome.status === 'pending' ? outcome.nextAttemptAt : current.nextAttemptAt, outcome.status === 'delivered' ? attempt.at : null, JSON.stringify(log), id);
          return this.one(id)!;
        })
        .immediate(),
    );
  }

  async get(id: string) {
    return this.one(id);
  }

  async list(filter: { municipalityCode: string; targetId?: string; status?: DeliveryStatus; limit: number }) {
    const where = ['municipality_code = @m'];
    if (filter.targetId) where.push('target_id = @t');
    if (filter.status) where.push('status = @s');
    return (
      this.db
        .prepare(`SELECT * FROM deliveries WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`)
        .all({ m: filter.municipalityCode, t: filter.targetId ?? null, s: filter.status ?? null, limit: filter.limit }) as DeliveryRow[]
    ).map(toDelivery);
  }

  async retry(id: string, now: Date) {
    guarded(() => this.db.prepare("UPDATE deliveries SET status = 'pending', next_attempt_at = ? WHERE id = ? AND status = 'failed'").run(now.toISOString(), id));
    const found = this.one(id);
    if (!found) throw new NotFoundError(msg('deliveryNotFound'), 'delivery_not_found');
    return found;
  }
}
