/** 標準処理期間 per procedure, submissions' deadlines and once-a-day job claims in SQLite. */
import type { SubmissionDeadline } from '@madoguchi/shared';
import type { DeadlineRepository, ProcessingPeriodSetting } from '../deadlineTypes';
import { guarded, type Db } from './database';

interface PeriodRow {
  municipality_code: string;
  procedure_id: string;
  days: number;
  unit: ProcessingPeriodSetting['unit'];
  updated_at: string;
  updated_by: string;
}

const toSetting = (r: PeriodRow): ProcessingPeriodSetting => ({
  municipalityCode: r.municipality_code,
  procedureId: r.procedure_id,
  days: r.days,
  unit: r.unit,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** The deadline and its due date as a plain column (the inbox sorts and filters on it); also inside the insert's transaction. */
export function writeSubmissionDeadline(db: Db, submissionId: string, deadline: SubmissionDeadline): void {
  db.prepare('UPDATE submissions SET deadline_json = ?, due_date = ? WHERE id = ?').run(JSON.stringify(deadline), deadline.dueDate, submissionId);
}

export class SqliteDeadlineRepository implements DeadlineRepository {
  constructor(private readonly db: Db) {}

  async listPeriods(municipalityCode: string) {
    return (this.db.prepare('SELECT * FROM processing_periods WHERE municipality_code = ? ORDER BY procedure_id').all(municipalityCode) as PeriodRow[]).map(toSetting);
  }

  async getPeriod(municipalityCode: string, procedureId: string) {
    const row = this.db.prepare('SELECT * FROM processing_periods WHERE municipality_code = ? AND procedure_id = ?').get(municipalityCode, procedureId) as PeriodRow | undefined;
    return row ? toSetting(row) : null;
  }

  async setPeriod(s: ProcessingPeriodSetting) {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO processing_periods (municipality_code, procedure_id, days, unit, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (municipality_code, procedure_id) DO UPDATE SET days = excluded.days, unit = excluded.unit, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(s.municipalityCode, s.procedureId, s.days, s.unit, s.updatedAt, s.updatedBy),
    );
  }

  async removePeriod(municipalityCode: string, procedureId: string) {
    guarded(() => this.db.prepare('DELETE FROM processing_periods WHERE municipality_code = ? AND procedure_id = ?').run(municipalityCode, procedureId));
  }

  async setSubmissionDeadline(submissionId: string, deadline: SubmissionDeadline) {
    guarded(() => writeSubmissionDeadline(this.db, submissionId, deadline));
  }

  async claimRun(key: string, at: string) {
    return guarded(() => this.db.prepare('INSERT INTO job_runs (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, at).changes === 1);
  }

  async hasRun(key: string) {
    return this.db.prepare('SELECT 1 FROM job_runs WHERE key = ?').get(key) !== undefined;
  }
}
