/** The audit trail in SQLite: append-only, each event hash-chained to the one before. */
import { auditHash, GENESIS_HASH } from '../auditHash';
import type { AuditEvent, AuditRepository, NewAuditEvent } from '../types';
import { mapSqliteError, type Db } from './database';
import { groupCommitter } from './groupCommit';

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  municipality_code: string | null;
  target_type: string;
  target_id: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

const toEvent = (r: Row): AuditEvent => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  municipalityCode: r.municipality_code,
  targetType: r.target_type,
  targetId: r.target_id,
  details: JSON.parse(r.details_json),
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * Appends one event to the chain. Call only inside a write transaction: SQLite
 * has one writer, so the head read here is still the head at commit.
 */
export function appendAuditRow(db: Db, event: NewAuditEvent): AuditEvent {
  const last = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, seq, event);
  db.prepare('INSERT INTO audit_events (seq, at, actor, action, municipality_code, target_type, target_id, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    seq,
    event.at,
    event.actor,
    event.action,
    event.municipalityCode,
    event.targetType,
    event.targetId,
    JSON.stringify(event.details),
    prevHash,
    hash,
  );
  return { ...event, seq, prevHash, hash };
}

export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly db: Db) {}

  async append(event: NewAuditEvent, options: { waitForDisk?: boolean } = {}): Promise<AuditEvent> {
    try {
      // Chained inside the shared commit, so the chain stays in order (see groupCommit.ts).
      return await groupCommitter(this.db).run(() => appendAuditRow(this.db, event), { durable: options.waitForDisk !== false });
    } catch (error) {
      return mapSqliteError(error);
    }
  }

  async list(filter: { municipalityCode?: string; targetId?: string; limit: number }): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.municipalityCode) {
      where.push('municipality_code = ?');
      params.push(filter.municipalityCode);
    }
    if (filter.targetId) {
      where.push('target_id = ?');
      params.push(filter.targetId);
    }
    const sql = `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, filter.limit) as Row[]).map(toEvent);
  }

  async *all(): AsyncIterable<AuditEvent> {
    for (const row of this.db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as Iterable<Row>) yield toEvent(row);
  }

  async head(): Promise<AuditEvent | null> {
    const row = this.db.prepare('SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1').get() as Row | undefined;
    return row ? toEvent(row) : null;
  }
}
