/**
 * 調査班 (issue #20): a named group of a municipality's staff that surveys
 * the damaged homes of some areas (町字) of one disaster on one day.
 */
export interface SurveyTeam {
  id: string;
  disasterId: string;
  municipalityCode: string;
  /** e.g. 「第1班」. */
  name: string;
  /** 調査日 (YYYY-MM-DD). */
  date: string;
  /** User ids of the municipality's staff in the team. */
  memberIds: string[];
  /** 町字 the team surveys (as the triage rows name them). */
  areas: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyTeamRepository {
  create(team: SurveyTeam): Promise<void>;
  get(id: string): Promise<SurveyTeam | null>;
  /** Replaces a team (its id, disaster and municipality stay); false when there is none. */
  update(team: SurveyTeam): Promise<boolean>;
  /** False when there was none. */
  delete(id: string): Promise<boolean>;
  /** A disaster's teams, by date then name. */
  list(disasterId: string): Promise<SurveyTeam[]>;
}
