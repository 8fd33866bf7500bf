/** 調査班 of a disaster in MongoDB (issue #20). */
import { Schema, type Connection } from 'mongoose';
import type { SurveyTeam, SurveyTeamRepository } from '../surveyTeamTypes';
import { guardedMongo } from './errors';

const surveyTeamSchema = new Schema(
  {
    _id: { type: String, required: true },
    disasterId: { type: String, required: true },
    municipalityCode: { type: String, required: true },
    name: { type: String, required: true },
    date: { type: String, required: true },
    team: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'survey_teams', versionKey: false, minimize: false },
);
surveyTeamSchema.index({ disasterId: 1, date: 1, name: 1 });

export function registerSurveyTeamModels(connection: Connection) {
  return { SurveyTeam: connection.model('SurveyTeam', surveyTeamSchema) };
}
export type SurveyTeamModels = ReturnType<typeof registerSurveyTeamModels>;

export class MongoSurveyTeamRepository implements SurveyTeamRepository {
  constructor(private readonly m: SurveyTeamModels) {}

  async create(t: SurveyTeam): Promise<void> {
    await guardedMongo(() => this.m.SurveyTeam.create({ _id: t.id, disasterId: t.disasterId, municipalityCode: t.municipalityCode, name: t.name, date: t.date, team: t }));
  }

  async get(id: string): Promise<SurveyTeam | null> {
    const doc = await guardedMongo(() => this.m.SurveyTeam.findById(id).lean<{ team: SurveyTeam }>());
    return doc ? doc.team : null;
  }

  async update(t: SurveyTeam): Promise<boolean> {
    const res = await guardedMongo(() => this.m.SurveyTeam.updateOne({ _id: t.id, disasterId: t.disasterId, municipalityCode: t.municipalityCode }, { $set: { name: t.name, date: t.date, team: t } }));
    return res.matchedCount === 1;
  }

  async delete(id: string): Promise<boolean> {
    return (await guardedMongo(() => this.m.SurveyTeam.deleteOne({ _id: id }))).deletedCount === 1;
  }

  async list(disasterId: string): Promise<SurveyTeam[]> {
    const docs = await guardedMongo(() => this.m.SurveyTeam.find({ disasterId }).sort({ date: 1, name: 1, _id: 1 }).lean<{ team: SurveyTeam }[]>());
    return docs.map((d) => d.team);
  }
}
