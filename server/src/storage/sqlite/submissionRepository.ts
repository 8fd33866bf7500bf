/** Submissions in SQLite. Inserts are single-row transactions; status moves are compare-and-set. */
import { channelOf, isFinalStatus, type StatusChange, type Submission, type SubmissionEvidence, type SubmissionStatus } from '@madoguchi/shared';
import { ConflictError, NotFoundError } from '../../errors';
import type { NewRevision, NewSubmission, SubmissionBundle, SubmissionPage, SubmissionQuery, SubmissionRepository, SubmissionWriteOptions } from '../types';
import { afterSubmissionWrite, nextChangeSeq, writeWithEvents } from './changeLog';
import { decodeCursor, encodeCursor } from '../cursor';
import { insertDisasterCase } from './disasterRepository';
import { rebookCapacity, releaseCapacity, takeCapacity } from './capacityRepository';
import { insertDecisionNotice } from './decisionNoticeRepository';
import { guarded, mapSqliteError, type Db } from './database';
import { groupCommitter } from './groupCommit';
import type { DataCipher } from '../../security/dataCipher';
import { msg } from '../../i18n/messages';

interface Row {
  id: string;
  receipt_number: string;
  secret_hash: string;
  municipality_code: string;
  procedure_owner: string;
  procedure_id: string;
  form_version: number;
  data_json: string;
  attachments_json: string;
  status: SubmissionStatus;
  history_json: string;
  assignee_id: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  evidence_json: string | null;
  counter_json: string | null;
  language: 'ja' | 'en';
  created_at: string;
  updated_at: string;
}

const toSubmission = (r: Row, cipher: DataCipher): Submission => ({
  id: r.id,
  receiptNumber: r.receipt_number,
  secretHash: r.secret_hash,
  municipalityCode: r.municipality_code,
  procedureOwner: r.procedure_owner,
  procedureId: r.procedure_id,
  formVersion: r.form_version,
  data: cipher.openJson(r.data_json),
  attachments: JSON.parse(r.attachments_json),
  status: r.status,
  history: JSON.parse(r.history_json),
  ...(r.assignee_id ? { assigneeId: r.assignee_id } : {}),
  ...(r.idempotency_key ? { idempotencyKey: r.idempotency_key } : {}),
  ...(r.request_hash ? { requestHash: r.request_hash } : {}),
  language: r.language,
  ...(r.evidence_json ? { evidence: cipher.openJson(r.evidence_json) as Submission['evidence'] } : {}),
  ...(r.counter_json ? { counter: cipher.openJson(r.counter_json) as Submission['counter'] } : {}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface BundleRow {
  id: string;
  receipt_number: string;
  municipality_code: string;
  submission_ids_json: string;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: string;
}

const toBundle = (r: BundleRow): SubmissionBundle => ({
  id: r.id,
  receiptNumber: r.receipt_number,
  municipalityCode: r.municipality_code,
  submissionIds: JSON.parse(r.submission_ids_json) as string[],
  ...(r.idempotency_key ? { idempotencyKey: r.idempotency_key } : {}),
  ...(r.request_hash ? { requestHash: r.request_hash } : {}),
  createdAt: r.created_at,
});

/** Answers (which hold 個人番号 and other personal data) are sealed with the data cipher at rest. */
export class SqliteSubmissionRepository implements SubmissionRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  async insert(s: Submission, files?: { ids: string[]; uploadToken: string }, options: SubmissionWriteOptions = {}): Promise<void> {
    await this.insertAll([{ submission: s, ...(files ? { files } : {}), options }]);
  }

  async insertBundle(bundle: SubmissionBundle, entries: NewSubmission[]): Promise<void> {
    await this.insertAll(entries, bundle);
  }

  async findBundle(receiptNumber: string): Promise<SubmissionBundle | null> {
    return this.bundle('SELECT * FROM submission_bundles WHERE receipt_number = ?', receiptNumber);
  }

  async findBundleByIdempotencyKey(municipalityCode: string, key: string): Promise<SubmissionBundle | null> {
    return this.bundle('SELECT * FROM submission_bundles WHERE municipality_code = ? AND idempotency_key = ?', municipalityCode, key);
  }

  private bundle(sql: string, ...params: unknown[]): SubmissionBundle | null {
    const row = guarded(() => this.db.prepare(sql).get(...params)) as BundleRow | undefined;
    return row ? toBundle(row) : null;
  }

  /** One savepoint of the shared commit (see groupCommit.ts): every row, file binding and event, or none of them. */
  private async insertAll(entries: NewSubmission[], bundle?: SubmissionBundle): Promise<void> {
    try {
      await groupCommitter(this.db).run(() => {
        // The bundle row first: a concurrent retry of the same bundle meets its key before it meets the files bound by the first.
        if (bundle) {
          this.db
            .prepare(
              `INSERT INTO submission_bundles (id, receipt_number, municipality_code, submission_ids_json, idempotency_key, request_hash, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(bundle.id, bundle.receiptNumber, bundle.municipalityCode, JSON.stringify(bundle.submissionIds), bundle.idempotencyKey ?? null, bundle.requestHash ?? null, bundle.createdAt);
        }
        for (const entry of entries) this.insertRow(entry);
      });
    } catch (error) {
      if (error instanceof ConflictError) throw error;
      const message = (error as Error).message ?? '';
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        if (message.includes('submission_bundles.receipt_number')) throw new ConflictError(msg('duplicateReceiptNumber'), 'duplicate', 'bundleReceiptNumber');
        if (message.includes('submission_bundles')) throw new ConflictError(msg('duplicateIdempotencyKey'), 'duplicate', 'bundleIdempotencyKey');
        if (message.includes('idempotency_key')) throw new ConflictError(msg('duplicateIdempotencyKey'), 'duplicate', 'idempotencyKey');
        if (message.includes('receipt_number')) throw new ConflictError(msg('duplicateReceiptNumber'), 'duplicate', 'receiptNumber');
        if (message.includes('submissions.id')) throw new ConflictError(msg('duplicateSubmissionId'), 'duplicate', 'id');
      }
      mapSqliteError(error);
    }
  }

  private insertRow({ submission: s, files, options = {} }: NewSubmission): void {
    // Change sequence, search index, deadline and closing time go into the row itself: one row write, not an
    // insert and updates that rewrite the whole row (sealed answers included) again.
    this.db
      .prepare(
        `INSERT INTO submissions (id, receipt_number, secret_hash, municipality_code, procedure_owner, procedure_id, form_version,
           data_json, attachments_json, status, history_json, assignee_id, idempotency_key, request_hash, evidence_json, counter_json, language, created_at, updated_at,
           change_seq, applicant_name, applicant_kana, channel, deadline_json, due_date, closed_at)
         VALUES (@id, @receiptNumber, @secretHash, @municipalityCode, @procedureOwner, @procedureId, @formVersion,
           @data, @attachments, @status, @history, @assigneeId, @idempotencyKey, @requestHash, @evidence, @counter, @language, @createdAt, @updatedAt,
           @changeSeq, @applicantName, @applicantKana, @channel, @deadline, @dueDate, @closedAt)`,
      )
      .run({
        ...s,
        data: this.cipher.sealJson(s.data),
        attachments: JSON.stringify(s.attachments),
        history: JSON.stringify(s.history),
        assigneeId: s.assigneeId ?? null,
        idempotencyKey: s.idempotencyKey ?? null,
        requestHash: s.requestHash ?? null,
        evidence: s.evidence ? this.cipher.sealJson(s.evidence) : null,
        counter: s.counter ? this.cipher.sealJson(s.counter) : null,
        channel: channelOf(s),
        changeSeq: nextChangeSeq(this.db),
        applicantName: options.index?.name || null,
        applicantKana: options.index?.kana || null,
        deadline: options.deadline ? JSON.stringify(options.deadline) : null,
        dueDate: options.deadline?.dueDate ?? null,
        closedAt: isFinalStatus(s.status) ? s.createdAt : null,
      });
    if (files) {
      const bind = this.db.prepare('UPDATE files SET submission_id = ? WHERE id = ? AND upload_token = ? AND submission_id IS NULL');
      const bound = files.ids.reduce((n, fileId) => n + bind.run(s.id, fileId, files.uploadToken).changes, 0);
      if (bound !== new Set(files.ids).size) throw new ConflictError(msg('attachmentUnavailable'), 'attachment_unavailable', 'attachments');
    }
    if (options.disasterCase) insertDisasterCase(this.db, options.disasterCase);
    // After the row: a retry with the same key fails as a duplicate (and is replayed), not as "full".
    if (options.capacity?.length) takeCapacity(this.db, s, options.capacity);
    writeWithEvents(this.db, options);
  }

  async setEvidence(id: string, evidence: SubmissionEvidence): Promise<boolean> {
    return guarded(() => this.db.prepare('UPDATE submissions SET evidence_json = ? WHERE id = ?').run(this.cipher.sealJson(evidence), id).changes === 1);
  }

  private one(sql: string, ...params: unknown[]): Submission | null {
    const row = this.db.prepare(sql).get(...params) as Row | undefined;
    return row ? toSubmission(row, this.cipher) : null;
  }

  async findById(id: string) {
    return this.one('SELECT * FROM submissions WHERE id = ?', id);
  }

  async findByReceiptNumber(receiptNumber: string) {
    return this.one('SELECT * FROM submissions WHERE receipt_number = ?', receiptNumber);
  }

  async findByIdempotencyKey(municipalityCode: string, key: string) {
    const found = this.one('SELECT * FROM submissions WHERE municipality_code = ? AND idempotency_key = ?', municipalityCode, key);
    // The caller answers a retry with this row as if stored: it must be on disk first.
    if (found) await groupCommitter(this.db).whenDurable();
    return found;
  }

  async changeStatus(id: string, expected: SubmissionStatus, change: StatusChange, now: Date, options: SubmissionWriteOptions = {}): Promise<Submission> {
    return guarded(() =>
      this.db
        .transaction(() => {
          const row = this.db.prepare('SELECT * FROM submissions WHERE id = ?').get(id) as Row | undefined;
          if (!row) throw new NotFoundError(msg('submissionNotFound'), 'submission_not_found');
          if (row.status !== expected) throw new ConflictError(msg('staleStatusByStaff'), 'stale_status', 'status');
          const history = [...JSON.parse(row.history_json), change];
          this.db.prepare('UPDATE submissions SET status = ?, history_json = ?, updated_at = ? WHERE id = ?').run(change.to, JSON.stringify(history), now.toISOString(), id);
          afterSubmissionWrite(this.db, id, change.to, now.toISOString(), options);
          if (options.decisionNotice) insertDecisionNotice(this.db, this.cipher, options.decisionNotice);
          if (options.releaseCapacity) releaseCapacity(this.db, id, now.toISOString());
          return toSubmission(this.db.prepare('SELECT * FROM submissions WHERE id = ?').get(id) as Row, this.cipher);
        })
        .immediate(),
    );
  }

  async revise(id: string, expected: SubmissionStatus, r: NewRevision, now: Date, options: SubmissionWriteOptions = {}): Promise<Submission> {
    return guarded(() =>
      this.db
        .transaction(() => {
          const row = this.db.prepare('SELECT * FROM submissions WHERE id = ?').get(id) as (Row & { revision: number }) | undefined;
          if (!row) throw new NotFoundError(msg('submissionNotFound'), 'submission_not_found');
          if (row.status !== expected) throw new ConflictError(msg('staleStatus'), 'stale_status', 'status');
          // The revision being replaced stays readable, sealed like the current answers.
          const archivedAt = (JSON.parse(row.history_json) as StatusChange[]).filter((h) => h.to === 'received' || h.to === 'resubmitted').at(-1)?.at ?? row.created_at;
          this.db
            .prepare('INSERT INTO submission_revisions (submission_id, revision, form_version, data_json, attachments_json, created_at) VALUES (?, ?, ?, ?, ?, ?)')
            .run(id, row.revision, row.form_version, row.data_json, row.attachments_json, archivedAt);
          if (r.files?.ids.length) {
            const bind = this.db.prepare('UPDATE files SET submission_id = ? WHERE id = ? AND upload_token = ? AND submission_id IS NULL');
            const bound = r.files.ids.reduce((n, fileId) => n + bind.run(id, fileId, r.files!.uploadToken).changes, 0);
            if (bound !== new Set(r.files.ids).size) throw new ConflictError(msg('attachmentUnavailable'), 'attachment_unavailable', 'attachments');
          }
          const history = [...JSON.parse(row.history_json), r.change];
          this.db
            .prepare('UPDATE submissions SET data_json = ?, attachments_json = ?, revision = revision + 1, status = ?, history_json = ?, updated_at = ? WHERE id = ?')
            .run(this.cipher.sealJson(r.data), JSON.stringify(r.attachments), r.change.to, JSON.stringify(history), now.toISOString(), id);
          afterSubmissionWrite(this.db, id, r.change.to, now.toISOString(), options);
          if (options.rebookCapacity) rebookCapacity(this.db, { id, municipalityCode: row.municipality_code, procedureId: row.procedure_id }, options.rebookCapacity, now.toISOString());
          return toSubmission(this.db.prepare('SELECT * FROM submissions WHERE id = ?').get(id) as Row, this.cipher);
        })
        .immediate(),
    );
  }

  async assign(id: string, assigneeId: string | null, now: Date): Promise<Submission> {
    const result = guarded(() => this.db.prepare('UPDATE submissions SET assignee_id = ?, updated_at = ? WHERE id = ?').run(assigneeId, now.toISOString(), id));
    if (result.changes === 0) throw new NotFoundError(msg('submissionNotFound'), 'submission_not_found');
    return (await this.findById(id))!;
  }

  async list(q: SubmissionQuery): Promise<SubmissionPage> {
    const where = ['municipality_code = @municipalityCode'];
    const params: Record<string, unknown> = { municipalityCode: q.municipalityCode, limit: q.limit + 1 };
    if (q.status?.length) {
      where.push(`status IN (${q.status.map((_, i) => `@status${i}`).join(',')})`);
      q.status.forEach((s, i) => (params[`status${i}`] = s));
    }
    if (q.procedureId) {
      where.push('procedure_id = @procedureId');
      params.procedureId = q.procedureId;
    }
    if (q.assigneeId) {
      where.push('assignee_id = @assigneeId');
      params.assigneeId = q.assigneeId;
    }
    if (q.receivedFrom) {
      where.push('created_at >= @receivedFrom');
      params.receivedFrom = q.receivedFrom;
    }
    if (q.receivedTo) {
      where.push('created_at < @receivedTo');
      params.receivedTo = q.receivedTo;
    }
    if (q.after) {
      const cursor = decodeCursor(q.after);
      where.push('(created_at < @cAt OR (created_at = @cAt AND id < @cId))');
      params.cAt = cursor.at;
      params.cId = cursor.id;
    }
    // The page's keys come from the inbox's narrow table (migration 31), which holds the indexes for these filters;
    // only the page's own rows are read from the submissions table.
    const rows = this.db
      .prepare(
        `SELECT s.* FROM (SELECT id AS i FROM inbox_rows WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit) AS page
         CROSS JOIN submissions AS s ON s.id = page.i ORDER BY s.created_at DESC, s.id DESC`,
      )
      .all(params) as Row[];
    const items = rows.slice(0, q.limit).map((r) => toSubmission(r, this.cipher));
    const last = items[items.length - 1];
    return rows.length > q.limit && last ? { items, next: encodeCursor(last.createdAt, last.id) } : { items };
  }

  async count(municipalityCode: string): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE municipality_code = ?').get(municipalityCode) as { n: number }).n;
  }
}
