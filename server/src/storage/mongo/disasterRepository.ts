/** Disasters and their applications' triage rows in MongoDB (issue #20). */
import type { ClientSession, Connection } from 'mongoose';
import type { Disaster } from '@madoguchi/shared';
import type { DamageSurvey, DisasterCaseRecord, DisasterRepository } from '../disasterTypes';
import type { DisasterModels } from './disasterModels';
import { guardedMongo } from './errors';

type CaseDoc = Omit<DisasterCaseRecord, 'submissionId'> & { _id: string };
const fromCaseDoc = ({ _id, ...rest }: CaseDoc): DisasterCaseRecord => ({ submissionId: _id, ...rest, survey: rest.survey ?? null });

/** Writes a triage row inside the submission's insert transaction. */
export async function insertDisasterCase(m: DisasterModels, c: DisasterCaseRecord, session: ClientSession): Promise<void> {
  const { submissionId, ...rest } = c;
  await m.DisasterCase.create([{ _id: submissionId, ...rest }], { session });
}

export class MongoDisasterRepository implements DisasterRepository {
  constructor(
    private readonly m: DisasterModels,
    private readonly connection: Connection,
  ) {}

  async create(d: Disaster): Promise<void> {
    await guardedMongo(() => this.m.Disaster.create({ _id: d.id, municipalityCode: d.municipalityCode, status: d.status, declaredAt: d.declaredAt, disaster: d }));
  }

  async get(id: string): Promise<Disaster | null> {
    const doc = await guardedMongo(() => this.m.Disaster.findById(id).lean<{ disaster: Disaster }>());
    return doc ? doc.disaster : null;
  }

  async update(d: Disaster): Promise<void> {
    await guardedMongo(() => this.m.Disaster.updateOne({ _id: d.id, municipalityCode: d.municipalityCode }, { $set: { status: d.status, disaster: d } }));
  }

  async list(municipalityCode: string): Promise<Disaster[]> {
    const docs = await guardedMongo(() => this.m.Disaster.find({ municipalityCode }).sort({ declaredAt: -1, _id: -1 }).lean<{ disaster: Disaster }[]>());
    return docs.map((doc) => doc.disaster);
  }

  async getCase(submissionId: string): Promise<DisasterCaseRecord | null> {
    const doc = await guardedMongo(() => this.m.DisasterCase.findById(submissionId).lean<CaseDoc>());
    return doc ? fromCaseDoc(doc) : null;
  }

  async listCases(disasterId: string): Promise<DisasterCaseRecord[]> {
    const docs = await guardedMongo(() => this.m.DisasterCase.find({ disasterId }).sort({ area: 1, createdAt: 1, _id: 1 }).lean<CaseDoc[]>());
    return docs.map(fromCaseDoc);
  }

  async setSurveys(disasterId: string, results: { submissionId: string; survey: DamageSurvey | null }[]): Promise<boolean> {
    try {
      await guardedMongo(() =>
        this.connection.transaction(async (session) => {
          for (const r of results) {
            const res = await this.m.DisasterCase.updateOne({ _id: r.submissionId, disasterId }, { $set: { survey: r.survey } }, { session });
            if (res.matchedCount !== 1) throw new NotInDisaster();
          }
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof NotInDisaster) return false;
      throw error;
    }
  }
}

/** Aborts the batch when one application is not of the disaster. */
class NotInDisaster extends Error {}
