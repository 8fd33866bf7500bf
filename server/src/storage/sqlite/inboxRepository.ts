/**
 * The inbox in SQLite: listing over plain index columns (no answer is
 * decrypted to draw a page), per-user read markers, notes and messages
 * (sealed), revisions, the pull API's change feed and retention.
 */
import type { CounterOrigin, StatusChange, SubmissionChannel, SubmissionDeadline, SubmissionStatus } from '@madoguchi/shared';
import { NotFoundError } from '../../errors';
import { decodeInboxCursor, encodeInboxCursor, prefixEnd, sortDescending } from '../inboxCursor';
import { withoutDrawnSignature } from '../counterStrip';
import type {
  InboxPage,
  InboxQuery,
  InboxRepository,
  StatusHistoryRow,
  SubmissionMessage,
  SubmissionMeta,
  SubmissionNote,
  SubmissionRevision,
  SubmissionTombstone,
  RemovalOptions,
  OutboxEvent,
} from '../inboxTypes';
import type { DataCipher } from '../../security/dataCipher';
import { guarded, type Db } from './database';
import { nextChangeSeq, writeOutbox, writeWithEvents } from './changeLog';
import { msg } from '../../i18n/messages';

/** The columns a list row carries, in the order the list reads them (as arrays, see `list`). */
export const META_FIELDS = [
  'id',
  'receipt_number',
  'municipality_code',
  'procedure_owner',
  'procedure_id',
  'form_version',
  'status',
  'assignee_id',
  'applicant_name',
  'applicant_kana',
  'channel',
  'revision',
  'change_seq',
  'created_at',
  'updated_at',
  'closed_at',
  'acknowledged_at',
  'acknowledged_by',
  'acknowledged_revision',
  'stripped_at',
  'deadline_json',
  'due_date',
] as const;
const META_COLUMNS = META_FIELDS.join(', ');

type MetaRow = {
  id: string;
  receipt_number: string;
  municipality_code: string;
  procedure_owner: string;
  procedure_id: string;
  form_version: number;
  status: SubmissionStatus;
  assignee_id: string | null;
  applicant_name: string | null;
  applicant_kana: string | null;
  channel: SubmissionChannel;
  revision: number;
  change_seq: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_revision: number | null;
  stripped_at: string | null;
  deadline_json: string | null;
  due_date: string | null;
};

/**
 * A row read as an array (`.raw()`), named by META_FIELDS' positions. One object literal (V8 gives it a fixed
 * shape); filling an empty object key by key in a loop cost as much as the query.
 */
export function metaRowOf(v: unknown[]): MetaRow {
  return {
    id: v[0],
    receipt_number: v[1],
    municipality_code: v[2],
    procedure_owner: v[3],
    procedure_id: v[4],
    form_version: v[5],
    status: v[6],
    assignee_id: v[7],
    applicant_name: v[8],
    applicant_kana: v[9],
    channel: v[10],
    revision: v[11],
    change_seq: v[12],
    created_at: v[13],
    updated_at: v[14],
    closed_at: v[15],
    acknowledged_at: v[16],
    acknowledged_by: v[17],
    acknowledged_revision: v[18],
    stripped_at: v[19],
    deadline_json: v[20],
    due_date: v[21],
  } as MetaRow;
}

/** Plain assignments, not spreads of one-key objects: a list page builds fifty of these on every request. */
const toMeta = (r: MetaRow): SubmissionMeta => {
  const m: SubmissionMeta = {
    id: r.id,
    receiptNumber: r.receipt_number,
    municipalityCode: r.municipality_code,
    procedureOwner: r.procedure_owner,
    procedureId: r.procedure_id,
    formVersion: r.form_version,
    status: r.status,
  } as SubmissionMeta;
  if (r.assignee_id !== null) m.assigneeId = r.assignee_id;
  if (r.applicant_name !== null) m.applicantName = r.applicant_name;
  if (r.applicant_kana !== null) m.applicantKana = r.applicant_kana;
  m.channel = r.channel;
  m.revision = r.revision;
  m.changeSeq = r.change_seq;
  m.createdAt = r.created_at;
  m.updatedAt = r.updated_at;
  if (r.closed_at !== null) m.closedAt = r.closed_at;
  if (r.acknowledged_at !== null) m.acknowledgedAt = r.acknowledged_at;
  if (r.acknowledged_by !== null) m.acknowledgedBy = r.acknowledged_by;
  if (r.acknowledged_revision !== null) m.acknowledgedRevision = r.acknowledged_revision;
  if (r.stripped_at !== null) m.strippedAt = r.stripped_at;
  if (r.deadline_json) m.deadline = JSON.parse(r.deadline_json) as SubmissionDeadline;
  if (r.due_date !== null) m.dueDate = r.due_date;
  return m;
};

/** WHERE clause and parameters of an inbox query (everything but the keyset). */
function filters(q: InboxQuery): { where: string[]; params: Record<string, unknown> } {
  const where = ['municipality_code = @m'];
  const params: Record<string, unknown> = { m: q.municipalityCode };
  const list = (name: string, column: string, values: string[]) => {
    where.push(`${column} IN (${values.map((_, i) => `@${name}${i}`).join(',')})`);
    values.forEach((v, i) => (params[`${name}${i}`] = v));
  };
  if (q.status?.length) list('s', 'status', q.status);
  if (q.procedureIds) list('p', 'procedure_id', q.procedureIds.length ? q.procedureIds : ['\u0000none']);
  if (q.procedureId) {
    where.push('procedure_id = @procedureId');
    params.procedureId = q.procedureId;
  }
  if (q.assigneeId === null) where.push('assignee_id IS NULL');
  else if (q.assigneeId) {
    where.push('assignee_id = @assigneeId');
    params.assigneeId = q.assigneeId;
  }
  if (q.receivedFrom) {
    where.push('created_at >= @from');
    params.from = q.receivedFrom;
  }
  if (q.receivedTo) {
    where.push('created_at < @to');
    params.to = q.receivedTo;
  }
  if (q.channel) {
    where.push('channel = @channel');
    params.channel = q.channel;
  }
  if (q.dueBefore) {
    where.push('due_date < @dueBefore');
    params.dueBefore = q.dueBefore;
  }
  if (q.sort === 'due-asc') where.push('due_date IS NOT NULL');
  // A receipt number or a list of ids names rows by the submissions table's unique keys: the narrow table is entered
  // by its own key from there, instead of being searched through the municipality's rows.
  if (q.receiptNumber) {
    where.push('(created_at, id) IN (SELECT created_at, id FROM submissions WHERE receipt_number = @receipt)');
    params.receipt = q.receiptNumber;
  }
  if (q.namePrefix) {
    where.push('applicant_name >= @np AND applicant_name < @npEnd');
    Object.assign(params, { np: q.namePrefix, npEnd: prefixEnd(q.namePrefix) });
  }
  if (q.kanaPrefix) {
    where.push('applicant_kana >= @kp AND applicant_kana < @kpEnd');
    Object.assign(params, { kp: q.kanaPrefix, kpEnd: prefixEnd(q.kanaPrefix) });
  }
  if (q.submissionIds) {
    const ids = q.submissionIds.length ? q.submissionIds : ['\u0000none'];
    where.push(`(created_at, id) IN (SELECT created_at, id FROM submissions WHERE id IN (${ids.map((_, i) => `@id${i}`).join(',')}))`);
    ids.forEach((v, i) => (params[`id${i}`] = v));
  }
  return { where, params };
}

/**
 * The SQL of one list page (one row more than the limit, to know whether a next page exists), apart from running it
 * so that a test can ask SQLite how it plans every filter and sort. The narrow inbox table (migration 31), in two
 * steps: pick the page's keys from an index alone (often, e.g. a reading prefix matching thousands), then read only
 * those rows by key. Sorting thousands of rows to keep fifty cost 30 ms at a million. The rows come back as arrays
 * (`.raw()`): better-sqlite3 builds a 22-key object per row at about twice the cost of the whole lookup.
 */
export function inboxListStatement(q: InboxQuery): { sql: string; params: Record<string, unknown> } {
  const sort = q.sort ?? 'received-desc';
  const column = sort === 'updated-desc' ? 'updated_at' : sort === 'due-asc' ? 'due_date' : 'created_at';
  const desc = sortDescending(sort);
  const { where, params } = filters(q);
  if (q.after) {
    const c = decodeInboxCursor(sort, q.after);
    where.push(`(${column} ${desc ? '<' : '>'} @cAt OR (${column} = @cAt AND id ${desc ? '<' : '>'} @cId))`);
    Object.assign(params, { cAt: c.at, cId: c.id });
  }
  const dir = desc ? 'DESC' : 'ASC';
  const sql = `SELECT ${META_FIELDS.map((f) => `r.${f}`).join(', ')} FROM (
      SELECT created_at AS c, id AS i FROM inbox_rows WHERE ${where.join(' AND ')} ORDER BY ${column} ${dir}, id ${dir} LIMIT @limit
    ) AS page CROSS JOIN inbox_rows AS r ON r.municipality_code = @m AND r.created_at = page.c AND r.id = page.i
    ORDER BY r.${column} ${dir}, r.id ${dir}`;
  return { sql, params: { ...params, limit: q.limit + 1 } };
}

/** Sets a key as the newest of a bounded map, forgetting the oldest beyond `max`. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}

/** A kept page handed out: callers get their own item objects (the deadline inside is only read). */
const copyPage = (page: InboxPage): InboxPage => ({ ...page, items: page.items.map((m) => ({ ...m })) });

export class SqliteInboxRepository implements InboxRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  /**
   * A page is kept while its municipality's inbox version stands still (a trigger raises it with every write to one
   * of its submissions, from any process): staff refreshing a list that did not change cost a version read, not a
   * query over a million rows. The version is read before the query, so a write in between only costs a miss.
   */
  async list(q: InboxQuery): Promise<InboxPage> {
    const version = this.inboxVersion(q.municipalityCode);
    const key = JSON.stringify(q);
    const kept = this.pages.get(key);
    if (kept && kept.version === version) return copyPage(kept.page);
    const page = this.query(q);
    remember(this.pages, key, { version, page }, 500);
    return copyPage(page);
  }

  private readonly pages = new Map<string, { version: number; page: InboxPage }>();

  private inboxVersion(municipalityCode: string): number {
    const row = this.db.prepare('SELECT value FROM inbox_versions WHERE municipality_code = ?').get(municipalityCode) as { value: number } | undefined;
    return row?.value ?? 0;
  }

  private query(q: InboxQuery): InboxPage {
    const { sql, params } = inboxListStatement(q);
    const rows = (this.db.prepare(sql).raw(true).all(params) as unknown[][]).map(metaRowOf);
    const items = rows.slice(0, q.limit).map(toMeta);
    const last = items.at(-1);
    return rows.length > q.limit && last ? { items, next: encodeInboxCursor(q.sort ?? 'received-desc', last) } : { items };
  }

  /**
   * The counts every inbox page shows. Counting the municipality's submissions read every one of its index entries
   * (~1 ms per 5,000) each time an application had arrived; triggers keep them per procedure and status instead, on
   * every write to a submission (migration 30), so this reads a few rows whatever the number of submissions.
   */
  async countByStatus(municipalityCode: string, procedureIds?: string[]) {
    const { where, params } = filters({ municipalityCode, limit: 0, ...(procedureIds ? { procedureIds } : {}) });
    const rows = this.db.prepare(`SELECT status, SUM(n) AS n FROM inbox_status_counts WHERE ${where.join(' AND ')} GROUP BY status HAVING SUM(n) > 0`).all(params) as Array<{
      status: SubmissionStatus;
      n: number;
    }>;
    return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<SubmissionStatus, number>>;
  }

  private meta(sql: string, ...params: unknown[]): SubmissionMeta | null {
    const row = this.db.prepare(`SELECT ${META_COLUMNS} FROM submissions WHERE ${sql}`).get(...params) as MetaRow | undefined;
    return row ? toMeta(row) : null;
  }

  async getMeta(id: string) {
    return this.meta('id = ?', id);
  }

  async getMetaByReceipt(receiptNumber: string) {
    return this.meta('receipt_number = ?', receiptNumber);
  }

  async changes(q: { municipalityCode: string; afterSeq: number; limit: number; procedureId?: string }) {
    const byProcedure = q.procedureId ? 'AND procedure_id = @p' : '';
    return (
      this.db
        .prepare(`SELECT ${META_COLUMNS} FROM submissions WHERE municipality_code = @m AND change_seq > @after ${byProcedure} ORDER BY change_seq LIMIT @limit`)
        .all({ m: q.municipalityCode, after: q.afterSeq, limit: q.limit, p: q.procedureId ?? null }) as MetaRow[]
    ).map(toMeta);
  }

  async acknowledge(id: string, by: string, revision: number, now: Date) {
    const res = guarded(() => this.db.prepare('UPDATE submissions SET acknowledged_at = ?, acknowledged_by = ?, acknowledged_revision = ? WHERE id = ?').run(now.toISOString(), by, revision, id));
    if (res.changes === 0) throw new NotFoundError(msg('submissionNotFound'), 'submission_not_found');
    return (await this.getMeta(id))!;
  }

  async listRevisions(submissionId: string): Promise<SubmissionRevision[]> {
    const rows = this.db.prepare('SELECT * FROM submission_revisions WHERE submission_id = ? ORDER BY revision').all(submissionId) as Array<{
      submission_id: string;
      revision: number;
      form_version: number;
      data_json: string;
      attachments_json: string;
      created_at: string;
    }>;
    return rows.map((r) => ({
      submissionId: r.submission_id,
      revision: r.revision,
      formVersion: r.form_version,
      data: this.cipher.openJson(r.data_json),
      attachments: JSON.parse(r.attachments_json),
      createdAt: r.created_at,
    }));
  }

  async markRead(userId: string, submissionId: string, revision: number, now: Date) {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO submission_reads (user_id, submission_id, revision, read_at) VALUES (?, ?, ?, ?)
                  ON CONFLICT (user_id, submission_id) DO UPDATE SET revision = MAX(revision, excluded.revision), read_at = excluded.read_at`,
        )
        .run(userId, submissionId, revision, now.toISOString()),
    );
  }

  async refoldApplicantNames(fold: (name: string) => string): Promise<number> {
    // Streamed: only the rows that change are held (a million names would not fit comfortably otherwise).
    const changed: Array<{ id: string; name: string }> = [];
    for (const r of this.db.prepare('SELECT id, applicant_name FROM submissions WHERE applicant_name IS NOT NULL').iterate() as Iterable<{ id: string; applicant_name: string }>) {
      const name = fold(r.applicant_name);
      if (name !== r.applicant_name) changed.push({ id: r.id, name });
    }
    const update = this.db.prepare('UPDATE submissions SET applicant_name = ? WHERE id = ?');
    guarded(() => this.db.transaction(() => changed.forEach((r) => update.run(r.name, r.id)))());
    return changed.length;
  }

  async readRevisions(userId: string, submissionIds: string[]) {
    if (submissionIds.length === 0) return {};
    const rows = this.db
      .prepare(`SELECT submission_id, revision FROM submission_reads WHERE user_id = ? AND submission_id IN (${submissionIds.map(() => '?').join(',')})`)
      .all(userId, ...submissionIds) as Array<{ submission_id: string; revision: number }>;
    return Object.fromEntries(rows.map((r) => [r.submission_id, r.revision]));
  }

  async addNote(n: SubmissionNote) {
    guarded(() =>
      this.db
        .prepare('INSERT INTO submission_notes (id, submission_id, municipality_code, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(n.id, n.submissionId, n.municipalityCode, n.authorId, this.cipher.sealText(n.body), n.createdAt),
    );
  }

  async listNotes(submissionId: string): Promise<SubmissionNote[]> {
    const rows = this.db.prepare('SELECT * FROM submission_notes WHERE submission_id = ? ORDER BY created_at, id').all(submissionId) as Array<Record<string, string>>;
    return rows.map((r) => ({
      id: r.id!,
      submissionId: r.submission_id!,
      municipalityCode: r.municipality_code!,
      authorId: r.author_id!,
      body: this.cipher.openText(r.body!),
      createdAt: r.created_at!,
    }));
  }

  async addMessage(m: SubmissionMessage, options: { outbox?: OutboxEvent[] } = {}) {
    guarded(() =>
      this.db.transaction(() => {
        this.db
          .prepare(
            'INSERT INTO submission_messages (id, submission_id, municipality_code, kind, author, body, fields_json, revision, created_at, attachments_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(m.id, m.submissionId, m.municipalityCode, m.kind, m.author, this.cipher.sealText(m.body), JSON.stringify(m.fields), m.revision, m.createdAt, JSON.stringify(m.attachments ?? []));
        writeOutbox(this.db, options.outbox);
      })(),
    );
  }

  async listMessages(submissionId: string): Promise<SubmissionMessage[]> {
    const rows = this.db.prepare('SELECT * FROM submission_messages WHERE submission_id = ? ORDER BY created_at, id').all(submissionId) as Array<{
      id: string;
      submission_id: string;
      municipality_code: string;
      kind: SubmissionMessage['kind'];
      author: string;
      body: string;
      fields_json: string;
      revision: number;
      created_at: string;
      attachments_json: string;
    }>;
    return rows.map((r) => ({
      ...(r.attachments_json !== '[]' ? { attachments: JSON.parse(r.attachments_json) as string[] } : {}),
      id: r.id,
      submissionId: r.submission_id,
      municipalityCode: r.municipality_code,
      kind: r.kind,
      author: r.author,
      body: this.cipher.openText(r.body),
      fields: JSON.parse(r.fields_json) as string[],
      revision: r.revision,
      createdAt: r.created_at,
    }));
  }

  async *histories(q: { municipalityCode: string; procedureId?: string; receivedFrom: string; receivedTo: string }): AsyncIterable<StatusHistoryRow> {
    const byProcedure = q.procedureId ? 'AND procedure_id = @p' : '';
    const rows = this.db
      .prepare(`SELECT procedure_id, status, history_json FROM submissions WHERE municipality_code = @m AND created_at >= @from AND created_at < @to ${byProcedure}`)
      .iterate({ m: q.municipalityCode, from: q.receivedFrom, to: q.receivedTo, p: q.procedureId ?? null }) as Iterable<{ procedure_id: string; status: SubmissionStatus; history_json: string }>;
    for (const r of rows) yield { procedureId: r.procedure_id, status: r.status, history: JSON.parse(r.history_json) as StatusChange[] };
  }

  async closedBefore(q: { municipalityCode: string; procedureId: string; before: string; limit: number }) {
    return (
      this.db
        .prepare(
          `SELECT ${META_COLUMNS} FROM submissions WHERE municipality_code = ? AND procedure_id = ? AND closed_at IS NOT NULL AND stripped_at IS NULL AND closed_at < ? ORDER BY closed_at LIMIT ?`,
        )
        .all(q.municipalityCode, q.procedureId, q.before, q.limit) as MetaRow[]
    ).map(toMeta);
  }

  /** Everything that holds the applicant's data besides the record itself. */
  private removeDependents(id: string) {
    for (const table of ['files', 'submission_revisions', 'submission_notes', 'submission_messages', 'submission_reads', 'submission_message_reads']) {
      this.db.prepare(`DELETE FROM ${table} WHERE submission_id = ?`).run(id);
    }
  }

  async tombstones(q: { municipalityCode: string; afterSeq: number; limit: number; procedureId?: string }): Promise<SubmissionTombstone[]> {
    const byProcedure = q.procedureId ? 'AND procedure_id = @p' : '';
    const rows = this.db
      .prepare(`SELECT * FROM submission_tombstones WHERE municipality_code = @m AND change_seq > @after ${byProcedure} ORDER BY change_seq LIMIT @limit`)
      .all({ m: q.municipalityCode, after: q.afterSeq, limit: q.limit, p: q.procedureId ?? null }) as Array<Record<string, string | number>>;
    return rows.map((r) => ({
      kind: 'deleted' as const,
      changeSeq: r.change_seq as number,
      submissionId: r.submission_id as string,
      receiptNumber: r.receipt_number as string,
      municipalityCode: r.municipality_code as string,
      procedureId: r.procedure_id as string,
      at: r.at as string,
    }));
  }

  async purge(id: string, options: RemovalOptions = {}) {
    guarded(() =>
      this.db
        .transaction(() => {
          const row = this.db.prepare('SELECT receipt_number, municipality_code, procedure_id FROM submissions WHERE id = ?').get(id) as
            { receipt_number: string; municipality_code: string; procedure_id: string } | undefined;
          if (!row) return;
          this.removeDependents(id);
          this.db.prepare('DELETE FROM submissions WHERE id = ?').run(id);
          // The change counter moves (countByStatus sees the purge) and its new value places the tombstone in the pull feed.
          this.db
            .prepare('INSERT INTO submission_tombstones (change_seq, submission_id, receipt_number, municipality_code, procedure_id, kind, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(nextChangeSeq(this.db), id, row.receipt_number, row.municipality_code, row.procedure_id, 'deleted', options.at ?? new Date().toISOString());
          writeWithEvents(this.db, options);
        })
        .immediate(),
    );
  }

  async strip(id: string, now: Date, options: RemovalOptions = {}) {
    guarded(() =>
      this.db
        .transaction(() => {
          const row = this.db.prepare('SELECT history_json, counter_json FROM submissions WHERE id = ?').get(id) as { history_json: string; counter_json: string | null } | undefined;
          if (!row) return;
          this.removeDependents(id);
          // Messages to the applicant may quote personal data: only the bare status trail stays.
          const history = (JSON.parse(row.history_json) as StatusChange[]).map(({ publicNote: _note, ...rest }) => rest);
          const counter = row.counter_json ? this.cipher.sealJson(withoutDrawnSignature(this.cipher.openJson(row.counter_json) as CounterOrigin)) : null;
          this.db
            .prepare(
              `UPDATE submissions SET data_json = ?, attachments_json = '{}', applicant_name = NULL, applicant_kana = NULL, history_json = ?, counter_json = ?,
                    stripped_at = ?, updated_at = ?, change_seq = ? WHERE id = ?`,
            )
            .run(this.cipher.sealJson({}), JSON.stringify(history), counter, now.toISOString(), now.toISOString(), nextChangeSeq(this.db), id);
          writeWithEvents(this.db, options);
        })
        .immediate(),
    );
  }
}
