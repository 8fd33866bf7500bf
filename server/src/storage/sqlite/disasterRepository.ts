/** Disasters and their applications' triage rows in SQLite (issue #20). */
import type { Disaster } from '@madoguchi/shared';
import type { DamageSurvey, DisasterCaseRecord, DisasterRepository } from '../disasterTypes';
import { guarded, type Db } from './database';

interface CaseRow {
  submission_id: string;
  disaster_id: string;
  municipality_code: string;
  procedure_id: string;
  receipt_number: string;
  area: string;
  postal_code: string;
  residential: number | null;
  reported_damage: string;
  photo_count: number;
  self_assessment: number;
  survey_json: string | null;
  created_at: string;
}

const fromCaseRow = (r: CaseRow): DisasterCaseRecord => ({
  submissionId: r.submission_id,
  disasterId: r.disaster_id,
  municipalityCode: r.municipality_code,
  procedureId: r.procedure_id,
  receiptNumber: r.receipt_number,
  area: r.area,
  postalCode: r.postal_code,
  residential: r.residential === null ? null : r.residential === 1,
  reportedDamage: r.reported_damage,
  photoCount: r.photo_count,
  selfAssessment: r.self_assessment === 1,
  survey: r.survey_json ? (JSON.parse(r.survey_json) as DamageSurvey) : null,
  createdAt: r.created_at,
});

/** Writes a triage row; called inside the submission's insert transaction. */
export function insertDisasterCase(db: Db, c: DisasterCaseRecord): void {
  db.prepare(
    `INSERT INTO disaster_cases (submission_id, disaster_id, municipality_code, procedure_id, receipt_number, area, postal_code, residential,
       reported_damage, photo_count, self_assessment, survey_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.submissionId,
    c.disasterId,
    c.municipalityCode,
    c.procedureId,
    c.receiptNumber,
    c.area,
    c.postalCode,
    c.residential === null ? null : c.residential ? 1 : 0,
    c.reportedDamage,
    c.photoCount,
    c.selfAssessment ? 1 : 0,
    c.survey ? JSON.stringify(c.survey) : null,
    c.createdAt,
  );
}

export class SqliteDisasterRepository implements DisasterRepository {
  constructor(private readonly db: Db) {}

  async create(d: Disaster): Promise<void> {
    guarded(() =>
      this.db
        .prepare('INSERT INTO disasters (id, municipality_code, status, disaster_json, declared_at) VALUES (?, ?, ?, ?, ?)')
        .run(d.id, d.municipalityCode, d.status, JSON.stringify(d), d.declaredAt),
    );
  }

  async get(id: string): Promise<Disaster | null> {
    const r = this.db.prepare('SELECT disaster_json FROM disasters WHERE id = ?').get(id) as { disaster_json: string } | undefined;
    return r ? (JSON.parse(r.disaster_json) as Disaster) : null;
  }

  async update(d: Disaster): Promise<void> {
    guarded(() => this.db.prepare('UPDATE disasters SET status = ?, disaster_json = ? WHERE id = ? AND municipality_code = ?').run(d.status, JSON.stringify(d), d.id, d.municipalityCode));
  }

  async list(municipalityCode: string): Promise<Disaster[]> {
    const rows = this.db.prepare('SELECT disaster_json FROM disasters WHERE municipality_code = ? ORDER BY declared_at DESC, id DESC').all(municipalityCode) as { disaster_json: string }[];
    return rows.map((r) => JSON.parse(r.disaster_json) as Disaster);
  }

  async getCase(submissionId: string): Promise<DisasterCaseRecord | null> {
    const r = this.db.prepare('SELECT * FROM disaster_cases WHERE submission_id = ?').get(submissionId) as CaseRow | undefined;
    return r ? fromCaseRow(r) : null;
  }

  async listCases(disasterId: string): Promise<DisasterCaseRecord[]> {
    const rows = this.db.prepare('SELECT * FROM disaster_cases WHERE disaster_id = ? ORDER BY area, created_at, submission_id').all(disasterId) as CaseRow[];
    return rows.map(fromCaseRow);
  }

  async setSurveys(disasterId: string, results: { submissionId: string; survey: DamageSurvey | null }[]): Promise<boolean> {
    const set = this.db.prepare('UPDATE disaster_cases SET survey_json = ? WHERE submission_id = ? AND disaster_id = ?');
    try {
      guarded(() =>
        this.db.transaction(() => {
          for (const r of results) {
            if (set.run(r.survey ? JSON.stringify(r.survey) : null, r.submissionId, disasterId).changes !== 1) throw new NotInDisaster();
          }
        })(),
      );
      return true;
    } catch (error) {
      if (error instanceof NotInDisaster) return false;
      throw error;
    }
  }
}

/** Rolls the batch back when one application is not of the disaster. */
class NotInDisaster extends Error {}
