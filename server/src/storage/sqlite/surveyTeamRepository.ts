/** 調査班 of a disaster in SQLite (issue #20, migration 16). */
import type { SurveyTeam, SurveyTeamRepository } from '../surveyTeamTypes';
import { guarded, type Db } from './database';

export class SqliteSurveyTeamRepository implements SurveyTeamRepository {
  constructor(private readonly db: Db) {}

  async create(t: SurveyTeam): Promise<void> {
    guarded(() =>
      this.db
        .prepare('INSERT INTO survey_teams (id, disaster_id, municipality_code, name, date, team_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run(t.id, t.disasterId, t.municipalityCode, t.name, t.date, JSON.stringify(t)),
    );
  }

  async get(id: string): Promise<SurveyTeam | null> {
    const r = this.db.prepare('SELECT team_json FROM survey_teams WHERE id = ?').get(id) as { team_json: string } | undefined;
    return r ? (JSON.parse(r.team_json) as SurveyTeam) : null;
  }

  async update(t: SurveyTeam): Promise<boolean> {
    const res = guarded(() =>
      this.db
        .prepare('UPDATE survey_teams SET name = ?, date = ?, team_json = ? WHERE id = ? AND disaster_id = ? AND municipality_code = ?')
        .run(t.name, t.date, JSON.stringify(t), t.id, t.disasterId, t.municipalityCode),
    );
    return res.changes === 1;
  }

  async delete(id: string): Promise<boolean> {
    return guarded(() => this.db.prepare('DELETE FROM survey_teams WHERE id = ?').run(id)).changes === 1;
  }

  async list(disasterId: string): Promise<SurveyTeam[]> {
    const rows = this.db.prepare('SELECT team_json FROM survey_teams WHERE disaster_id = ? ORDER BY date, name, id').all(disasterId) as { team_json: string }[];
    return rows.map((r) => JSON.parse(r.team_json) as SurveyTeam);
  }
}
