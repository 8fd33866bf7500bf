/**
 * What every submission write in SQLite commits with it: the next change
 * sequence number (the pull API's cursor), the outbox events and the audit event. Called only
 * inside a transaction, so sequence order is commit order (SQLite has one writer).
 */
import { isFinalStatus, type SubmissionStatus } from '@madoguchi/shared';
import type { OutboxEvent, SubmissionWriteOptions } from '../inboxTypes';
import type { Db } from './database';
import { appendAuditRow } from './auditRepository';

/** Raises the store-wide change counter and returns the new value. */
export function nextChangeSeq(db: Db): number {
  return (db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'submission_change' RETURNING value").get() as { value: number }).value;
}

export function writeOutbox(db: Db, events: OutboxEvent[] = []): void {
  const insert = db.prepare(
    `INSERT INTO outbox (id, type, municipality_code, procedure_id, submission_id, receipt_number, data_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of events) insert.run(e.id, e.type, e.municipalityCode, e.procedureId, e.submissionId, e.receiptNumber, JSON.stringify(e.data), e.createdAt);
}

/**
 * Stamps a submission after a write: new change sequence, closing time when it
 * reached a final status, the search index when given, then the outbox events.
 */
export function afterSubmissionWrite(db: Db, id: string, status: SubmissionStatus, at: string, options: SubmissionWriteOptions = {}): void {
  db.prepare('UPDATE submissions SET change_seq = ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ?').run(nextChangeSeq(db), isFinalStatus(status) ? 1 : 0, at, id);
  if (options.index !== undefined) {
    db.prepare('UPDATE submissions SET applicant_name = ?, applicant_kana = ? WHERE id = ?').run(options.index?.name || null, options.index?.kana || null, id);
  }
  writeWithEvents(db, options);
}

/** The outbox events and the audit event of a write, in its transaction. */
export function writeWithEvents(db: Db, options: SubmissionWriteOptions): void {
  writeOutbox(db, options.outbox);
  if (options.audit) appendAuditRow(db, options.audit);
}
