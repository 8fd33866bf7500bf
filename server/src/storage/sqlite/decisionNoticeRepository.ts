/** Decision notices in SQLite (issue #21): the notice is inserted inside the status move's transaction (insertDecisionNotice). */
import type { DataCipher } from '../../security/dataCipher';
import type { DecisionKind, DecisionNoticeRecord, DecisionNoticeRepository, DecisionNoticeWrite, NoticeTemplate, NoticeTexts, StoredNoticeTemplate } from '../decisionNoticeTypes';
import { guarded, type Db } from './database';

interface Row {
  id: string;
  municipality_code: string;
  year: number;
  serial: number;
  number: string;
  submission_id: string;
  receipt_number: string;
  procedure_id: string;
  kind: string;
  texts_json: string;
  decided_on: string;
  issued_at: string;
  issued_by: string;
}

/** Takes the next serial of the municipality and year and stores the notice; call inside the caller's transaction. */
export function insertDecisionNotice(db: Db, cipher: DataCipher, write: DecisionNoticeWrite): void {
  const d = write.draft;
  const { last } = db.prepare('SELECT MAX(serial) AS last FROM decision_notices WHERE municipality_code = ? AND year = ?').get(d.municipalityCode, d.year) as { last: number | null };
  const serial = (last ?? 0) + 1;
  db.prepare(
    `INSERT INTO decision_notices (id, municipality_code, year, serial, number, submission_id, receipt_number, procedure_id, kind, texts_json, decided_on, issued_at, issued_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.id, d.municipalityCode, d.year, serial, write.numberFor(serial), d.submissionId, d.receiptNumber, d.procedureId, d.kind, cipher.sealJson(d.texts), d.decidedOn, d.issuedAt, d.issuedBy);
}

export class SqliteDecisionNoticeRepository implements DecisionNoticeRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
  ) {}

  async forSubmission(submissionId: string): Promise<DecisionNoticeRecord | null> {
    const r = this.db.prepare('SELECT * FROM decision_notices WHERE submission_id = ?').get(submissionId) as Row | undefined;
    if (!r) return null;
    return {
      id: r.id,
      municipalityCode: r.municipality_code,
      year: r.year,
      serial: r.serial,
      number: r.number,
      submissionId: r.submission_id,
      receiptNumber: r.receipt_number,
      procedureId: r.procedure_id,
      kind: r.kind as DecisionKind,
      texts: this.cipher.openJson<NoticeTexts>(r.texts_json),
      decidedOn: r.decided_on,
      issuedAt: r.issued_at,
      issuedBy: r.issued_by,
    };
  }

  async template(municipalityCode: string, procedureId: string): Promise<StoredNoticeTemplate | null> {
    const r = this.db.prepare('SELECT * FROM decision_notice_templates WHERE municipality_code = ? AND procedure_id = ?').get(municipalityCode, procedureId) as
      { template_json: string; updated_at: string; updated_by: string } | undefined;
    return r ? { municipalityCode, procedureId, template: JSON.parse(r.template_json) as NoticeTemplate, updatedAt: r.updated_at, updatedBy: r.updated_by } : null;
  }

  async saveTemplate(t: StoredNoticeTemplate): Promise<void> {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO decision_notice_templates (municipality_code, procedure_id, template_json, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (municipality_code, procedure_id) DO UPDATE SET template_json = excluded.template_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(t.municipalityCode, t.procedureId, JSON.stringify(t.template), t.updatedAt, t.updatedBy),
    );
  }
}
